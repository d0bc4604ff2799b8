import { writeSync } from 'node:fs';
import { printable } from '../core/printable.js';
import { redactUserinfo } from '../core/redact.js';
import type { TerminalStreams } from './terminal.js';

const SHOW_CURSOR = '\u001b[?25h';
/** Leave the alternate screen, synchronized output and bracketed paste, should anything have entered them. */
const LEAVE_MODES = '\u001b[?2026l\u001b[?2004l';

/** How long a signal may take to unmount the screens before the process ends regardless. */
const SIGNAL_GRACE_MS = 1000;

/**
 * Puts the terminal back however the process ends: raw mode off and the cursor shown on any exit
 * (process.exit included, and the out-of-memory paths Node still runs 'exit' handlers for), and on
 * an uncaught exception or unhandled rejection, which also end the app with one line and code 1
 * instead of a stack trace over a raw terminal. Returns a function that removes the handlers.
 */
export function restoreTerminalOnExit(terminal: TerminalStreams): () => void {
  const fd = (terminal.output as { fd?: number }).fd;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (terminal.input.isTTY && terminal.input.isRaw) terminal.input.setRawMode(false);
    } catch {
      // The terminal is gone (a hang-up): nothing to restore.
    }
    try {
      if (typeof fd === 'number') writeSync(fd, `${LEAVE_MODES}${SHOW_CURSOR}`);
    } catch {
      // As above.
    }
  };
  const fatal = (error: unknown) => {
    restore();
    const message = error instanceof Error ? error.message : String(error);
    try {
      writeSync(
        2,
        `s3share-tui: ${printable(redactUserinfo((message.split('\n')[0] ?? '').trim() || 'unexpected error'))}\n`,
      );
    } catch {
      // No stderr left.
    }
    process.exit(1);
  };
  process.on('exit', restore);
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  return () => {
    process.off('exit', restore);
    process.off('uncaughtException', fatal);
    process.off('unhandledRejection', fatal);
  };
}

/** After a signal, the screens get a moment to unmount; then the process ends with `code` regardless. */
export function exitAfterGrace(code: number): void {
  setTimeout(() => process.exit(code), SIGNAL_GRACE_MS).unref();
}
