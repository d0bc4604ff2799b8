import { openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';

export interface TerminalStreams {
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  /** True when standard output is not the terminal: the URL goes there on exit. */
  stdoutIsCaptured: boolean;
}

/**
 * Where to draw and read keys. Like fzf: when standard output is captured (`url=$(s3share-tui)`)
 * the screens go to standard error, or to /dev/tty when that is captured too; keys come from
 * /dev/tty when standard input is a pipe. Undefined when there is no terminal at all.
 */
export function openTerminal(): TerminalStreams | undefined {
  const stdoutIsCaptured = !process.stdout.isTTY;
  const output = !stdoutIsCaptured
    ? process.stdout
    : process.stderr.isTTY
      ? process.stderr
      : (openTty('w') as NodeJS.WriteStream | undefined);
  const input = process.stdin.isTTY ? process.stdin : (openTty('r') as NodeJS.ReadStream | undefined);
  if (!output || !input) return undefined;
  return { input, output, stdoutIsCaptured };
}

function openTty(mode: 'r' | 'w'): ReadStream | WriteStream | undefined {
  try {
    const fd = openSync('/dev/tty', mode === 'r' ? 'r' : 'w');
    return mode === 'r' ? new ReadStream(fd) : new WriteStream(fd);
  } catch {
    return undefined;
  }
}
