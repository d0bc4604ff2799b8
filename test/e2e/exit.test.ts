/**
 * Leaving the app: Ctrl-C (exit 130, terminal restored, no stack trace), q (exit 0), Esc on the
 * first screen (exit 130: nothing was picked, as fzf), and the screen shown when there are no
 * AWS profiles at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  GOOD_PROFILE,
  openBucket,
  openRow,
  signWithExpiry,
  twoProfiles,
  useE2E,
  waitForResult,
} from '../support/e2e.js';
import { CLI } from '../support/app.js';
import { stripAnsi } from '../support/terminal/ansi.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-exit');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['report.csv', 'notes/readme.txt']);
});

const SYNC_END = '\x1b[?2026l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/** What the app wrote after its last frame (Ink ends each frame with the synchronized-output end). */
function afterLastFrame(raw: string): string {
  const end = raw.lastIndexOf(SYNC_END);
  return end === -1 ? raw.slice(raw.lastIndexOf(HIDE_CURSOR) + 1) : raw.slice(end + SYNC_END.length);
}

/**
 * Checks the byte stream for a terminal left as it was found: cursor shown, no crash output, and
 * (unless told) the screens erased.
 */
function expectCleanExit(session: PtySession, { uiErased = true } = {}): void {
  const { raw } = session;
  expect(raw).toContain(HIDE_CURSOR);
  expect(afterLastFrame(raw), 'the cursor is shown again after the last frame').toContain(SHOW_CURSOR);
  expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(HIDE_CURSOR));
  expectNoCrashOutput(raw);
  if (!uiErased) return;
  // The screens are gone: no header, list or key hints left behind (the link alone may stay).
  const screen = session.screen();
  expect(screen, `the UI is erased on exit:\n${screen}`).not.toMatch(
    /^ s3share|ctrl-c quit|type to filter|Expires in \(hours\)/m,
  );
}

function expectNoCrashOutput(raw: string): void {
  const text = stripAnsi(raw);
  expect(text).not.toMatch(/^\s*at .+:\d+:\d+\)?\s*$/m); // stack frames
  expect(text).not.toMatch(/\b(?:Type|Reference|Range|Syntax)?Error\b|node:internal|Unhandled|Warning:/);
}

/** With only GOOD_PROFILE: waits for the bucket list, loaded. */
async function onBucketList(session: PtySession): Promise<void> {
  await session.waitFor(/ \d+ of [\d,]+ buckets/);
  await session.waitFor(`s3share  ›  ${GOOD_PROFILE}`);
}

async function onExpiryScreen(session: PtySession): Promise<void> {
  await onBucketList(session);
  await openBucket(session, bucket);
  await openRow(session, '📄 report.csv');
  await session.waitFor('Expires in (hours): 1');
}

describe('Ctrl-C', () => {
  test.each([
    ['a list screen (buckets)', onBucketList],
    [
      'a list screen with a filter typed',
      async (s: PtySession) => {
        await onBucketList(s);
        s.press('zz');
        await s.waitFor('filter: zz▏');
      },
    ],
    ['the expiry screen', onExpiryScreen],
  ] as const)('on %s exits with 130 and restores the terminal', async (_name, reach) => {
    const session = e2e.launch(e2e.home());
    await reach(session);
    session.press('CtrlC');
    const exit = await session.waitForExit();
    expect(exit).toEqual({ exitCode: 130 });
    expectCleanExit(session);
  });

  test('leaves the terminal modes (echo, line editing) as they were', async () => {
    const home = e2e.home();
    const session = e2e.launchShell(
      home,
      `stty -g > "$HOME/stty.before"; node '${CLI}'; echo $? > "$HOME/code"; stty -g > "$HOME/stty.after"`,
    );
    await onExpiryScreen(session);
    session.press('CtrlC');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    expect(readFileSync(join(home.path, 'code'), 'utf8').trim()).toBe('130');
    const before = readFileSync(join(home.path, 'stty.before'), 'utf8');
    expect(readFileSync(join(home.path, 'stty.after'), 'utf8')).toBe(before);
  });
});

describe('signals from outside', () => {
  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s on a list screen exits with %i and restores the terminal', async (signal, code) => {
    const session = e2e.launch(e2e.home());
    await onBucketList(session);
    session.kill(signal);
    expect(await session.waitForExit()).toEqual({ exitCode: code });
    // The last frame may stay on the screen here (the app unmounts without drawing a final one).
    expectCleanExit(session, { uiErased: false });
  });
});

describe('leaving normally', () => {
  test('q on the result screen exits 0', async () => {
    const session = e2e.launch(e2e.home());
    await onExpiryScreen(session);
    await signWithExpiry(session, '1');
    await waitForResult(session, e2e.server);
    session.press('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    expectCleanExit(session);
  });

  test('Esc on the first screen (the profile list) exits 130: nothing was picked', async () => {
    const session = e2e.launch(e2e.home(twoProfiles()));
    await session.waitFor('2 of 2 profiles');
    session.press('Esc');
    expect(await session.waitForExit()).toEqual({ exitCode: 130 });
    expectCleanExit(session);
  });

  test('Esc walks back screen by screen, and leaves (130) only from the first', async () => {
    const session = e2e.launch(e2e.home(twoProfiles()));
    await session.waitFor('2 of 2 profiles');
    await openRow(session, GOOD_PROFILE);
    await openBucket(session, bucket);
    await openRow(session, '📁 notes/');
    await session.waitFor(`›  ${bucket}  ›  notes/`);

    session.press('Esc');
    await session.waitFor(/❯ 📁 notes\//);
    await session.waitFor((s) => !s.includes('›  notes/'));
    session.press('Esc');
    // Back on the bucket list as it was left, filter included: Esc clears the filter first…
    await session.waitFor(/ 1 match · [\d,]+ buckets?\b/);
    expect(session.screen()).toContain(`filter: ${bucket}▏`);
    session.press('Esc');
    await session.waitFor('type to filter');
    expect(session.screen()).toMatch(/ (\d+) of \1 buckets/);
    // …and then goes back.
    session.press('Esc');
    await session.waitFor('2 of 2 profiles');
    expect(session.exited).toBeUndefined();
    session.press('Esc');
    expect(await session.waitForExit()).toEqual({ exitCode: 130 });
  });
});

describe('no AWS profiles', () => {
  test('says where it looked, points to `aws configure`, and Esc exits 130', async () => {
    const home = e2e.emptyHome();
    const session = e2e.launch(home);
    const screen = await session.waitFor('No AWS profiles found');
    expect(screen).toContain('Looked in:');
    expect(screen).toContain(`${home.configPath}  (missing)`);
    expect(screen).toContain(`${home.credentialsPath}  (missing)`);
    expect(screen).toContain('aws configure');
    session.press('Esc');
    expect(await session.waitForExit()).toEqual({ exitCode: 130 });
    expectCleanExit(session);
  });
});
