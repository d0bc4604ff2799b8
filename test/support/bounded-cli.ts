/**
 * Runs the built binary without a terminal, like runCli (./cli.ts), but with a time limit of the
 * test's choosing and the elapsed time measured: a fault test must fail in seconds when the app
 * hangs, not wait for a generic 30 s limit.
 */
import { CLI } from './app.js';
import { runProcess, type ProcessRun } from './terminal/run-process.js';

export type BoundedRun = Pick<ProcessRun, 'code' | 'stdout' | 'stderr' | 'killedAtLimit'> & {
  /** Milliseconds from spawn to exit (or to the kill at the limit). */
  ms: number;
};

export async function runCliWithin(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  limitMs: number,
): Promise<BoundedRun> {
  const run = await runProcess(process.execPath, [CLI, ...args], { env, limitMs, detached: true });
  return { ...run, ms: run.toExit };
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
