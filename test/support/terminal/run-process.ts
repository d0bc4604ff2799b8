/**
 * Runs a program without a terminal (stdin ignored, stdout and stderr collected) to its end or to a
 * time limit, timing it: the one spawn-and-collect helper of the tests and the benchmark.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** The program is killed at this limit (its whole process group when `detached`). */
  limitMs: number;
  /** In a new session and process group, so the kill at the limit also ends what it started. */
  detached?: boolean;
  /** Written to standard input, then closed; without it standard input is ignored. */
  input?: string;
  /** Times the moment stdout first satisfies this (toOutput). */
  until?: (stdout: string) => boolean;
}

export interface ProcessRun {
  /** null when the process was killed (at the limit or by a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from just before the spawn to the exit (or the kill at the limit). */
  toExit: number;
  /** Milliseconds from the spawn to stdout first satisfying `until` (undefined if never). */
  toOutput: number | undefined;
  /** True when the process was still running at the limit and was killed. */
  killedAtLimit: boolean;
}

/** Resolves when the process has ended and its output is drained; rejects only when it cannot start. */
export function runProcess(file: string, args: readonly string[], options: RunOptions): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, [...args], {
      env: options.env,
      cwd: options.cwd,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      detached: options.detached ?? false,
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    let stdout = '';
    let stderr = '';
    let toOutput: number | undefined;
    let killedAtLimit = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      const at = performance.now();
      stdout += chunk.toString('utf8');
      if (toOutput === undefined && options.until?.(stdout)) toOutput = at - started;
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      killedAtLimit = true;
      try {
        if (options.detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, options.limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'exit', not 'close', for the time: when the process ended, not when its pipes were drained.
    let exitedAt: number | undefined;
    child.on('exit', () => (exitedAt = performance.now()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, toExit: (exitedAt ?? performance.now()) - started, toOutput, killedAtLimit });
    });
  });
}
