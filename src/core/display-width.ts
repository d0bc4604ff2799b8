import stringWidth from 'string-width';
import { printable } from './printable.js';

// Kept apart from printable(): string-width costs ~40 ms to load, which the non-interactive path
// (no columns to line up) does not pay.

const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

/** Columns a printable() string takes on a terminal (plain ASCII, the usual case, is its length). */
export function displayWidth(shown: string): number {
  return PLAIN_ASCII.test(shown) ? shown.length : stringWidth(shown);
}

/** A printable() string padded with spaces to `columns` terminal columns (as padEnd, by display width). */
export function padToWidth(shown: string, columns: number): string {
  const width = displayWidth(shown);
  return width >= columns ? shown : shown + ' '.repeat(columns - width);
}

/**
 * The width of a column of names: the widest escaped name, at least `min`, at most `max`. A loop,
 * not Math.max(...names): a spread of 100,000 arguments overflows the stack.
 */
export function columnWidth<T>(items: readonly T[], name: (item: T) => string, min: number, max: number): number {
  let widest = min;
  for (const item of items) {
    const text = name(item);
    if (text.length <= widest && PLAIN_ASCII.test(text)) continue;
    widest = Math.max(widest, displayWidth(printable(text)));
    if (widest >= max) return max;
  }
  return widest;
}
