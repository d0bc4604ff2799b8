/**
 * A small driver for end-to-end tests: runs a command in a pseudo-terminal (@lydell/node-pty) and
 * feeds everything it prints into a headless xterm of the same size, so tests read the screen a
 * person would see. Waits poll the screen for content; nothing sleeps for a fixed time.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';

const { Terminal } = xterm;
type XTerm = InstanceType<typeof Terminal>;

/** Bytes a terminal sends for named keys (xterm, normal cursor mode). */
export const Key = {
  Enter: '\r',
  Up: '\x1b[A',
  Down: '\x1b[B',
  Right: '\x1b[C',
  Left: '\x1b[D',
  Home: '\x1b[H',
  End: '\x1b[F',
  PageUp: '\x1b[5~',
  PageDown: '\x1b[6~',
  Esc: '\x1b',
  Backspace: '\x7f',
  Tab: '\t',
  CtrlC: '\x03',
} as const;

export type KeyName = keyof typeof Key;

export interface Exit {
  exitCode: number;
  /** The signal number when the child was killed by a signal. */
  signal?: number;
}

export interface SpawnOptions {
  /** Arguments after `node dist/cli.js`. */
  args?: readonly string[];
  /** The environment on top of the cleaned-up test environment (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  cwd?: string;
}

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built app (`npm run build`); S3SHARE_E2E_CLI points the tests at another build of it. */
export const CLI = process.env.S3SHARE_E2E_CLI ? resolve(process.env.S3SHARE_E2E_CLI) : resolve(PROJECT_ROOT, 'dist/cli.js');

/**
 * The environment for a child driven in a pty: no CI markers (Ink would draw only the final
 * frame), no AWS settings from the machine running the tests (an AWS_ACCESS_KEY_ID would add an
 * "(environment)" profile, AWS_PROFILE would pick one), no XDG_CACHE_HOME (the bucket-region
 * cache goes under the child's HOME, never into the cache of the person running the tests), a
 * plain xterm.
 */
export function childEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) continue;
    if (name.startsWith('AWS_') || name.startsWith('S3_')) continue;
    if (name === 'XDG_CACHE_HOME' || name === 'XDG_CONFIG_HOME') continue;
    if (name.startsWith('VITEST') || name === 'NODE_OPTIONS' || name === 'FORCE_COLOR' || name === 'NO_COLOR') continue;
    env[name] = value;
  }
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  // The compile cache shared by the run (see global-setup.ts), not one per HOME.
  if (process.env.S3SHARE_TEST_COMPILE_CACHE) env.NODE_COMPILE_CACHE = process.env.S3SHARE_TEST_COMPILE_CACHE;
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export class PtySession {
  /** The terminal's size now (see resize). */
  cols: number;
  rows: number;
  /** Everything the child wrote to the terminal, escape sequences included. */
  raw = '';
  /** Resolves when the child exits and its last output has reached the screen. */
  readonly exit: Promise<Exit>;
  exited: Exit | undefined;

  private readonly proc: pty.IPty;
  private readonly term: XTerm;
  private parsing: Promise<void> = Promise.resolve();

  constructor(file: string, args: readonly string[], options: SpawnOptions = {}) {
    this.cols = options.cols ?? 100;
    this.rows = options.rows ?? 30;
    this.term = new Terminal({ cols: this.cols, rows: this.rows, allowProposedApi: true, scrollback: 1000 });
    this.proc = pty.spawn(file, [...args], {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: options.cwd ?? PROJECT_ROOT,
      env: childEnvironment(options.env),
    });
    this.proc.onData((data) => {
      this.raw += data;
      this.parsing = new Promise<void>((done) => this.term.write(data, done));
    });
    this.exit = new Promise<Exit>((resolveExit) => {
      this.proc.onExit(({ exitCode, signal }) => {
        const exit: Exit = signal ? { exitCode, signal } : { exitCode };
        // Let the last bytes reach xterm before anyone reads the final screen.
        setImmediate(() =>
          void this.settled().then(() => {
            this.exited = exit;
            resolveExit(exit);
          }),
        );
      });
    });
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Waits until xterm has parsed all output received so far. */
  async settled(): Promise<void> {
    let last: Promise<void> | undefined;
    while (last !== this.parsing) {
      last = this.parsing;
      await last;
    }
  }

  /** The visible rows, right-trimmed, as they stand on the screen. */
  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.rows; y += 1) {
      out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    }
    return out;
  }

  /** The visible screen as text, one row a line. */
  screen(): string {
    return this.lines().join('\n');
  }

  /**
   * The visible screen with rows the terminal soft-wrapped joined back into one line each, as a
   * mouse selection (or triple-click) would copy them.
   */
  logicalLines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    let current: string | undefined;
    for (let y = 0; y < this.rows; y += 1) {
      const line = buffer.getLine(buffer.viewportY + y);
      if (!line) break;
      const next = buffer.getLine(buffer.viewportY + y + 1);
      // A row continued on the next one is taken whole: its last cells belong to the line.
      const continued = next?.isWrapped === true && y + 1 < this.rows;
      const text = line.translateToString(!continued);
      if (line.isWrapped && current !== undefined) current += text;
      else {
        if (current !== undefined) out.push(current);
        current = text;
      }
    }
    if (current !== undefined) out.push(current);
    return out;
  }

  /**
   * Polls the screen until it contains `pattern` (a string, or a regular expression matched against
   * the screen text), and returns the screen. Fails with the screen in the message on timeout or
   * when the child exits first.
   */
  async waitFor(pattern: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const test =
      typeof pattern === 'function'
        ? pattern
        : typeof pattern === 'string'
          ? (s: string) => s.includes(pattern)
          : (s: string) => pattern.test(s);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.settled();
      const screen = this.screen();
      if (test(screen)) return screen;
      if (this.exited) {
        throw new Error(`the program exited (${describeExit(this.exited)}) before the screen showed ${String(pattern)}:\n${frame(screen)}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(pattern)}; the screen:\n${frame(screen)}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Polls the screen until `pattern` is gone from it. */
  async waitForGone(pattern: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const present = typeof pattern === 'string' ? (s: string) => s.includes(pattern) : (s: string) => pattern.test(s);
    return this.waitFor((s) => !present(s), timeoutMs);
  }

  /** Waits for the exit, failing after `timeoutMs` with the screen in the message. */
  async waitForExit(timeoutMs = 10_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the program did not exit within ${timeoutMs} ms; the screen:\n${frame(this.screen())}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends keys: each argument is a key name (`'Enter'`, `'Down'`, `'CtrlC'`…) or literal text.
   * Each argument is one write, as a person pressing keys one by one (use `write` for a burst).
   */
  press(...keys: Array<KeyName | (string & {})>): void {
    for (const key of keys) this.write(key in Key ? Key[key as KeyName] : key);
  }

  /** Resizes the terminal (the child gets SIGWINCH), keeping the screen model the same size. */
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.term.resize(cols, rows);
    this.proc.resize(cols, rows);
  }

  /** Writes bytes to the terminal's input in one go. */
  write(data: string): void {
    if (this.exited) throw new Error(`cannot type ${JSON.stringify(data)}: the program has exited`);
    this.proc.write(data);
  }

  /** Sends a signal to the child (SIGTERM unless told). */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.proc.kill(signal);
  }

  /** Ends the child (if it still runs) and frees the terminal. Safe to call twice. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      // The child leads its own session (setsid): its process group also holds what it started,
      // such as the app under `sh -c`.
      try {
        process.kill(-this.proc.pid, 'SIGKILL');
      } catch {
        try {
          this.proc.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
      await Promise.race([this.exit, new Promise((r) => setTimeout(r, 2000))]);
    }
    this.term.dispose();
  }
}

/** Runs `node dist/cli.js ...args` in a fresh pseudo-terminal (100×30 unless told). */
export function spawnCli(options: SpawnOptions = {}): PtySession {
  return new PtySession(process.execPath, [CLI, ...(options.args ?? [])], options);
}

/** Runs a shell command line in a fresh pseudo-terminal (for redirections). */
export function spawnShell(command: string, options: SpawnOptions = {}): PtySession {
  return new PtySession('/bin/sh', ['-c', command], options);
}

/** The sessions a test opened, to be disposed in afterEach. */
export class Sessions {
  private readonly open: PtySession[] = [];

  cli(options: SpawnOptions = {}): PtySession {
    const session = spawnCli(options);
    this.open.push(session);
    return session;
  }

  shell(command: string, options: SpawnOptions = {}): PtySession {
    const session = spawnShell(command, options);
    this.open.push(session);
    return session;
  }

  async disposeAll(): Promise<void> {
    const sessions = this.open.splice(0);
    await Promise.all(sessions.map((s) => s.dispose()));
  }
}

/** Removes escape sequences from terminal output (for searching the raw byte stream). */
export function stripAnsi(text: string): string {
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[@-Z\\-_]/g, '');
}

function describeExit(exit: Exit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.exitCode}`;
}

function frame(screen: string): string {
  return screen
    .split('\n')
    .map((line) => `│${line}`)
    .join('\n');
}
