/**
 * The list of links proves each link as a single link is proven: one check per GET link, at most
 * eight at once, a count while they run, ✓ or ✗ with the reason per row, and nothing of them
 * left running (or reaching another screen) once the screen is left.
 */
import stringWidth from 'string-width';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { LINK_CHECKS_AT_ONCE } from '../../src/core/check-each.js';
import type { LinkCheck, PresignedUrl } from '../../src/core/ports.js';
import type { StartOptions } from '../../src/state/app-state.js';
import { object, type FakeBucket } from '../support/fakes.js';
import { flat, KEY, lineWith, POLL, renderApp, resize, turns } from '../support/ink.js';
import { BUCKETS, inTimeZone, world } from '../support/world.js';

inTimeZone();
afterEach(() => cleanup());

const BATCH_SIZE = 40;
/** `batch/` holds forty objects; a.txt and b.txt sit beside it. */
const BATCH: FakeBucket = {
  name: 'batch-bucket',
  region: 'eu-west-1',
  objects: [
    object('a.txt', 10),
    object('b.txt', 20),
    ...Array.from({ length: BATCH_SIZE }, (_, i) => object(`batch/part-${String(i).padStart(2, '0')}.csv`, 100 + i)),
  ],
};

const ARCHIVED =
  'The object is in GLACIER storage and not restored: the link works only after a restore (aws s3api restore-object), and only until the restored copy expires.';

function services(checkLink?: (presigned: PresignedUrl) => LinkCheck) {
  return world({ accounts: { '*': [BATCH, ...BUCKETS] }, s3: checkLink ? { checkLink } : {} });
}

async function inBatchBucket(s = services(), options: StartOptions = {}) {
  const app = renderApp(s, { profile: 'dev', bucket: 'batch-bucket', ...options });
  await app.waitFor('2 objects · 1 folder');
  return app;
}

/** Marks a.txt and b.txt, accepts the expiry: the list of their two links. */
async function twoLinks(s = services(), options: StartOptions = {}) {
  const app = await inBatchBucket(s, options);
  await app.press(KEY.down, ' ', ' ');
  await app.waitFor('2 marked');
  await app.press(KEY.enter);
  await app.waitFor('Expires in (hours)');
  await app.press(KEY.enter);
  await app.waitFor('2 links · expire');
  return app;
}

/** Marks the folder batch/ (forty objects), accepts the expiry: the list of forty links. */
async function fortyLinks(s: ReturnType<typeof services>) {
  const app = await inBatchBucket(s);
  await app.press(' ');
  await app.waitFor('1 marked');
  await app.press(KEY.enter);
  await app.waitFor('Expires in (hours)');
  await app.press(KEY.enter);
  await app.waitFor(`${BATCH_SIZE} links · expire`);
  return app;
}

describe('checks on the list of links', () => {
  test('every link answers: ✓ on each row, and the summary says all answer', async () => {
    const s = services();
    const app = await twoLinks(s);
    const frame = await app.waitFor('✓ all 2 links answer');
    expect(lineWith(frame, 'a.txt')).toMatch(/^ {2}✓ a\.txt$/);
    expect(lineWith(frame, 'b.txt')).toMatch(/^ {2}✓ b\.txt$/);
    expect(frame).not.toContain('✗');
    const checked = s.s3.callsOf('checkLink').map((call) => (call.args[0] as PresignedUrl).key);
    expect(checked.sort()).toEqual(['a.txt', 'b.txt']);
    for (const call of s.s3.callsOf('checkLink')) expect((call.args[0] as PresignedUrl).method).toBe('GET');
  });

  test('a link that fails shows ✗ and its one-line reason; c still copies both and says one failed', async () => {
    const s = services((presigned) =>
      presigned.key === 'b.txt'
        ? { ok: false, scope: 'link', status: 403, problem: { code: 'archived', message: ARCHIVED } }
        : { ok: true, scope: 'link', status: 206 },
    );
    const app = await twoLinks(s);
    const frame = await app.waitFor('✗ 1 of 2 links failed the check');
    expect(lineWith(frame, 'a.txt')).toMatch(/^ {2}✓ a\.txt$/);
    expect(lineWith(frame, 'b.txt')).toMatch(/^ {2}✗ b\.txt$/);
    // The reason, whole, under the key and before the URL (wrapped to the 100 columns).
    const lines = frame.split('\n');
    const row = lines.findIndex((line) => line.includes('✗ b.txt'));
    const url = lines.findIndex((line, i) => i > row && line.startsWith('https://'));
    expect(flat(lines.slice(row + 1, url).join(' '))).toBe(ARCHIVED);
    for (const line of lines.slice(row + 1, url)) expect(line.length).toBeLessThanOrEqual(100);

    await app.press('c');
    await app.waitFor('Copied 2 links (fake clipboard); 1 failed its check.');
    const copied = s.clipboard.copied[0]!.split('\n');
    expect(copied).toHaveLength(2);
    expect(copied[1]).toContain('/b.txt?');
  });

  test('a check that gets no answer at all says so on its row', async () => {
    const s = services();
    s.s3.control.failNext('checkLink', 'connect ECONNREFUSED 127.0.0.1:9', (args) =>
      (args[0] as PresignedUrl).key.endsWith('a.txt'),
    );
    const app = await twoLinks(s);
    const frame = await app.waitFor('✗ 1 of 2 links failed the check');
    expect(lineWith(frame, 'a.txt')).toMatch(/✗ a\.txt$/);
    expect(frame).toContain('The link could not be checked: connect ECONNREFUSED 127.0.0.1:9');
  });

  test('forty links: at most eight checks at once, and the count climbs as answers come', async () => {
    const s = services();
    s.s3.control.hold('checkLink');
    const app = await fortyLinks(s);
    await s.s3.control.waitForHeld('checkLink', LINK_CHECKS_AT_ONCE);
    await app.waitFor(`checked 0 of ${BATCH_SIZE}`);
    await turns(20);
    expect(s.s3.control.inFlight('checkLink')).toBe(LINK_CHECKS_AT_ONCE);
    expect(s.s3.callsOf('checkLink')).toHaveLength(LINK_CHECKS_AT_ONCE);

    for (const call of s.s3.control.pending('checkLink').slice(0, 3)) call.release();
    await app.waitFor(`checked 3 of ${BATCH_SIZE}`);
    // Each answer lets one more start, never more than eight.
    await expect.poll(() => s.s3.control.pending('checkLink').length, POLL).toBe(LINK_CHECKS_AT_ONCE);
    expect(s.s3.callsOf('checkLink')).toHaveLength(LINK_CHECKS_AT_ONCE + 3);

    // Copying before the checks end copies every link and says how many are not proven yet.
    await app.press('c');
    await app.waitFor(`Copied ${BATCH_SIZE} links (fake clipboard); ${BATCH_SIZE - 3} not checked yet.`);
    expect(s.clipboard.copied[0]!.split('\n')).toHaveLength(BATCH_SIZE);

    s.s3.control.stopHolding('checkLink');
    for (const call of s.s3.control.pending('checkLink')) call.release();
    await app.waitFor(`✓ all ${BATCH_SIZE} links answer`);
    expect(s.s3.callsOf('checkLink')).toHaveLength(BATCH_SIZE);
    expect(s.s3.control.maxInFlight('checkLink')).toBe(LINK_CHECKS_AT_ONCE);
  });

  test('leaving mid-check stops the checks; their late answers never reach the next list', async () => {
    const s = services();
    s.s3.control.hold('checkLink');
    const app = await fortyLinks(s);
    const first = await s.s3.control.waitForHeld('checkLink', LINK_CHECKS_AT_ONCE);
    await app.press(KEY.escape);
    await app.waitFor('Expires in (hours)');

    // Signed again: a new list, whose own first eight checks are held too.
    await app.press(KEY.enter);
    await app.waitFor(`checked 0 of ${BATCH_SIZE}`);
    await s.s3.control.waitForHeld('checkLink', 2 * LINK_CHECKS_AT_ONCE);
    const second = s.s3.control.pending('checkLink').filter((call) => !first.includes(call));
    expect(second).toHaveLength(LINK_CHECKS_AT_ONCE);

    // The first list's checks answer late: nothing counts them, and none of its other 32 starts.
    for (const call of first) call.release();
    await turns(20);
    expect(app.frame()).toContain(`checked 0 of ${BATCH_SIZE}`);
    expect(s.s3.callsOf('checkLink')).toHaveLength(2 * LINK_CHECKS_AT_ONCE);

    // The new list's own answers do count.
    second[0]!.release();
    await app.waitFor(`checked 1 of ${BATCH_SIZE}`);

    // Leaving for the object list (n) stops these too.
    await app.press('n');
    await app.waitFor('2 objects · 1 folder');
    const before = s.s3.callsOf('checkLink').length;
    for (const call of second.slice(1)) call.release();
    await turns(20);
    expect(s.s3.callsOf('checkLink')).toHaveLength(before);
    expect(app.frame()).not.toContain('checked');
  });

  test('rows with reasons still fit the terminal, and then ↑↓ PgUp/PgDn scroll them', async () => {
    const s = services(() => ({
      ok: false,
      scope: 'link',
      status: 403,
      problem: { code: 'archived', message: ARCHIVED },
    }));
    const app = await fortyLinks(s);
    let frame = await app.waitFor(`✗ ${BATCH_SIZE} of ${BATCH_SIZE} links failed the check`);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toContain('↑↓ PgUp/PgDn scroll');
    expect(frame).toContain('✗ batch/part-00.csv');
    await app.press(KEY.pageDown);
    frame = await app.waitFor((f) => !f.includes('✗ batch/part-00.csv'));
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toMatch(/✗ batch\/part-\d\d\.csv/);
  });

  test('the expiry line stays one line: the exact times give way on a narrow terminal, UTC first', async () => {
    const app = await twoLinks();
    const expiryLine = () => app.lines().find((line) => line.includes('links · expire')) ?? '';
    expect(expiryLine()).toMatch(/expire in 1 hour {2}· {2}.+ {2}· {2}\d{4}-\d\d-\d\dT/);
    await resize(app, 24, 70);
    await app.waitFor(() => !/\d{4}-\d\d-\d\dT/.test(expiryLine()));
    expect(expiryLine()).toMatch(/expire in 1 hour {2}· {2}\S/);
    expect(stringWidth(expiryLine())).toBeLessThanOrEqual(70);
    await resize(app, 24, 40);
    await app.waitFor(() => !expiryLine().includes('·  '));
    expect(expiryLine().trim()).toBe('2 links · expire in 1 hour');
  });

  test('with --no-check nothing is fetched: the rows are signed, not marked as checked', async () => {
    const s = services();
    const app = await twoLinks(s, { noCheck: true });
    const frame = await app.waitFor('links not checked');
    expect(lineWith(frame, 'a.txt')).toMatch(/^ {2}· a\.txt$/);
    expect(frame).not.toContain('✓');
    await turns(10);
    expect(s.s3.callsOf('checkLink')).toHaveLength(0);
  });
});
