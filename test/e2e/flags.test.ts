/**
 * Command-line flags that skip screens: --profile, --bucket, --prefix open the folder at once,
 * and the skipped screens stay behind it, so Esc walks back through them.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { BAD_PROFILE, cursorOn, GOOD_PROFILE, twoProfiles, useE2E } from '../support/e2e.js';
import { stripAnsi } from '../support/terminal/ansi.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-flags');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['dir/sub dir/a.txt', 'dir/other.txt', 'top.txt']);
});

describe('--profile, --bucket, --prefix', () => {
  test.each(['dir/', 'dir'])(
    '--prefix %s opens the folder directly; Esc walks back to the bucket list',
    async (prefix) => {
      const session = e2e.launch(e2e.home(twoProfiles()), {
        args: ['--profile', GOOD_PROFILE, '--bucket', bucket, '--prefix', prefix],
      });
      const folder = await session.waitFor('📄 other.txt');
      expect(folder).toContain(` s3share  ›  ${GOOD_PROFILE}  ›  ${bucket}  ›  dir/`);
      expect(folder).toMatch(cursorOn('📁 sub dir/'));
      // Neither the profile list nor the bucket list was drawn on the way.
      const drawn = stripAnsi(session.raw);
      expect(drawn).not.toContain(' of 2 profiles');
      expect(drawn).not.toMatch(/ of [\d,]+ buckets/);
      expect(drawn).not.toContain(BAD_PROFILE);

      session.press('Esc');
      const root = await session.waitFor('📄 top.txt');
      expect(root).toContain(` s3share  ›  ${GOOD_PROFILE}  ›  ${bucket}\n`);
      expect(root).toMatch(/📁 dir\//);

      session.press('Esc');
      const buckets = await session.waitFor(/ of [\d,]+ buckets/);
      expect(buckets.split('\n')[0]?.trimEnd()).toBe(` s3share  ›  ${GOOD_PROFILE}`);

      session.press('Esc');
      const profiles = await session.waitFor('2 of 2 profiles');
      expect(profiles).toMatch(cursorOn(GOOD_PROFILE));
      expect(session.exited).toBeUndefined();
    },
  );

  test('--profile naming no profile says so on the profile screen', async () => {
    const home = e2e.home(twoProfiles());
    const session = e2e.launch(home, { args: ['--profile', 'nope'] });
    const screen = await session.waitFor('No profile named');
    expect(screen).toContain('“nope”');
    expect(screen).toContain(home.configPath);
    expect(screen).toContain(GOOD_PROFILE);
  });
});
