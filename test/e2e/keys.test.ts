/**
 * Keys as a terminal delivers them: bursts (several keys in one read, as over SSH, from a paste or a
 * multiplexer) must do what the same keys typed slowly do; Backspace and Esc walk back.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { cursorOn, GOOD_PROFILE, openRow, useE2E, waitForResult } from '../support/e2e.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-keys');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, [
    'a/b/c/deep.txt',
    'a/b/mid.txt',
    'a/z1.txt',
    'a/z2.txt',
    'a/z3.txt',
    'top.txt',
  ]);
});

/** The breadcrumb: the header row. */
function header(session: PtySession): string {
  return session.lines()[0] ?? '';
}

/** A screen test: the breadcrumb ends in this bucket's folder `prefix`. */
function inFolder(prefix: string): (screen: string) => boolean {
  return (screen) => screen.split('\n')[0]?.trimEnd() === ` s3share  ›  ${GOOD_PROFILE}  ›  ${bucket}  ›  ${prefix}`;
}

async function launchIn(prefix: string): Promise<PtySession> {
  const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, ...(prefix ? ['--prefix', prefix] : [])] });
  await session.waitFor(prefix ? `›  ${bucket}  ›  ${prefix}` : `›  ${bucket}`);
  await session.waitFor(/ objects? · /);
  return session;
}

async function expiryScreenFor(name: string): Promise<PtySession> {
  const session = await launchIn('a/');
  await openRow(session, `📄 ${name}`);
  await session.waitFor('Expires in (hours): 1');
  return session;
}

describe('bursts of keys', () => {
  test('"\\x7f24\\r" in one write on the expiry screen (prefilled "1") signs for 24 hours', async () => {
    const session = await expiryScreenFor('z1.txt');
    await session.waitFor(/would stop working in 1 hour/);
    session.write('\x7f24\r');
    const url = await waitForResult(session, e2e.server);
    expect(session.screen()).toMatch(/Expires in 24 hours/);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('86400');
  });

  test('a filter and Enter in one write open the row the filter leaves (the bucket list)', async () => {
    const session = e2e.launch(e2e.home());
    await session.waitFor(/ of [\d,]+ buckets/);
    session.write(`${bucket}\r`);
    await session.waitFor(`›  ${bucket}`);
    await session.waitFor('📄 top.txt');
  });

  test('three Downs and Enter in one write open the fourth row', async () => {
    const session = await launchIn('a/');
    await session.waitFor(cursorOn('📁 b/'));
    session.write('\x1b[B\x1b[B\x1b[B\r');
    await session.waitFor(`s3://${bucket}/a/z3.txt`);
  });

  test('two Backspaces in one write (empty filter) go up two folders', async () => {
    const session = await launchIn('a/b/c/');
    session.write('\x7f\x7f');
    await session.waitFor(inFolder('a/'));
    await session.waitFor('📄 z1.txt');
  });
});

describe('walking back', () => {
  test('Backspace with an empty filter goes up one folder; with a filter it erases one character', async () => {
    const session = await launchIn('a/b/');
    session.press('mi');
    await session.waitFor('filter: mi▏');
    await session.waitFor(/1 match · /);
    session.press('Backspace');
    await session.waitFor('filter: m▏');
    session.press('Backspace');
    await session.waitFor('type to filter');
    expect(header(session)).toContain('›  a/b/');
    // A Backspace right after the one that emptied the filter is the same key held down: it stays.
    session.press('Backspace');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(header(session)).toContain('›  a/b/');
    // A new press, later, goes up.
    await new Promise((resolve) => setTimeout(resolve, 400));
    session.press('Backspace');
    await session.waitFor(inFolder('a/'));
    // Back where it came from: the cursor on the folder it left.
    await session.waitFor(cursorOn('📁 b/'));
  });

  test('? shows the help from the key map, any key closes it, and the screen is as it was', async () => {
    const session = await launchIn('a/');
    session.press('Down');
    await session.waitFor(cursorOn('📄 z1.txt'));
    session.press('?');
    const help = await session.waitFor('Press any key to close.');
    // The keys of the screen under the help, those the footer leaves out included; no other screen's.
    for (const line of ['⏎', 'open', 'ctrl-c', 'Home/End', 'PgUp/PgDn']) expect(help).toContain(line);
    expect(help).not.toContain('change expiry');
    session.press('x');
    await session.waitFor(cursorOn('📄 z1.txt'));
    // The key that closed the help did nothing else (no filter typed).
    expect(session.screen()).toContain('type to filter');
  });
});
