import { printable } from '../core/printable.js';
import { displayWidth } from '../core/display-width.js';

/** Wider than any field is drawn, for places that do not measure the terminal. */
export const FIELD_COLUMNS = 200;

/**
 * The end of a typed field (where the cursor is), escaped, in at most `columns` terminal columns,
 * with "…" in front when the start is cut. Costs O(columns) whatever the field's length: a
 * pasted megabyte must not be measured and truncated by Ink on every frame.
 */
export function visibleTail(text: string, columns: number): string {
  const room = Math.max(1, Math.floor(columns));
  // Each code point takes at least one column, and at most two code units.
  let start = Math.max(0, text.length - room * 2);
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start += 1;
  let chars = Array.from(text.slice(start));
  let shown = printable(chars.join(''));
  const cut = start > 0 || displayWidth(shown) > room;
  if (!cut) return shown;
  if (/^[\u0020-\u007e]*$/.test(shown)) return `…${shown.slice(shown.length - (room - 1))}`;
  while (chars.length > 0 && displayWidth(shown) > room - 1) {
    chars = chars.slice(Math.max(1, Math.floor((displayWidth(shown) - room + 1) / 6)));
    shown = printable(chars.join(''));
  }
  return `…${shown}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
