import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClipboard } from '../../src/adapters/clipboard.js';
import { concurrencyLimit } from '../../src/core/concurrency-limit.js';
import { helperEnvironment } from '../../src/adapters/helper-environment.js';
import { displayWidth } from '../../src/core/display-width.js';
import { visibleTail } from '../../src/ui/visible-tail.js';

describe('helperEnvironment', () => {
  it('drops AWS_* and credential-like variables, keeps what the clipboard tools need', () => {
    const env = helperEnvironment({
      AWS_ACCESS_KEY_ID: 'a',
      AWS_SECRET_ACCESS_KEY: 'b',
      AWS_SESSION_TOKEN: 'c',
      AWS_PROFILE: 'd',
      GITHUB_TOKEN: 'e',
      DB_PASSWORD: 'f',
      MY_API_KEY: 'g',
      SOME_SECRET: 'h',
      GOOGLE_APPLICATION_CREDENTIALS: 'i',
      DISPLAY: ':9',
      WAYLAND_DISPLAY: 'w',
      XAUTHORITY: '/x',
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/run/bus',
      XDG_RUNTIME_DIR: '/run/user/1',
      PATH: '/usr/bin',
      HOME: '/home/me',
    });
    expect(Object.keys(env).sort()).toEqual(
      [
        'DBUS_SESSION_BUS_ADDRESS',
        'DISPLAY',
        'HOME',
        'PATH',
        'WAYLAND_DISPLAY',
        'XAUTHORITY',
        'XDG_RUNTIME_DIR',
      ].sort(),
    );
  });
});

describe('clipboard clearing with the OSC 52 fallback', () => {
  it('says the copy cannot be cleared later', async () => {
    const written: string[] = [];
    const clipboard = createClipboard({
      terminal: { write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WritableStream,
      systemWrite: () => Promise.reject(new Error('no display')),
      clearAfterSeconds: 30,
    });
    const result = await clipboard.copy('http://x/y');
    expect(result.ok).toBe(true);
    expect(result.ok && result.via).toMatch(/cannot be cleared later/);
    expect(written).toHaveLength(1);
  });
});

describe('concurrencyLimit', () => {
  it('runs at most N at once, all of them in the end, in order, failures included', async () => {
    const limit = concurrencyLimit(3);
    let active = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        limit(async () => {
          started.push(i);
          active += 1;
          most = Math.max(most, active);
          await new Promise((resolve) => setTimeout(resolve, 2));
          active -= 1;
          if (i === 5) throw new Error('five');
          return i;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results[5]).toEqual({ status: 'rejected', reason: new Error('five') });
    expect(results[19]).toEqual({ status: 'fulfilled', value: 19 });
  });
});

describe('visibleTail', () => {
  it('shows a short field whole and escaped', () => {
    expect(visibleTail('abc', 10)).toBe('abc');
    expect(visibleTail('a\u001bb', 10)).toBe('a\\eb');
  });

  it('shows the end of a long field in the width given, with … in front', () => {
    const shown = visibleTail(`${'x'.repeat(5000)}end`, 20);
    expect(shown).toBe(`…${'x'.repeat(16)}end`);
    expect(displayWidth(shown)).toBe(20);
    const wide = visibleTail('ファイル'.repeat(100), 11);
    expect(displayWidth(wide)).toBeLessThanOrEqual(11);
    expect(wide.startsWith('…')).toBe(true);
    const escapes = visibleTail('\u0007'.repeat(100), 13);
    expect(displayWidth(escapes)).toBeLessThanOrEqual(13);
  });

  it('costs the same for a megabyte as for a kilobyte', () => {
    const big = 'y'.repeat(8 * 1024 * 1024);
    const started = performance.now();
    for (let i = 0; i < 100; i++) visibleTail(big, 200);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('config files that are too big or not files', () => {
  it('a config file over 10 MB is one problem line naming it, and no stack overflow', async () => {
    const { discoverProfiles } = await import('../../src/adapters/aws-profiles.js');
    const dir = mkdtempSync(join(tmpdir(), 's3share-big-config-'));
    try {
      const config = join(dir, 'config');
      const section = '[profile p]\nregion = us-east-1\n';
      writeFileSync(config, section.repeat(Math.ceil((10 * 1024 * 1024 + 1) / section.length)));
      const discovery = await discoverProfiles({
        HOME: dir,
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      });
      expect(discovery.problems).toEqual([`${config}: larger than 10 MB, not read`]);
      expect(discovery.files[0]).toEqual({ path: config, state: 'unreadable' });
      expect(discovery.profiles).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a profile region holding an escape sequence is dropped, with a problem line', async () => {
    const { discoverProfiles } = await import('../../src/adapters/aws-profiles.js');
    const dir = mkdtempSync(join(tmpdir(), 's3share-bad-region-'));
    try {
      const config = join(dir, 'config');
      writeFileSync(config, '[profile p]\nregion = us\u001b]52;c;aGk=\u0007\n[profile q]\nregion = eu-west-1\n');
      const discovery = await discoverProfiles({
        HOME: dir,
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      });
      expect(discovery.profiles.map((p) => [p.name, p.region])).toEqual([
        ['p', undefined],
        ['q', 'eu-west-1'],
      ]);
      expect(discovery.problems?.[0]).toMatch(
        /^profile “p”: region “us\u001b\]52;c;aGk=\u0007” is not a region name; ignored$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
