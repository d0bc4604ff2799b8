/**
 * Esc as terminals send it: a lone ESC byte, immediately followed by other keys in the same read
 * when typed fast (or replayed by a multiplexer). Esc then arrows must not turn into Alt-arrows,
 * and two Esc in one read are two presses.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { cursorOn, GOOD_PROFILE, openRow, twoProfiles, useE2E } from '../support/e2e.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-esc');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['a/b/deep.txt', 'a/z1.txt', 'a/z2.txt', 'top.txt']);
});

describe('Esc followed at once by other keys', () => {
  test('"Esc Up Up Up Enter" in one write on the expiry screen goes back, moves up and opens the folder there', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'a/'] });
    await openRow(session, '📄 z1.txt');
    await session.waitFor('Expires in (hours):');
    session.write('\x1b\x1b[A\x1b[A\x1b[A\r');
    // Back on the list, three rows up (the top: the folder b/), and Enter opened that folder.
    await session.waitFor((screen) => screen.split('\n')[0]?.trimEnd().endsWith(`${bucket}  ›  a/b/`) === true);
    await session.waitFor('📄 deep.txt');
    expect(session.screen()).not.toContain('Expires in');
    expect(session.screen()).not.toContain('GET link to');
  });

  test('two Esc in one write go back twice: from the object list to the profiles', async () => {
    const session = e2e.launch(e2e.home(twoProfiles()));
    await openRow(session, GOOD_PROFILE);
    await session.waitFor(/ of [\d,]+ buckets/);
    // Find the bucket with the filter, then clear the filter: the cursor stays on the bucket.
    session.press(bucket);
    await session.waitFor(`filter: ${bucket}▏`);
    await session.waitFor(cursorOn(bucket));
    session.press('Esc');
    await session.waitFor('type to filter');
    await session.waitFor(cursorOn(bucket));
    session.press('Enter');
    await session.waitFor('📄 top.txt');
    session.write('\x1b\x1b');
    await session.waitFor(/ of [\d,]+ profiles/);
    await session.waitFor(cursorOn(GOOD_PROFILE));
    expect(session.screen()).not.toContain('📄 top.txt');
  });
});
