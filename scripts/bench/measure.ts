/** Timing of whole processes, and the statistics the report uses. */
import { runProcess, type ProcessRun } from '../../test/support/terminal/run-process.js';

/**
 * Runs `file args` with no terminal (stdin ignored, or `input` piped in), timing from just before
 * the spawn to the moment stdout first satisfies `until` (toOutput), and to the exit (toExit).
 * Fails when it takes more than `timeoutMs` (30 s by default).
 */
export async function timeProcess(
  file: string,
  args: readonly string[],
  options: {
    env: Record<string, string>;
    cwd: string;
    until?: (stdout: string) => boolean;
    timeoutMs?: number;
    input?: string;
  },
): Promise<ProcessRun> {
  const { timeoutMs = 30_000, ...rest } = options;
  const run = await runProcess(file, args, { ...rest, limitMs: timeoutMs });
  if (run.killedAtLimit) throw new Error(`${file} ${args.join(' ')} did not finish in ${timeoutMs} ms`);
  return run;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
function percentile(values: readonly number[], p: number): number {
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

/** One figure against its target, a row of the report's main table. */
export interface Row {
  id: string;
  what: string;
  value: Sample | undefined;
  unit: 'ms' | 'MB' | 'links/s';
  /** The baseline, when the target is a ratio. */
  baseline?: { what: string; value: Sample | undefined };
  target:
    | { kind: 'ratio'; max: number }
    | { kind: 'absolute'; max: number; strict: true }
    | { kind: 'at-least'; min: number };
  note?: string;
}

export interface Info {
  what: string;
  value: string;
}
