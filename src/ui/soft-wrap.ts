import stringWidth from 'string-width';

/**
 * Ink breaks a long word (a presigned URL) into terminal-wide pieces joined by "\n", and a
 * terminal copies those hard breaks along with a mouse selection. A line that exactly fills the
 * terminal needs no "\n": the terminal wraps by itself at that point, marks the row as soft-
 * wrapped, and a selection then copies the URL whole. The picture on screen, and so Ink's own
 * line bookkeeping, stays the same.
 */
export function joinFullWidthLines(text: string, columns: number | undefined): string {
  if (!columns || !text.includes('\n')) return text;
  const lines = text.split('\n');
  let joined = lines[0] ?? '';
  for (let i = 1; i < lines.length; i += 1) {
    const previous = lines[i - 1] ?? '';
    const next = lines[i] ?? '';
    const continues = next !== '' && !/^[\u0000-\u001f\u007f]/.test(next);
    joined += continues && isPlainAscii(previous) && stringWidth(previous) === columns ? next : `\n${next}`;
  }
  return joined;
}

/**
 * Only plain ASCII lines (a URL is one) are joined: terminals disagree about the width of emoji
 * and East Asian characters, and a line one cell short of full would pull the next line up.
 */
function isPlainAscii(line: string): boolean {
  return /^[\x20-\x7e]*$/.test(line.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''));
}

/** The same terminal stream, with `write` passing text through `joinFullWidthLines`. */
export function withSoftWrap<T extends NodeJS.WriteStream>(stream: T): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === 'string' ? joinFullWidthLines(chunk, target.columns) : chunk,
            ...rest,
          );
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
