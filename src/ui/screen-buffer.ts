/**
 * The terminal's scrollback is the user's: the app never erases it (`ESC [ 3 J`), not even where
 * Ink clears the screen to redraw a frame that filled it.
 */
const CLEAR_SCROLLBACK = '\u001b[3J';
const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';

export function withoutScrollbackClear(text: string): string {
  return text.includes(CLEAR_SCROLLBACK) ? text.split(CLEAR_SCROLLBACK).join('') : text;
}

/** The same terminal stream, with `write` never passing on a scrollback clear. */
export function keepScrollback<T extends NodeJS.WriteStream>(stream: T): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === 'string' ? withoutScrollbackClear(chunk) : chunk,
            ...rest,
          );
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * --alt-screen: draw on the alternate screen, as full-screen editors do, and give the main
 * screen back on every way out: the returned function (idempotent), or the process ending for
 * any other reason (an uncaught error, process.exit).
 */
export function enterAlternateScreen(output: NodeJS.WritableStream & { fd?: number }): () => void {
  output.write(ENTER_ALTERNATE_SCREEN);
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.removeListener('exit', leave);
    output.write(LEAVE_ALTERNATE_SCREEN);
  };
  // At 'exit' only synchronous writes happen: a TTY stream's write is.
  process.on('exit', leave);
  return leave;
}
