/**
 * Runs the built binary without a terminal, like runCli (test/support/cli.ts), but with a time limit
 * of the test's choosing and the elapsed time measured: a fault test must fail in seconds when the
 * app hangs, not wait for a generic 30 s limit.
 */
import { spawn } from 'node:child_process';
import { CLI } from './cli.js';

export interface BoundedRun {
  /** null when the process was killed at the limit (or by a signal). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from spawn to exit (or to the kill at the limit). */
  ms: number;
  /** True when the process was still running at the limit and was killed. */
  killedAtLimit: boolean;
}

export function runCliWithin(args: readonly string[], env: NodeJS.ProcessEnv, limitMs: number): Promise<BoundedRun> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let killedAtLimit = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      killedAtLimit = true;
      try {
        // The child leads its own process group (detached): end it and anything it started.
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, ms: Date.now() - started, killedAtLimit });
    });
  });
}

/** Fails with `label` when `promise` has not settled within `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: still pending after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
