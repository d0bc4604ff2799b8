import { render } from 'ink';
import { createProfileSource } from '../adapters/aws-profiles.js';
import { createLazyS3Connector } from '../adapters/lazy-s3.js';
import { createClipboard, disabledClipboard } from '../adapters/clipboard.js';
import { createOpener } from '../adapters/opener.js';
import { fileRegionCache, regionCachePath } from '../adapters/region-cache.js';
import { readRemembered, rememberedPath, writeRemembered } from '../adapters/remembered-file.js';
import { rememberLocation } from '../core/remembered.js';
import { createMfaChannel } from '../core/mfa-channel.js';
import { createNoticeChannel } from '../core/notice-channel.js';
import type { Services } from '../core/ports.js';
import { printable } from '../core/printable.js';
import { redactUserinfo } from '../core/redact.js';
import type { StartOptions } from '../state/app-state.js';
import { App, type AppExit } from './app.js';
import { limitHeapGrowth } from './heap-growth.js';
import { readProfilesEarly } from './early-profiles.js';
import { enterAlternateScreen, keepScrollback } from './screen-buffer.js';
import { withSoftWrap } from './soft-wrap.js';
import { openTerminal } from './terminal.js';
import { exitAfterGrace, restoreTerminalOnExit } from './terminal-restore.js';

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
/** How long the first frame waits for the profiles before it shows the spinner instead. */
const EARLY_PROFILES_MS = 200;

/** The interactive app: draws on the terminal, returns the exit code when the user leaves. */
export interface RunSettings {
  timeoutSeconds: number;
  /** Log S3 requests to stderr (redirect it: `2>debug.log`). */
  debug: boolean;
  clearClipboardAfter?: number;
  noClipboard?: boolean;
  /** Draw on the terminal's alternate screen (the main screen and its scrollback stay as they were). */
  altScreen?: boolean;
  /** Keep where the person was (profile, bucket, folder) for the next start; default on. */
  remember?: boolean;
}

/** What the screens start from: the command line, the defaults file, and the place remembered. */
type InteractiveOptions = StartOptions;

export async function runInteractive(startOptions: InteractiveOptions, settings: RunSettings): Promise<number> {
  const terminal = openTerminal();
  if (!terminal) {
    process.stderr.write('s3share-tui: no terminal to draw on; pass s3://BUCKET/KEY to sign without screens.\n');
    return 2;
  }
  const profiles = readProfilesEarly(createProfileSource());
  const remember = settings.remember !== false;
  const rememberedFile = rememberedPath(process.env);
  const remembered = remember ? readRemembered(rememberedFile) : undefined;
  const options: InteractiveOptions = { ...startOptions, ...(remembered ? { remembered } : {}) };
  const clock = { now: () => new Date() };
  const mfa = createMfaChannel();
  const notices = createNoticeChannel();
  const s3 = createLazyS3Connector({
    clock,
    regionCache: fileRegionCache(regionCachePath(process.env), clock),
    mfaCode: (serial) => mfa.ask(serial),
    notice: (line) => notices.tell(line),
    timeoutMs: settings.timeoutSeconds * 1000,
    ...(settings.debug
      ? { debug: (line: string) => process.stderr.write(`s3share-tui debug: ${printable(redactUserinfo(line))}\n`) }
      : {}),
  });
  const services: Services = {
    profiles: profiles.source,
    s3,
    mfa,
    notices,
    clipboard: settings.noClipboard
      ? disabledClipboard
      : createClipboard({
          terminal: terminal.output,
          ...(settings.clearClipboardAfter ? { clearAfterSeconds: settings.clearClipboardAfter } : {}),
        }),
    opener: createOpener(),
    clock,
  };

  const leaveAlternateScreen = settings.altScreen ? enterAlternateScreen(terminal.output) : undefined;
  restoreTerminalOnExit(terminal);
  clearScreenWhenNarrowed(terminal.output);
  keepCursorEscapesOutOfRedirectedStderr();
  const initialDiscovery = await profiles.within(EARLY_PROFILES_MS);
  // Keys are raw from the first frame on: Ink turns raw mode on only once its input hook is
  // mounted, just after that frame, and a Ctrl-C in between would be a SIGINT to the whole
  // process group (a wrapping script included) instead of a key. Ink turns it off on exit.
  terminal.input.setRawMode?.(true);
  let result: AppExit = { code: 0 };
  const app = (
    <App
      services={services}
      options={options}
      initialDiscovery={initialDiscovery}
      stdoutCaptured={terminal.stdoutIsCaptured}
      onExit={(exit) => (result = exit)}
    />
  );
  const instance = render(app, {
    stdout: withSoftWrap(keepScrollback(terminal.output)),
    stdin: terminal.input,
    // Ink's own terminal chatter (cursor restore) belongs on the terminal, not in a redirected stderr.
    stderr: keepScrollback(terminal.output),
    exitOnCtrlC: false,
    patchConsole: false,
  });

  // The first frame is on screen (render() draws it): load the SDK while the person reads it.
  // The heap's growth is limited only now: from the start, the small young heap would be
  // collected over and over while the modules load, delaying that frame.
  setImmediate(() => {
    limitHeapGrowth();
    s3.preload();
  });

  // A signal from outside (kill, a closed SSH session) still restores the terminal.
  const onSignal = (signal: keyof typeof SIGNAL_CODES) => {
    result = { code: SIGNAL_CODES[signal] };
    exitAfterGrace(SIGNAL_CODES[signal]);
    instance.unmount();
  };
  for (const signal of Object.keys(SIGNAL_CODES) as (keyof typeof SIGNAL_CODES)[]) process.once(signal, onSignal);

  await instance.waitUntilExit();
  for (const signal of Object.keys(SIGNAL_CODES)) process.removeAllListeners(signal);
  leaveAlternateScreen?.();
  if (remembered && result.location) writeRemembered(rememberedFile, rememberLocation(remembered, result.location));
  if (result.message) process.stderr.write(`${result.message}\n`);
  // Like fzf: the links picked go to a captured stdout, alone; the screens stayed on the terminal.
  if (terminal.stdoutIsCaptured && result.output) process.stdout.write(result.output);
  return result.code;
}

/**
 * A terminal made narrower re-wraps the lines already drawn onto more rows than Ink erases,
 * leaving pieces of the old frame (a cut-off URL among them) above the new one. Clear the visible
 * screen first, never the scrollback; registered before Ink's own handler, so it runs first.
 */
function clearScreenWhenNarrowed(output: NodeJS.WriteStream): void {
  let { columns, rows } = output;
  output.on('resize', () => {
    if (output.columns < columns || output.rows < rows) output.write('\u001b[2J\u001b[H');
    ({ columns, rows } = output);
  });
}

/**
 * Ink's cursor helper registers an exit hook that writes "show cursor" to process.stderr even
 * when stderr is a file (`2>err.log`). The terminal gets its cursor back from Ink itself; the
 * file should not get an escape sequence.
 */
function keepCursorEscapesOutOfRedirectedStderr(): void {
  if (process.stderr.isTTY) return;
  const write = process.stderr.write.bind(process.stderr) as (...args: unknown[]) => boolean;
  process.stderr.write = (chunk: unknown, ...rest: unknown[]) =>
    chunk === '\u001b[?25h' ? true : write(chunk, ...rest);
}
