import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { Clock } from '../core/ports.js';

/**
 * Bucket regions learned by earlier runs, so a script that signs in a loop pays for the lookup
 * (HeadBucket, often GetBucketLocation too) once a day instead of on every call. A bucket keeps
 * its region for life; only deleting it and creating it elsewhere moves it, hence the expiry.
 * Nothing secret is kept: endpoint origins, bucket names and regions.
 */
export interface RegionCache {
  get(endpoint: string | undefined, bucket: string): string | undefined;
  set(endpoint: string | undefined, bucket: string, region: string): void;
  forget(endpoint: string | undefined, bucket: string): void;
}

export const REGION_CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 500;

interface Entry {
  region: string;
  /** When the region was learned, epoch milliseconds. */
  at: number;
}

export const noRegionCache: RegionCache = { get: () => undefined, set: () => {}, forget: () => {} };

/** `$XDG_CACHE_HOME/s3share-tui/bucket-regions.json`, else under `~/.cache` (a relative one is ignored, as XDG says). */
export function regionCachePath(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 's3share-tui', 'bucket-regions.json');
}

/**
 * A cache in one small JSON file. It is only ever a shortcut: a file that is missing, unreadable,
 * malformed or unwritable makes every call a miss, never an error.
 */
export function fileRegionCache(path: string, clock: Clock): RegionCache {
  let entries: Map<string, Entry> | undefined;
  const load = (): Map<string, Entry> => {
    entries ??= readEntries(path);
    return entries;
  };
  const save = () => {
    const kept = [...load()].sort((a, b) => b[1].at - a[1].at).slice(0, MAX_ENTRIES);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(temporary, `${JSON.stringify(Object.fromEntries(kept))}\n`, { mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      // A read-only home or a full disk only costs the next run a lookup; leave no half-write.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written.
      }
    }
  };
  const get = (endpoint: string | undefined, bucket: string) => {
    const entry = load().get(cacheKey(endpoint, bucket));
    if (!entry) return undefined;
    const age = clock.now().getTime() - entry.at;
    return age >= 0 && age < REGION_CACHE_MAX_AGE_MS ? entry.region : undefined;
  };
  return {
    get,
    set(endpoint, bucket, region) {
      if (get(endpoint, bucket) === region) return;
      load().set(cacheKey(endpoint, bucket), { region, at: clock.now().getTime() });
      save();
    },
    forget(endpoint, bucket) {
      if (load().delete(cacheKey(endpoint, bucket))) save();
    },
  };
}

/** Buckets are named per endpoint (per AWS partition on AWS); user:password in a URL stays out. */
function cacheKey(endpoint: string | undefined, bucket: string): string {
  if (!endpoint) return `aws ${bucket}`;
  try {
    return `${new URL(endpoint).origin} ${bucket}`;
  } catch {
    return `${endpoint} ${bucket}`;
  }
}

function readEntries(path: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return entries;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return entries;
  for (const [key, value] of Object.entries(parsed)) {
    const { region, at } = (value ?? {}) as Partial<Entry>;
    if (typeof region === 'string' && /^[\w.-]{1,64}$/.test(region) && Number.isFinite(at)) {
      entries.set(key, { region, at: at as number });
    }
  }
  return entries;
}
