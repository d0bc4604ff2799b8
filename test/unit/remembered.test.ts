import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readRemembered, rememberedPath, writeRemembered } from '../../src/adapters/remembered-file.js';
import { NOTHING_REMEMBERED, placeFor, rememberedFrom, rememberLocation } from '../../src/core/remembered.js';

describe('remembering where the person was', () => {
  test('the last profile, and per profile its bucket and folder', () => {
    let remembered = rememberLocation(NOTHING_REMEMBERED, { profile: 'work', bucket: 'logs', prefix: '2026/11/' });
    remembered = rememberLocation(remembered, { profile: 'home', bucket: 'photos' });
    expect(remembered).toEqual({
      profile: 'home',
      places: { home: { bucket: 'photos' }, work: { bucket: 'logs', prefix: '2026/11/' } },
    });
    expect(placeFor(remembered, 'work')).toEqual({ bucket: 'logs', prefix: '2026/11/' });
    expect(placeFor(remembered, 'other')).toEqual({});
  });

  test('leaving on the profile list forgets that profile’s bucket, keeps the others', () => {
    const before = rememberLocation(rememberLocation(NOTHING_REMEMBERED, { profile: 'a', bucket: 'x' }), {
      profile: 'b',
      bucket: 'y',
    });
    expect(rememberLocation(before, { profile: 'a' })).toEqual({ profile: 'a', places: { a: {}, b: { bucket: 'y' } } });
  });

  test('keeps at most 100 profiles, the most recent', () => {
    let remembered = NOTHING_REMEMBERED;
    for (let i = 0; i < 120; i += 1) remembered = rememberLocation(remembered, { profile: `p${i}`, bucket: 'b' });
    expect(Object.keys(remembered.places)).toHaveLength(100);
    expect(remembered.places.p119).toEqual({ bucket: 'b' });
    expect(remembered.places.p0).toBeUndefined();
  });

  test.each([null, 42, 'text', [], { places: 'x' }, { profile: 7, places: { a: 3, b: { bucket: 9, prefix: 'p/' } } }])(
    'a malformed file remembers nothing it cannot trust: %j',
    (data) => {
      const remembered = rememberedFrom(data);
      expect(remembered.profile).toBeUndefined();
      expect(Object.values(remembered.places).every((place) => place.bucket === undefined)).toBe(true);
    },
  );

  test('a folder without its bucket is dropped', () => {
    expect(rememberedFrom({ places: { a: { prefix: 'p/' } } })).toEqual({ places: { a: {} } });
  });
});

describe('the state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-remembered-'));
    dirs.push(dir);
    return dir;
  };

  test('lives beside the region cache, under XDG_CACHE_HOME or ~/.cache', () => {
    expect(rememberedPath({ XDG_CACHE_HOME: '/c', HOME: '/h' })).toBe('/c/s3share-tui/last-location.json');
    expect(rememberedPath({ HOME: '/h' })).toBe('/h/.cache/s3share-tui/last-location.json');
    expect(rememberedPath({ XDG_CACHE_HOME: 'relative', HOME: '/h' })).toBe('/h/.cache/s3share-tui/last-location.json');
  });

  test('is written owner-only, in one step, and read back', () => {
    const path = join(tempDir(), 'deeper', 'last-location.json');
    const remembered = rememberLocation(NOTHING_REMEMBERED, { profile: 'work', bucket: 'logs', prefix: 'a/' });
    writeRemembered(path, remembered);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readRemembered(path)).toEqual(remembered);
    expect(readdirSync(join(path, '..'))).toEqual(['last-location.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(remembered);
  });

  test('missing, malformed or unwritable: nothing remembered, never an error', () => {
    const dir = tempDir();
    expect(readRemembered(join(dir, 'none.json'))).toEqual(NOTHING_REMEMBERED);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    expect(readRemembered(join(dir, 'bad.json'))).toEqual(NOTHING_REMEMBERED);
    // A file where the directory should be: the write fails quietly and leaves nothing behind.
    writeFileSync(join(dir, 'blocked'), '');
    expect(() => writeRemembered(join(dir, 'blocked', 'last-location.json'), NOTHING_REMEMBERED)).not.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['bad.json', 'blocked']);
  });
});
