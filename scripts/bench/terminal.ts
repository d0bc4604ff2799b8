/**
 * A pseudo-terminal for timing: runs a program under @lydell/node-pty, feeds its output into a
 * headless xterm of the same size, and resolves waits at the moment the screen first satisfies a
 * test. Times are performance.now() values taken when the chunk that completed the screen
 * arrived from the pty (before xterm parsed it), so the harness's own parsing is not counted.
 * Nothing polls: the test runs after each chunk is parsed.
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { performance } from 'node:perf_hooks';

const { Terminal } = xterm;

export const Keys = {
  Up: '\x1b[A',
  Down: '\x1b[B',
  End: '\x1b[F',
  Home: '\x1b[H',
  Backspace: '\x7f',
  Esc: '\x1b',
  CtrlC: '\x03',
} as const;

interface Waiter {
  test: (screen: string) => boolean;
  resolve: (at: number) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class TimedTerminal {
  readonly cols: number;
  readonly rows: number;
  /** performance.now() just before the program was spawned. */
  readonly spawnedAt: number;
  /** performance.now() when the last chunk of output arrived. */
  lastOutputAt: number;
  exited: { exitCode: number; signal?: number } | undefined;

  private readonly proc: pty.IPty;
  private readonly term: InstanceType<typeof Terminal>;
  private waiters: Waiter[] = [];
  private readonly exitPromise: Promise<void>;

  constructor(file: string, args: readonly string[], options: { env: Record<string, string>; cwd: string; cols?: number; rows?: number }) {
    this.cols = options.cols ?? 100;
    this.rows = options.rows ?? 30;
    this.term = new Terminal({ cols: this.cols, rows: this.rows, allowProposedApi: true, scrollback: 0 });
    this.spawnedAt = performance.now();
    this.lastOutputAt = this.spawnedAt;
    this.proc = pty.spawn(file, [...args], {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: options.cwd,
      env: options.env,
    });
    this.proc.onData((data) => {
      const arrived = performance.now();
      this.lastOutputAt = arrived;
      this.term.write(data, () => this.check(arrived));
    });
    this.exitPromise = new Promise<void>((resolve) => {
      this.proc.onExit(({ exitCode, signal }) => {
        this.exited = signal ? { exitCode, signal } : { exitCode };
        // Let the last bytes be parsed, then fail whoever still waits.
        setTimeout(() => {
          for (const waiter of this.waiters.splice(0)) {
            clearTimeout(waiter.timer);
            waiter.reject(new Error(`the program exited (code ${exitCode}) before the screen showed what was awaited:\n${this.screen()}`));
          }
          resolve();
        }, 50);
      });
    });
  }

  get pid(): number {
    return this.proc.pid;
  }

  lines(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < this.rows; y += 1) out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return out;
  }

  screen(): string {
    return this.lines().join('\n');
  }

  private check(arrived: number): void {
    if (this.waiters.length === 0) return;
    const screen = this.screen();
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.test(screen)) return true;
      clearTimeout(waiter.timer);
      waiter.resolve(arrived);
      return false;
    });
  }

  /**
   * Resolves with the arrival time of the chunk after which the screen first passed `test`
   * (checked now too: if it passes already, resolves with the last chunk's arrival time).
   */
  waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs: number, what = String(test)): Promise<number> {
    const fn = typeof test === 'function' ? test : typeof test === 'string' ? (s: string) => s.includes(test) : (s: string) => test.test(s);
    return new Promise<number>((resolve, reject) => {
      // Output already received but not yet parsed is checked when its parse completes.
      this.term.write('', () => {
        if (fn(this.screen())) return resolve(this.lastOutputAt);
        if (this.exited) return reject(new Error(`the program has exited; the screen never showed ${what}:\n${this.screen()}`));
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the screen:\n${this.screen()}`));
        }, timeoutMs);
        const waiter: Waiter = { test: fn, resolve, reject, timer };
        this.waiters.push(waiter);
      });
    });
  }

  /** Waits until no output has arrived for `quietMs` (at most `timeoutMs`). */
  async quiet(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline) {
      const idle = performance.now() - this.lastOutputAt;
      if (idle >= quietMs) return;
      await new Promise((r) => setTimeout(r, Math.max(1, quietMs - idle)));
    }
  }

  /** Writes to the program's input; returns performance.now() at the write. */
  write(data: string): number {
    if (this.exited) throw new Error(`cannot type ${JSON.stringify(data)}: the program has exited`);
    const at = performance.now();
    this.proc.write(data);
    return at;
  }

  /** Ends the program (its whole process group: it leads its own session) and frees the pty. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        process.kill(-this.proc.pid, 'SIGKILL');
      } catch {
        try {
          this.proc.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
      await Promise.race([this.exitPromise, new Promise((r) => setTimeout(r, 3000))]);
    }
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error('disposed'));
    }
    this.term.dispose();
  }
}
