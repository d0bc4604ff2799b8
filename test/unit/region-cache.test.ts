import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fileRegionCache,
  noRegionCache,
  REGION_CACHE_MAX_AGE_MS,
  regionCachePath,
} from '../../src/adapters/region-cache.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** A clock that stands still until the test moves it. */
function fakeClock(start = T0) {
  let now = start;
  return {
    now: () => new Date(now),
    set: (ms: number) => {
      now = ms;
    },
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Where a cache file would go in a fresh temp dir: `<tmp>/cache/s3share-tui/bucket-regions.json`. */
function cachePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 's3share-region-cache-'));
  dirs.push(dir);
  return join(dir, 'cache', 's3share-tui', 'bucket-regions.json');
}

function withFile(contents: string): string {
  const path = cachePath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  return path;
}

const fileJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('fileRegionCache', () => {
  it('misses when there is no file, and creates none for a get', () => {
    const path = cachePath();
    const cache = fileRegionCache(path, fakeClock());
    expect(cache.get(undefined, 'b')).toBeUndefined();
    expect(cache.get('http://127.0.0.1:9000', 'b')).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });

  it('returns what was set, in this instance and in a later one reading the same file', () => {
    const path = cachePath();
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    cache.set(undefined, 'photos', 'eu-west-3');
    cache.set(undefined, 'logs', 'ap-south-1');
    expect(cache.get(undefined, 'photos')).toBe('eu-west-3');
    expect(cache.get(undefined, 'logs')).toBe('ap-south-1');
    expect(cache.get(undefined, 'other')).toBeUndefined();

    const next = fileRegionCache(path, clock);
    expect(next.get(undefined, 'photos')).toBe('eu-west-3');
    expect(next.get(undefined, 'logs')).toBe('ap-south-1');
    expect(next.get(undefined, 'other')).toBeUndefined();
  });

  it('replaces a region set again with a different one', () => {
    const path = cachePath();
    const clock = fakeClock();
    fileRegionCache(path, clock).set(undefined, 'b', 'eu-west-1');
    fileRegionCache(path, clock).set(undefined, 'b', 'us-west-2');
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBe('us-west-2');
  });

  it(`forgets an entry ${REGION_CACHE_MAX_AGE_MS / 3_600_000} h after it was learned`, () => {
    expect(REGION_CACHE_MAX_AGE_MS).toBe(24 * 60 * 60 * 1000);
    const path = cachePath();
    const clock = fakeClock();
    fileRegionCache(path, clock).set(undefined, 'b', 'eu-west-1');

    clock.set(T0 + REGION_CACHE_MAX_AGE_MS - 1);
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBe('eu-west-1');
    clock.set(T0 + REGION_CACHE_MAX_AGE_MS);
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBeUndefined();
    // An instance that has already read the file ages its entries too.
    const later = fakeClock();
    const aging = fileRegionCache(path, later);
    expect(aging.get(undefined, 'b')).toBe('eu-west-1');
    later.set(T0 + REGION_CACHE_MAX_AGE_MS);
    expect(aging.get(undefined, 'b')).toBeUndefined();
  });

  it('re-learns an expired entry: set after expiry starts a new day', () => {
    const path = cachePath();
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    cache.set(undefined, 'b', 'eu-west-1');
    clock.set(T0 + REGION_CACHE_MAX_AGE_MS + 5);
    expect(cache.get(undefined, 'b')).toBeUndefined();
    cache.set(undefined, 'b', 'eu-west-1');
    expect(cache.get(undefined, 'b')).toBe('eu-west-1');
    clock.set(T0 + 2 * REGION_CACHE_MAX_AGE_MS);
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBe('eu-west-1');
  });

  it('misses an entry dated in the future (a clock set back, a hand-edited file)', () => {
    const path = withFile(JSON.stringify({ 'aws b': { region: 'eu-west-1', at: T0 + 60_000 } }));
    expect(fileRegionCache(path, fakeClock()).get(undefined, 'b')).toBeUndefined();
    // ...while the same entry is a hit once its time has come.
    expect(fileRegionCache(path, fakeClock(T0 + 60_000)).get(undefined, 'b')).toBe('eu-west-1');

    const clock = fakeClock();
    const cache = fileRegionCache(path.replace('bucket-regions', 'other'), clock);
    cache.set(undefined, 'c', 'us-west-1');
    clock.set(T0 - 1);
    expect(cache.get(undefined, 'c')).toBeUndefined();
  });

  it('keeps buckets apart per endpoint (origin and path), with AWS itself (no endpoint) as its own', () => {
    const path = cachePath();
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    cache.set('http://a:1', 'b', 'region-a');
    cache.set('http://b:1', 'b', 'region-b');
    cache.set(undefined, 'b', 'eu-west-1');

    const next = fileRegionCache(path, clock);
    expect(next.get('http://a:1', 'b')).toBe('region-a');
    expect(next.get('http://b:1', 'b')).toBe('region-b');
    expect(next.get(undefined, 'b')).toBe('eu-west-1');
    expect(next.get('http://a:2', 'b')).toBeUndefined();
    expect(next.get('https://a:1', 'b')).toBeUndefined();
    // Same endpoint, other spelling: a trailing slash or the host's case is not part of the key.
    expect(next.get('http://a:1/', 'b')).toBe('region-a');
    expect(next.get('http://A:1', 'b')).toBe('region-a');
    expect(Object.keys(fileJson(path))).toHaveLength(3);
    // Two stores under one host are two endpoints.
    expect(next.get('http://a:1/some/path', 'b')).toBeUndefined();
    cache.set('http://a:1/store-2/', 'b', 'region-c');
    const again = fileRegionCache(path, clock);
    expect(again.get('http://a:1/store-2', 'b')).toBe('region-c');
    expect(again.get('http://a:1', 'b')).toBe('region-a');
    expect(Object.keys(fileJson(path))).toHaveLength(4);
  });

  it('keeps the user and password of an endpoint URL out of the file', () => {
    const path = cachePath();
    const clock = fakeClock();
    fileRegionCache(path, clock).set('http://user:secret@host:9000/path', 'b', 'us-west-2');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('user');
    expect(text).toContain('http://host:9000');
    // The entry is found again through the same URL, or through it without the user.
    expect(fileRegionCache(path, clock).get('http://user:secret@host:9000/path', 'b')).toBe('us-west-2');
    expect(fileRegionCache(path, clock).get('http://host:9000/path', 'b')).toBe('us-west-2');
  });

  it('forget removes the entry, from this instance and from the file', () => {
    const path = cachePath();
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    cache.set('http://a:1', 'b', 'eu-west-1');
    cache.set('http://a:1', 'kept', 'eu-west-2');
    cache.forget('http://a:1', 'b');
    expect(cache.get('http://a:1', 'b')).toBeUndefined();
    const next = fileRegionCache(path, clock);
    expect(next.get('http://a:1', 'b')).toBeUndefined();
    expect(next.get('http://a:1', 'kept')).toBe('eu-west-2');
    // Forgetting what is not there is harmless.
    expect(() => next.forget(undefined, 'never-set')).not.toThrow();
    expect(fileRegionCache(path, clock).get('http://a:1', 'kept')).toBe('eu-west-2');
  });

  it.each([
    ['malformed JSON', '{"aws b": {"region": "eu-west-1", "at": '],
    ['an empty file', ''],
    ['a JSON array', JSON.stringify([{ region: 'eu-west-1', at: T0 }])],
    ['a JSON string', JSON.stringify('aws b')],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['binary junk', '\u0000\u00ff\ufffd{'],
  ])('ignores %s without throwing, and writes a good file on the next set', (_what, contents) => {
    const path = withFile(contents);
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    expect(cache.get(undefined, 'b')).toBeUndefined();
    expect(cache.get(undefined, '0')).toBeUndefined();
    expect(() => cache.set(undefined, 'b', 'eu-west-1')).not.toThrow();
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBe('eu-west-1');
    const written = fileJson(path);
    expect(Array.isArray(written)).toBe(false);
    expect(written['aws b']).toEqual({ region: 'eu-west-1', at: T0 });
  });

  it('ignores entries of the wrong shape or with a region that is not a region name', () => {
    const good = { region: 'eu-west-1', at: T0 };
    const path = withFile(
      JSON.stringify({
        'aws good': good,
        'aws null': null,
        'aws string': 'eu-west-1',
        'aws number': 7,
        'aws list': ['eu-west-1', T0],
        'aws no-at': { region: 'eu-west-1' },
        'aws string-at': { region: 'eu-west-1', at: String(T0) },
        'aws no-region': { at: T0 },
        'aws number-region': { region: 42, at: T0 },
        'aws empty-region': { region: '', at: T0 },
        'aws path-region': { region: '../../etc', at: T0 },
        'aws spaced-region': { region: 'eu west 1', at: T0 },
        'aws newline-region': { region: 'eu-west-1\nx', at: T0 },
        'aws long-region': { region: 'a'.repeat(33), at: T0 },
        'aws escape-region': { region: 'us-east-1\u001b]52;c;aGk=\u0007', at: T0 },
        'aws upper-region': { region: 'US-EAST-1', at: T0 },
        'aws url-region': { region: 'http://evil.example', at: T0 },
      }),
    );
    const cache = fileRegionCache(path, fakeClock());
    expect(cache.get(undefined, 'good')).toBe('eu-west-1');
    for (const bucket of [
      'null',
      'string',
      'number',
      'list',
      'no-at',
      'string-at',
      'no-region',
      'number-region',
      'empty-region',
      'path-region',
      'spaced-region',
      'newline-region',
      'long-region',
      'escape-region',
      'upper-region',
      'url-region',
    ]) {
      expect(cache.get(undefined, bucket), bucket).toBeUndefined();
    }
    // A region name of the longest accepted length is still one.
    const edge = withFile(JSON.stringify({ 'aws b': { region: 'a'.repeat(32), at: T0 } }));
    expect(fileRegionCache(edge, fakeClock()).get(undefined, 'b')).toBe('a'.repeat(32));
    // The bad entries do not survive the next write.
    cache.set(undefined, 'new', 'us-west-2');
    expect(Object.keys(fileJson(path)).sort()).toEqual(['aws good', 'aws new']);
  });

  it('treats an unwritable location as a silent no-op: set does not throw, get does not throw', () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-region-cache-'));
    dirs.push(dir);
    // A regular file where a directory would have to be: unwritable even for root.
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, 'plain file\n');
    const path = join(blocker, 's3share-tui', 'bucket-regions.json');
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    expect(cache.get(undefined, 'b')).toBeUndefined();
    expect(() => cache.set(undefined, 'b', 'eu-west-1')).not.toThrow();
    // Still remembered for the rest of this run...
    expect(cache.get(undefined, 'b')).toBe('eu-west-1');
    expect(() => cache.forget(undefined, 'b')).not.toThrow();
    expect(cache.get(undefined, 'b')).toBeUndefined();
    // ...but nothing reached the disk, and the blocker is untouched.
    expect(readFileSync(blocker, 'utf8')).toBe('plain file\n');
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBeUndefined();
  });

  it('treats a directory in the file’s place as unreadable and unwritable, without throwing', () => {
    const path = cachePath();
    mkdirSync(join(path, 'inside'), { recursive: true });
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    expect(cache.get(undefined, 'b')).toBeUndefined();
    expect(() => cache.set(undefined, 'b', 'eu-west-1')).not.toThrow();
    expect(statSync(path).isDirectory()).toBe(true);
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBeUndefined();
  });

  it('writes the file with mode 0600 in a directory with mode 0700', () => {
    const path = cachePath();
    fileRegionCache(path, fakeClock()).set(undefined, 'b', 'eu-west-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    // Directories made on the way (here the stand-in for ~/.cache) are private too.
    expect(statSync(dirname(dirname(path))).mode & 0o777).toBe(0o700);
  });

  it('makes an existing world-readable file 0600 when it rewrites it, and leaves no temporary file', () => {
    const path = withFile(JSON.stringify({ 'aws old': { region: 'us-east-2', at: T0 } }));
    writeFileSync(path, readFileSync(path), { mode: 0o644 });
    expect(statSync(path).mode & 0o777).toBe(0o644);
    const cache = fileRegionCache(path, fakeClock());
    cache.set(undefined, 'b', 'eu-west-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dirname(path))).toEqual(['bucket-regions.json']);
    expect(Object.keys(fileJson(path)).sort()).toEqual(['aws b', 'aws old']);
  });

  it('does not rewrite the file when the region it is told is the one it holds', () => {
    const path = cachePath();
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    cache.set(undefined, 'b', 'eu-west-1');
    const before = readFileSync(path, 'utf8');
    clock.set(T0 + 1000);
    cache.set(undefined, 'b', 'eu-west-1');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('keeps the 500 most recently learned entries in the file', () => {
    const path = cachePath();
    const clock = fakeClock();
    const cache = fileRegionCache(path, clock);
    for (let i = 0; i <= 500; i++) {
      clock.set(T0 + i);
      cache.set(undefined, `bucket-${i}`, 'eu-west-1');
    }
    expect(Object.keys(fileJson(path))).toHaveLength(500);
    const next = fileRegionCache(path, clock);
    expect(next.get(undefined, 'bucket-0')).toBeUndefined();
    expect(next.get(undefined, 'bucket-1')).toBe('eu-west-1');
    expect(next.get(undefined, 'bucket-500')).toBe('eu-west-1');
  });
});

describe('noRegionCache', () => {
  it('remembers nothing', () => {
    noRegionCache.set(undefined, 'b', 'eu-west-1');
    noRegionCache.set('http://a:1', 'b', 'eu-west-1');
    expect(noRegionCache.get(undefined, 'b')).toBeUndefined();
    expect(noRegionCache.get('http://a:1', 'b')).toBeUndefined();
    expect(() => noRegionCache.forget(undefined, 'b')).not.toThrow();
  });
});

describe('regionCachePath', () => {
  it('prefers XDG_CACHE_HOME over HOME', () => {
    expect(regionCachePath({ XDG_CACHE_HOME: '/xdg/cache', HOME: '/home/me' })).toBe(
      '/xdg/cache/s3share-tui/bucket-regions.json',
    );
  });

  it('falls back to ~/.cache when XDG_CACHE_HOME is unset or empty', () => {
    expect(regionCachePath({ HOME: '/home/me' })).toBe('/home/me/.cache/s3share-tui/bucket-regions.json');
    expect(regionCachePath({ HOME: '/home/me', XDG_CACHE_HOME: '' })).toBe(
      '/home/me/.cache/s3share-tui/bucket-regions.json',
    );
  });

  it('still names a file under .cache without HOME (the account’s home directory)', () => {
    expect(regionCachePath({})).toMatch(/\/\.cache\/s3share-tui\/bucket-regions\.json$/);
  });
});
