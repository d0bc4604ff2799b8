import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir } from './app-dirs.js';

/** Bucket names are kept this long for shell completion: a Tab press should not wait for S3. */
const BUCKET_NAMES_MAX_AGE_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 50;

interface Entry {
  at: number;
  names: string[];
}

export function bucketNamesPath(env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), 'completion-buckets.json');
}

/** Names listed for `key` (a profile and endpoint) within the last few minutes, else undefined. */
export function cachedBucketNames(path: string, key: string, now: number): string[] | undefined {
  const entry = readEntries(path)[key];
  return entry && now - entry.at >= 0 && now - entry.at < BUCKET_NAMES_MAX_AGE_MS ? entry.names : undefined;
}

/** Keeps the names (owner-only file, replaced in one step); a failed write is only a slower next Tab. */
export function cacheBucketNames(path: string, key: string, names: readonly string[], now: number): void {
  const entries = { ...readEntries(path), [key]: { at: now, names: [...names] } };
  const kept = Object.entries(entries)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_ENTRIES);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${JSON.stringify(Object.fromEntries(kept))}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

function readEntries(path: string): Record<string, Entry> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
  const entries: Record<string, Entry> = {};
  if (typeof data !== 'object' || data === null) return entries;
  for (const [key, value] of Object.entries(data)) {
    const { at, names } = (value ?? {}) as Partial<Entry>;
    if (Number.isFinite(at) && Array.isArray(names) && names.every((n) => typeof n === 'string')) {
      entries[key] = { at: at as number, names };
    }
  }
  return entries;
}
