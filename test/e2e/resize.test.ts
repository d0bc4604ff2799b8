/**
 * The terminal changing size under the app: too small, then big enough; and a resize while the
 * link shows must leave one clean copy of the screen (no fragments of the old frame that a mouse
 * could select by mistake).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { openRow, signWithExpiry, urlOnScreen, useE2E, waitForResult } from '../support/e2e.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-resize');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['docs/report.txt']);
});

/** The rule Ink draws under the header and above the footer at `cols` columns. */
const rule = (cols: number) => ` ${'─'.repeat(cols - 2)}`;

/** Waits until the frame drawn for the new width is complete (both rules at that width). */
async function redrawnAt(session: PtySession, cols: number): Promise<void> {
  await session.waitFor(() => session.lines().filter((line) => line === rule(cols)).length === 2);
  // The key hints under the second rule: the frame is complete.
  await session.waitFor(() => {
    const lines = session.lines();
    return /^ +c copy /.test(lines[lines.lastIndexOf(rule(cols)) + 1] ?? '');
  });
}

describe('resizing', () => {
  test('too small a terminal says so, and the app carries on once it is big enough', async () => {
    const session = e2e.launch(e2e.home(), { cols: 30, rows: 10 });
    await session.waitFor('Terminal too small (30×10)');
    session.resize(100, 30);
    await session.waitFor(/ of [\d,]+ buckets/);
  });

  test.each([
    ['narrower', 70],
    ['wider', 130],
  ])('on the result screen, %s: one header, one URL, the same URL', async (_how, cols) => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'docs/'] });
    await openRow(session, '📄 report.txt');
    await signWithExpiry(session, '1');
    const url = await waitForResult(session, e2e.server);

    session.resize(cols, 30);
    await redrawnAt(session, cols);
    const screen = session.screen();
    expect(screen.match(/ s3share {2}› /g), `one header:\n${screen}`).toHaveLength(1);
    expect(screen.match(/GET link to /g), `one title:\n${screen}`).toHaveLength(1);
    expect(urlOnScreen(session, e2e.server)).toBe(url);
    expect((await fetch(url)).status).toBe(200);
  });
});
