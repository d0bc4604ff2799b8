import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileRegionCache } from '../../src/adapters/region-cache.js';

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
const clock = { now: () => new Date(T0) };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 's3share-hostile-cache-'));
  dirs.push(dir);
  return dir;
}

/** `<tmp>/cache/s3share-tui/bucket-regions.json`, its directory made 0700 already. */
function cachePath(): string {
  const path = join(tempDir(), 'cache', 's3share-tui', 'bucket-regions.json');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return path;
}

function victimFile(): string {
  const victim = join(tempDir(), 'precious.txt');
  writeFileSync(victim, 'precious\n');
  return victim;
}

const entry = (region: string) => JSON.stringify({ 'aws b': { region, at: T0 } });

describe('the region cache against files planted by someone else', () => {
  it('does not write through symlinks planted at temporary names a pid would predict', () => {
    const path = cachePath();
    const victim = victimFile();
    for (let pid = process.pid - 5; pid <= process.pid + 5; pid++) symlinkSync(victim, `${path}.${pid}.tmp`);
    fileRegionCache(path, clock).set(undefined, 'b', 'eu-west-1');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(path).isFile()).toBe(true);
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBe('eu-west-1');
    // The one temporary file it made is gone; the planted links are left alone.
    expect(readdirSync(dirname(path)).filter((name) => !name.includes(`.tmp`))).toEqual(['bucket-regions.json']);
  });

  it('replaces a symlink at the cache path instead of writing into its target, and does not read through it', () => {
    const path = cachePath();
    const victim = join(tempDir(), 'other.json');
    writeFileSync(victim, entry('us-west-2'));
    symlinkSync(victim, path);
    const cache = fileRegionCache(path, clock);
    expect(cache.get(undefined, 'b')).toBeUndefined();
    cache.set(undefined, 'c', 'eu-west-1');
    expect(readFileSync(victim, 'utf8')).toBe(entry('us-west-2'));
    expect(lstatSync(path).isSymbolicLink()).toBe(false);
  });

  it('reads neither a FIFO nor /dev/zero at the cache path, and answers at once', () => {
    const fifoPath = cachePath();
    execFileSync('mkfifo', [fifoPath]);
    const started = Date.now();
    expect(fileRegionCache(fifoPath, clock).get(undefined, 'b')).toBeUndefined();
    const zeroPath = cachePath();
    symlinkSync('/dev/zero', zeroPath);
    expect(fileRegionCache(zeroPath, clock).get(undefined, 'b')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('ignores a cache file over 1 MB', () => {
    const path = cachePath();
    const padding = 'x'.repeat(1024 * 1024);
    writeFileSync(path, JSON.stringify({ 'aws b': { region: 'eu-west-1', at: T0 }, 'aws pad': { padding } }));
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBeUndefined();
  });

  it('makes a cache file that others could write 0600 when reading it', () => {
    const path = cachePath();
    writeFileSync(path, entry('eu-west-1'));
    chmodSync(path, 0o666);
    expect(fileRegionCache(path, clock).get(undefined, 'b')).toBe('eu-west-1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('makes its own directory 0700 again, and refuses a directory that is a symlink (no cache then)', () => {
    const path = cachePath();
    chmodSync(dirname(path), 0o777);
    fileRegionCache(path, clock).set(undefined, 'b', 'eu-west-1');
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);

    const elsewhere = tempDir();
    const linked = join(tempDir(), 'cache');
    symlinkSync(elsewhere, linked);
    const cache = fileRegionCache(join(linked, 'bucket-regions.json'), clock);
    cache.set(undefined, 'b', 'eu-west-1');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('never stores a region that is not a region name', () => {
    const path = cachePath();
    const cache = fileRegionCache(path, clock);
    cache.set(undefined, 'b', 'us-east-1\u001b]52;c;aGk=\u0007');
    expect(cache.get(undefined, 'b')).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });
});
