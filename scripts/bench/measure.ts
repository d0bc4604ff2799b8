/** Timing of whole processes, and the statistics the report uses. */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ProcessTiming {
  /** Spawn to the first time stdout satisfied `until` (undefined without `until` or if never). */
  toOutput: number | undefined;
  /** Spawn to exit. */
  toExit: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `file args` with no terminal (stdin ignored, or `input` piped in; stdout and stderr piped),
 * timing from just before spawn to the moment stdout first satisfies `until`, and to exit. Killed
 * after `timeoutMs`.
 */
export function timeProcess(
  file: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; until?: (stdout: string) => boolean; timeoutMs?: number; input?: string },
): Promise<ProcessTiming> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawn(file, [...args], { env: options.env, cwd: options.cwd, stdio: [stdin, 'pipe', 'pipe'] });
    if (options.input !== undefined) child.stdin?.end(options.input);
    let stdout = '';
    let stderr = '';
    let toOutput: number | undefined;
    child.stdout?.on('data', (chunk: Buffer) => {
      const at = performance.now();
      stdout += chunk.toString('utf8');
      if (toOutput === undefined && options.until?.(stdout)) toOutput = at - started;
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} ${args.join(' ')} did not finish in ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'exit', not 'close': the time the process ended, not when its pipes were drained.
    let exitedAt = 0;
    let code: number | null = null;
    child.on('exit', (c) => {
      exitedAt = performance.now();
      code = c;
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ toOutput, toExit: (exitedAt || performance.now()) - started, code, stdout, stderr });
    });
  });
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Sample {
  values: number[];
  median: number;
  p90: number;
  min: number;
  max: number;
}

export function sample(values: readonly number[]): Sample {
  return {
    values: [...values],
    median: median(values),
    p90: percentile(values, 90),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}
