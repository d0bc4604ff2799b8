import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Clipboard } from '../core/ports.js';
import { osc52Report, readTmuxSetClipboard, type TmuxOptionReader } from './osc52-report.js';
import { helperEnvironment } from './helper-environment.js';
import { helperOnStandby } from './run-helper.js';

export interface ClipboardOptions {
  /** The terminal the app draws on: the OSC 52 fallback is written there. */
  terminal?: NodeJS.WritableStream;
  /** Writes the system clipboard (the copy helper, with clipboardy); replaced in tests. */
  systemWrite?: SystemClipboardWrite;
  /** --clear-clipboard-after: empty the system clipboard after this long if it still holds the URL. */
  clearAfterSeconds?: number;
  /** The environment that says whether the app runs inside tmux (TMUX). */
  env?: NodeJS.ProcessEnv;
  /** Reads tmux's set-clipboard option; replaced in tests. */
  readTmuxOption?: TmuxOptionReader;
}

/**
 * The system clipboard through clipboardy (pbcopy, xsel, wl-copy, clip.exe). Without one (over
 * SSH, on a headless box) the text goes to the terminal as an OSC 52 sequence, which terminals
 * such as iTerm2, kitty, WezTerm, Windows Terminal and tmux put on the local clipboard.
 */
/** --no-clipboard: the copy key says copying is off. */
export const disabledClipboard: Clipboard = {
  copy: () => Promise.resolve({ ok: false, reason: 'copying is turned off (--no-clipboard).' }),
};

/** Puts text on the system clipboard; `warmUp` readies it ahead of a copy. */
export type SystemClipboardWrite = ((text: string) => Promise<void>) & { warmUp?: () => void };

export function createClipboard(options: ClipboardOptions = {}): Clipboard {
  const systemWrite = options.systemWrite ?? copyHelper();
  return {
    warmUp: () => systemWrite.warmUp?.(),
    async copy(text) {
      let reason: string;
      try {
        await systemWrite(text);
        if (options.clearAfterSeconds) {
          scheduleClear(text, options.clearAfterSeconds);
          return { ok: true, via: `system clipboard; cleared in ${options.clearAfterSeconds} s` };
        }
        return { ok: true, via: 'system clipboard' };
      } catch (error) {
        reason = systemClipboardProblem(error);
      }
      if (options.terminal) {
        options.terminal.write(osc52(text));
        const env = options.env ?? process.env;
        const noClearing = options.clearAfterSeconds
          ? '; it cannot be cleared later (--clear-clipboard-after needs the system clipboard)'
          : '';
        const message = await osc52Report(env, options.readTmuxOption ?? readTmuxSetClipboard(env));
        return {
          ok: true,
          via: `sent to the terminal with OSC 52, as ${reason}${noClearing}`,
          sentOnly: true,
          message: `${message}${noClearing}`,
        };
      }
      return { ok: false, reason };
    },
  };
}

/**
 * clipboardy starts the clipboard tool with the app's own environment and takes no env option,
 * and some of its tools start later than the call (its own xsel when the system's is missing or
 * fails, xsel after wl-copy): so it runs in a helper process (`copy-to-clipboard.js`, beside the
 * app's chunks in dist/) whose environment has no credentials, and neither has anything it starts.
 */
export function copyHelper(
  helperPath = fileURLToPath(new URL('./copy-to-clipboard.js', import.meta.url)),
): SystemClipboardWrite {
  const helper = helperOnStandby(helperPath, helperEnvironment, 'the clipboard');
  const write: SystemClipboardWrite = async (text) => {
    try {
      await helper.run(text);
    } finally {
      // The next copy (another format, the next link) is quick as well.
      helper.warmUp();
    }
  };
  write.warmUp = () => helper.warmUp();
  return write;
}

/** OSC 52 "set clipboard" with base64 text; BEL-terminated, the form most terminals accept. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

function systemClipboardProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no X11 or Wayland display';
  }
  return `the system clipboard failed (${(message.split('\n')[0] ?? '').trim()})`;
}

/**
 * Leaves the clearing to a small detached process, so it happens even after the app has quit
 * (as password managers do). It gets only the URL's hash.
 */
function scheduleClear(text: string, seconds: number): void {
  const hash = createHash('sha256').update(text).digest('hex');
  const script = fileURLToPath(new URL('./clear-clipboard.js', import.meta.url));
  try {
    spawn(process.execPath, [script, String(seconds), hash], {
      detached: true,
      stdio: 'ignore',
      env: helperEnvironment(),
    }).unref();
  } catch {
    // Clearing is a courtesy: a failure to start it must not fail the copy.
  }
}
