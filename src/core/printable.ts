import stringWidth from 'string-width';

// C0 and C1 control characters, DEL, the Unicode bidirectional controls that can reorder what a
// terminal shows (a key named "\u202Etxt.exe" must not display as "exe.txt"), zero-width
// characters that hide text or join it (U+200B, U+200D, U+FEFF), and the Arabic number signs
// (U+0600–U+0605) that terminals draw over their neighbours.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u0600-\u0605\u061c\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

/**
 * Text from a server, a file or a user (object keys, bucket names, regions, error messages,
 * config values) made safe to put on a terminal: control and invisible characters are shown as
 * escapes, so a key holding an escape sequence can neither move the cursor nor write the clipboard.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

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
