/**
 * A folder larger than one ListObjectsV2 page (1,000 keys): the first rows show at once, the next
 * page loads as the cursor nears the end of what is loaded, and the last object can be reached
 * with one End.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { cursorOn, cursorRow, useE2E } from '../support/e2e.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, numberedKeys, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-paging');
const COUNT = 1500;
const keys = numberedKeys('many/', COUNT); // many/00000.log … many/01499.log

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, [...keys, 'many/zz-subfolder/inner.log', 'top.txt']);
}, 120_000);

const FIRST = '📄 00000.log';
const LAST = `📄 ${String(COUNT - 1).padStart(5, '0')}.log`;
const COMPLETE = /1,500 objects · 1 folders?\s*$/m;

async function openBigFolder(): Promise<PtySession> {
  const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'many/'] });
  await session.waitFor(`›  ${bucket}  ›  many/`);
  // The first page: rows at once, the count says there is more.
  await session.waitFor('📄 00000.log');
  await session.waitFor(/[\d,]+ objects · \d+ folders? loaded · more ↓/);
  return session;
}

/** Presses `key` until the cursor sits on `target`; each press must move the cursor or load more. */
async function pressUntilCursorOn(session: PtySession, key: 'End' | 'PageDown', target: string, maxPresses: number) {
  for (let presses = 0; !cursorOn(target).test(session.screen()); presses += 1) {
    if (presses >= maxPresses) throw new Error(`${key} ×${maxPresses} did not reach ${target}:\n${session.screen()}`);
    const before = cursorRow(session);
    const status = statusLine(session);
    session.press(key);
    await session.waitFor(() => cursorRow(session) !== before || statusLine(session) !== status);
    // Let a page that this press asked for arrive before the next press.
    await session.waitForGone('loading more…', 15_000);
  }
}

/** The number of objects the status line says are loaded. */
function loadedObjects(session: PtySession): number {
  const match = /([\d,]+) objects? · /.exec(statusLine(session) ?? '');
  if (!match) throw new Error(`no object count on the screen:\n${session.screen()}`);
  return Number((match[1] as string).replace(/,/g, ''));
}

function statusLine(session: PtySession): string | undefined {
  return session.lines().find((line) => / objects? · /.test(line));
}

describe('paging through a folder of 1,500 objects', () => {
  test('one End goes on through the pages still to come, to object 01499; the count ends at 1,500', async () => {
    const session = await openBigFolder();
    const loaded = loadedObjects(session);
    // The first page is a few screens of keys; the rest comes in pages of 1,000.
    expect(loaded).toBeLessThan(COUNT);
    expect(statusLine(session)).toMatch(/ 1\/[\d,]+\+ · /);

    // Once: End waits for the pages not loaded yet (it used to stop at the last row loaded).
    session.press('End');
    await session.waitFor(cursorOn(LAST), 15_000);
    const screen = await session.waitFor(COMPLETE, 15_000);
    expect(screen).not.toContain('more ↓');
    expect(screen).not.toContain('to the end');
    // The sub-folder sorts first: the last object is row 1,501 of 1,501, and no "+" is left.
    expect(statusLine(session)).toMatch(/ 1,501\/1,501 · 1,500 objects · 1 folder\s*$/);
  });

  test('PgDn, pressed repeatedly, walks every page down to object 01499', async () => {
    const session = await openBigFolder();
    await pressUntilCursorOn(session, 'PageDown', LAST, 120);
    await session.waitFor(COMPLETE);
    // And back: Home returns to the first row (the sub-folder sorts first).
    session.press('Home');
    await session.waitFor(cursorOn('📁 zz-subfolder/'));
    session.press('Down');
    await session.waitFor(cursorOn(FIRST));
  });
});

describe('searching the server', () => {
  test('Tab lists only the keys starting with the filter, including ones not loaded yet', async () => {
    const session = await openBigFolder();
    // 01490…01499 lie on a later page: over the first page the filter finds none of them.
    expect(loadedObjects(session)).toBeLessThan(1490);
    session.press('0149');
    await session.waitFor('filter: 0149');
    await session.waitFor(/\b(no match|[\d,]+ match(es)?) · /);
    expect(session.screen()).not.toContain('01490.log');
    session.write('\t');
    await session.waitFor(`›  many/0149*`);
    await session.waitFor(/starting “0149” · 10 objects · 0 folders\s*$/m);
    expect(session.screen()).toContain('📄 01490.log');
    expect(session.screen()).toContain(LAST);
    session.press('Esc');
    await session.waitFor(`›  ${bucket}  ›  many/`);
  });
});
