// C0 and C1 control characters, DEL, and the Unicode bidirectional controls that can reorder
// what a terminal shows (a key named "\u202Etxt.exe" must not display as "exe.txt").
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * Text from a server or a user (object keys, bucket names, error messages) made safe to put on
 * a terminal: control characters are shown as escapes, so a key holding an escape sequence can
 * neither move the cursor nor write the clipboard.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
