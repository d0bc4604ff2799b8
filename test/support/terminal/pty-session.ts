/**
 * The one pseudo-terminal driver, for the end-to-end tests and the benchmark: runs a program under
 * @lydell/node-pty and feeds everything it prints into a headless xterm of the same size, so callers
 * read the screen a person would see.
 *
 * Waits are event-driven: the screen is tested each time a chunk of output has been parsed, never
 * by polling, and a match carries the arrival time of the chunk that completed it
 * (performance.now() taken before xterm parsed it, so the driver's own parsing is not counted).
 * While the program holds synchronized output open (Ink wraps each frame in it), the half-drawn
 * frame is not tested: a wait sees whole frames, as the terminal would show them.
 */
import { performance } from 'node:perf_hooks';
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { childEnvironment } from './child-environment.js';
import { Key, type KeyName } from './keys.js';

const { Terminal } = xterm;
type XTerm = InstanceType<typeof Terminal>;

export interface Exit {
  exitCode: number;
  /** The signal number when the child was killed by a signal. */
  signal?: number;
}

export interface PtyOptions {
  /** The environment on top of childEnvironment() (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  cols?: number;
  rows?: number;
  cwd?: string;
}

/** A string the screen contains, a regular expression it matches, or a test of its text. */
export type ScreenTest = string | RegExp | ((screen: string) => boolean);

export interface Match {
  screen: string;
  /** performance.now() when the chunk of output that completed the screen arrived. */
  at: number;
}

interface Waiter {
  test: (screen: string) => boolean;
  what: string;
  resolve: (match: Match) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class PtySession {
  /** The terminal's size now (see resize). */
  cols: number;
  rows: number;
  /** performance.now() just before the program was spawned. */
  readonly spawnedAt: number;
  /** performance.now() when the last chunk of output arrived. */
  lastOutputAt: number;
  /** Everything the child wrote to the terminal, escape sequences included. */
  raw = '';
  /** Resolves when the child exits and its last output has reached the screen. */
  readonly exit: Promise<Exit>;
  exited: Exit | undefined;
  /** performance.now() when the pty reported the child's exit. */
  exitedAt: number | undefined;

  private readonly proc: pty.IPty;
  private readonly term: XTerm;
  private readonly waiters = new Set<Waiter>();
  private readonly onOutput = new Set<() => void>();
  private disposed = false;

  constructor(file: string, args: readonly string[], options: PtyOptions = {}) {
    this.cols = options.cols ?? 100;
    this.rows = options.rows ?? 30;
    this.term = new Terminal({ cols: this.cols, rows: this.rows, allowProposedApi: true, scrollback: 1000 });
    this.spawnedAt = performance.now();
    this.lastOutputAt = this.spawnedAt;
    this.proc = pty.spawn(file, [...args], {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: options.cwd ?? process.cwd(),
      env: childEnvironment(options.env),
    });
    this.proc.onData((data) => {
      const arrived = performance.now();
      this.lastOutputAt = arrived;
      this.raw += data;
      for (const listener of this.onOutput) listener();
      this.term.write(data, () => this.check(arrived, false));
    });
    this.exit = new Promise<Exit>((resolveExit) => {
      this.proc.onExit(({ exitCode, signal }) => {
        this.exitedAt = performance.now();
        const exit: Exit = signal ? { exitCode, signal } : { exitCode };
        const finish = () => {
          this.exited = exit;
          // The final screen counts even if the program left a frame open.
          this.check(this.lastOutputAt, true);
          for (const waiter of this.waiters) {
            this.settle(waiter);
            waiter.reject(
              new Error(
                `the program exited (${describeExit(exit)}) before the screen showed ${waiter.what}:\n${frame(this.screen())}`,
              ),
            );
          }
          resolveExit(exit);
        };
        // Let the last bytes reach xterm before anyone reads the final screen.
        setImmediate(() => (this.disposed ? finish() : this.term.write('', finish)));
      });
    });
  }

  get pid(): number {
    return this.proc.pid;
  }

  /** Waits until xterm has parsed all output received so far. */
  settled(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    return new Promise<void>((done) => this.term.write('', done));
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
   * Resolves with the screen and the arrival time of the output that made it pass `pattern`
   * (tested now too: if it passes already, with the last chunk's arrival time). Fails with the
   * screen in the message on timeout or when the child exits first.
   */
  waitForMatch(pattern: ScreenTest, timeoutMs = 10_000, what = String(pattern)): Promise<Match> {
    const test = toTest(pattern);
    return new Promise<Match>((resolve, reject) => {
      const start = () => {
        const screen = this.screen();
        if ((this.exited || !this.term.modes.synchronizedOutputMode) && test(screen)) {
          resolve({ screen, at: this.lastOutputAt });
          return;
        }
        if (this.exited) {
          reject(
            new Error(
              `the program exited (${describeExit(this.exited)}) before the screen showed ${what}:\n${frame(screen)}`,
            ),
          );
          return;
        }
        const waiter: Waiter = {
          test,
          what,
          resolve,
          reject,
          timer: setTimeout(() => {
            this.waiters.delete(waiter);
            reject(
              new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen:\n${frame(this.screen())}`),
            );
          }, timeoutMs),
        };
        this.waiters.add(waiter);
      };
      // Output received but not parsed yet is tested when its parse completes.
      if (this.disposed) start();
      else this.term.write('', start);
    });
  }

  /** Waits for the screen to pass `pattern`, and returns it. */
  async waitFor(pattern: ScreenTest, timeoutMs = 10_000): Promise<string> {
    return (await this.waitForMatch(pattern, timeoutMs)).screen;
  }

  /** Waits until `pattern` is gone from the screen. */
  waitForGone(pattern: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const present = toTest(pattern);
    return this.waitFor((s) => !present(s), timeoutMs);
  }

  /** Waits for the exit, failing after `timeoutMs` with the screen in the message. */
  async waitForExit(timeoutMs = 10_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`the program did not exit within ${timeoutMs} ms; the screen:\n${frame(this.screen())}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exit, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves once no output has arrived for `quietMs`, or after `timeoutMs` at the most. */
  quiet(quietMs: number, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout;
      const done = () => {
        clearTimeout(timer);
        clearTimeout(deadline);
        this.onOutput.delete(restart);
        resolve();
      };
      const restart = () => {
        clearTimeout(timer);
        timer = setTimeout(done, quietMs);
      };
      const deadline = setTimeout(done, timeoutMs);
      timer = setTimeout(done, Math.max(0, quietMs - (performance.now() - this.lastOutputAt)));
      this.onOutput.add(restart);
    });
  }

  /**
   * Sends keys: each argument is a key name (`'Enter'`, `'Down'`, `'CtrlC'`…) or literal text.
   * Each argument is one write, as a person pressing keys one by one (use `write` for a burst).
   */
  press(...keys: Array<KeyName | (string & {})>): void {
    for (const key of keys) this.write(key in Key ? Key[key as KeyName] : key);
  }

  /** Writes bytes to the terminal's input in one go; returns performance.now() at the write. */
  write(data: string): number {
    if (this.exited) throw new Error(`cannot type ${JSON.stringify(data)}: the program has exited`);
    const at = performance.now();
    this.proc.write(data);
    return at;
  }

  /** Resizes the terminal (the child gets SIGWINCH), keeping the screen model the same size. */
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.term.resize(cols, rows);
    this.proc.resize(cols, rows);
  }

  /** Sends a signal to the child (SIGTERM unless told). */
  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.proc.kill(signal);
  }

  /** Ends the child (if it still runs) and frees the terminal. Safe to call twice. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
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
      await Promise.race([this.exit, new Promise((r) => setTimeout(r, 3000))]);
    }
    this.disposed = true;
    for (const waiter of this.waiters) {
      this.settle(waiter);
      waiter.reject(new Error(`the terminal was closed while waiting for ${waiter.what}`));
    }
    this.term.dispose();
  }

  private check(arrived: number, final: boolean): void {
    if (this.waiters.size === 0 || this.disposed) return;
    if (!final && this.term.modes.synchronizedOutputMode) return;
    const screen = this.screen();
    for (const waiter of this.waiters) {
      if (!waiter.test(screen)) continue;
      this.settle(waiter);
      waiter.resolve({ screen, at: arrived });
    }
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
  }
}

function toTest(pattern: ScreenTest): (screen: string) => boolean {
  if (typeof pattern === 'function') return pattern;
  if (typeof pattern === 'string') return (screen) => screen.includes(pattern);
  return (screen) => pattern.test(screen);
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
