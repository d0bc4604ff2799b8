/**
 * Removes escape sequences from terminal output (for searching the raw byte stream). Not
 * util.stripVTControlCharacters: it leaves most of an OSC 52 sequence whose base64 holds `+` or `/`.
 */
export function stripAnsi(text: string): string {
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[@-Z\\-_]/g, '');
}
