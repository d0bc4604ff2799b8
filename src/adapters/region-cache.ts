import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  chmodSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { MAX_CACHE_FILE_BYTES } from '../core/limits.js';
import type { Clock } from '../core/ports.js';
import { isValidRegion } from '../core/region.js';
import { readRegularFileSync } from './safe-read.js';

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
    // Unpredictable, created only if absent, never through a symlink: a file planted at the
    // temporary name cannot be written through.
    const temporary = `${path}.${randomBytes(12).toString('hex')}.tmp`;
    try {
      if (!ownPrivateDirectory(dirname(path))) return;
      const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = constants;
      const fd = openSync(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
      try {
        writeSync(fd, `${JSON.stringify(Object.fromEntries(kept))}\n`);
      } finally {
        closeSync(fd);
      }
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
      if (!isValidRegion(region) || get(endpoint, bucket) === region) return;
      load().set(cacheKey(endpoint, bucket), { region, at: clock.now().getTime() });
      save();
    },
    forget(endpoint, bucket) {
      if (load().delete(cacheKey(endpoint, bucket))) save();
    },
  };
}

/**
 * Buckets are named per endpoint (per AWS partition on AWS): the origin and the path, since two
 * stores can live under one host (`https://host/store-a`, `https://host/store-b`); user:password
 * in a URL stays out.
 */
function cacheKey(endpoint: string | undefined, bucket: string): string {
  if (!endpoint) return `aws ${bucket}`;
  try {
    const url = new URL(endpoint);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')} ${bucket}`;
  } catch {
    return `${endpoint} ${bucket}`;
  }
}

/**
 * The cache's directory, made 0700 if missing. One that is a symlink or belongs to someone else
 * is refused (no cache then); one of ours that others can read or write is made private first.
 */
function ownPrivateDirectory(directory: string): boolean {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const stats = lstatSync(directory);
  if (!stats.isDirectory()) return false;
  if (process.getuid && stats.uid !== process.getuid()) return false;
  if ((stats.mode & 0o077) !== 0) chmodSync(directory, 0o700);
  return true;
}

function readEntries(path: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let parsed: unknown;
  try {
    const text = readRegularFileSync(
      path,
      MAX_CACHE_FILE_BYTES,
      (fd, stats) => {
        // A cache others could write would let them choose where links are signed for.
        if ((stats.mode & 0o077) !== 0 && (!process.getuid || stats.uid === process.getuid())) fchmodSync(fd, 0o600);
      },
      false,
    );
    parsed = JSON.parse(text);
  } catch {
    return entries;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return entries;
  for (const [key, value] of Object.entries(parsed)) {
    const { region, at } = (value ?? {}) as Partial<Entry>;
    if (isValidRegion(region) && Number.isFinite(at)) {
      entries.set(key, { region, at: at as number });
    }
  }
  return entries;
}
