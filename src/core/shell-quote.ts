/**
 * One word for a POSIX shell, whatever it holds: single quotes around it, and each `'` inside
 * written as `'\''` (close, an escaped quote, reopen).
 */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}
