// C0 and C1 control characters, DEL, the Unicode bidirectional controls that can reorder what a
// terminal shows (a key named "\u202Etxt.exe" must not display as "exe.txt"), zero-width
// characters that hide text or join it (U+200B, U+200D, U+FEFF), and the Arabic number signs
// (U+0600–U+0605) that terminals draw over their neighbours.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u0600-\u0605\u061c\u200b\u200d-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

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
