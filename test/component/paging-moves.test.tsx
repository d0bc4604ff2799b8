/**
 * Moves past the rows loaded: End goes on to the end of the listing as its pages arrive, a ↓
 * held through a page load is not lost, and Esc or any other key stops such a move. The status
 * line shows the cursor's position, fzf-style.
 */
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { object, type FakeBucket } from '../support/fakes.js';
import { cursorLine, KEY, renderApp, resize, turns, type AppHarness } from '../support/ink.js';
import { Key } from '../support/terminal/keys.js';
import { BUCKETS, inTimeZone, world } from '../support/world.js';

inTimeZone();
// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 30_000 });
afterEach(() => cleanup());

const COUNT = 3000;
const name = (i: number) => `obj-${String(i).padStart(4, '0')}.bin`;

/** 3,000 objects: with S3's 1,000-key pages, listed as 100 (the first page), 1,000, 1,000 and 900. */
const HUGE: FakeBucket = {
  name: 'huge',
  region: 'eu-west-1',
  objects: Array.from({ length: COUNT }, (_, i) => object(name(i))),
};

const on = (i: number) => (frame: string) => cursorLine(frame)?.includes(`📄 ${name(i)}`) === true;

/** The huge folder's first page on screen, later pages held until the test releases them. */
async function openHuge(): Promise<AppHarness> {
  const services = world({ accounts: { '*': [HUGE, ...BUCKETS] }, s3: { pageSize: 1000 } });
  const app = renderApp(services, { profile: 'dev', bucket: 'huge' });
  await app.waitFor('1/100+ · 100 objects · 0 folders loaded · more ↓');
  services.s3.control.hold('listPage');
  return app;
}

/** Answers the page asked for now (after `before` pages were asked for). */
async function releasePage(app: AppHarness, before: number): Promise<void> {
  await expect.poll(() => app.services.s3.callsOf('listPage').length).toBe(before + 1);
  const [held] = await app.services.s3.control.waitForHeld('listPage');
  held?.release();
}

const footer = (app: AppHarness) =>
  app
    .lines()
    .filter((line) => line !== '')
    .at(-1) ?? '';

describe('End', () => {
  test('one End on 3,000 objects in pages of 100, 1,000, 1,000 and 900 reaches the last row', async () => {
    const app = await openHuge();
    await app.press(KEY.end);
    let frame = await app.waitFor('to the end… 100 loaded');
    expect(on(99)(frame)).toBe(true);
    expect(frame).toContain('100/100+ · 100 objects · 0 folders · to the end… 100 loaded');
    expect(footer(app)).toContain('esc stop');
    expect(footer(app)).not.toContain('esc back');

    await releasePage(app, 1);
    frame = await app.waitFor('to the end… 1,100 loaded');
    expect(on(1099)(frame)).toBe(true);
    expect(frame).toContain('1,100/1,100+ · 1,100 objects');

    await releasePage(app, 2);
    frame = await app.waitFor('to the end… 2,100 loaded');
    expect(on(2099)(frame)).toBe(true);

    await releasePage(app, 3);
    frame = await app.waitFor((f) => /3,000\/3,000 · 3,000 objects · 0 folders\s*$/m.test(f));
    expect(on(2999)(frame)).toBe(true);
    expect(frame).not.toContain('to the end');
    expect(footer(app)).toContain('esc back');
    const tokens = app.services.s3.callsOf('listPage').map((call) => call.args[2]);
    expect(tokens).toEqual([undefined, 'page-token:huge/:100', 'page-token:huge/:1100', 'page-token:huge/:2100']);
  });

  test('Esc stops it: the cursor stays on its row, the screen does not go back', async () => {
    const app = await openHuge();
    await app.press(KEY.end);
    await app.waitFor('to the end… 100 loaded');
    await app.press(KEY.escape);
    let frame = await app.waitFor('100/100+ · 100 objects · 0 folders · loading more…');
    expect(on(99)(frame)).toBe(true);
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  huge');
    expect(footer(app)).toContain('esc back');

    // The page asked for still arrives, and the cursor stays where Esc left it.
    await releasePage(app, 1);
    frame = await app.waitFor('100/1,100+ · 1,100 objects · 0 folders loaded · more ↓');
    expect(on(99)(frame)).toBe(true);
    await turns(20);
    expect(app.services.s3.callsOf('listPage')).toHaveLength(2);

    // With nothing waiting, Esc goes back again.
    await app.press(KEY.escape);
    await app.waitFor('of 6 buckets');
  });

  test('another key stops it and does what it does: ↑ moves up, a letter filters, ← only stops', async () => {
    const app = await openHuge();
    await app.press(KEY.end);
    await app.waitFor('to the end… 100 loaded');
    await app.press(KEY.up);
    let frame = await app.waitFor('99/100+ · 100 objects · 0 folders · loading more…');
    expect(on(98)(frame)).toBe(true);
    await releasePage(app, 1);
    frame = await app.waitFor('99/1,100+ · 1,100 objects');
    expect(on(98)(frame)).toBe(true);

    await app.press(KEY.end);
    await app.waitFor('to the end… 1,100 loaded');
    await app.press(Key.Left);
    frame = await app.waitFor('1,100/1,100+ · 1,100 objects · 0 folders · loading more…');
    expect(on(1099)(frame)).toBe(true);
    await app.press('0', '9', '9', '9');
    // A filter searches what is loaded: the page in flight arrives, no further one is asked for.
    await releasePage(app, 2);
    frame = await app.waitFor('1/1+ · 1 match · 2,100 objects');
    expect(on(999)(frame)).toBe(true);
    await turns(20);
    expect(app.services.s3.callsOf('listPage')).toHaveLength(3);
  });

  test('with a filter, End goes to the last match loaded and waits for nothing', async () => {
    const app = await openHuge();
    await app.press('0', '5');
    await app.waitFor(/ 1\/[\d,]+\+ · [\d,]+ matches · 100 objects · 0 folders loaded · more ↓/);
    await app.press(KEY.end);
    // Pending moves wait only for an unfiltered list: the last match loaded, "N/N".
    const frame = await app.waitFor(/ ([\d,]+)\/\1\+ · \1 matches · 100 objects · 0 folders loaded · more ↓/);
    expect(frame).not.toContain('to the end');
    await turns(20);
    expect(app.services.s3.callsOf('listPage')).toHaveLength(1);
  });
});

describe('↓ and PgDn past the rows loaded', () => {
  test('150 ↓ from the top, with 100 rows loaded, land on row 151 once the next page arrives', async () => {
    const app = await openHuge();
    await app.press(...Array.from({ length: 150 }, () => KEY.down));
    let frame = await app.waitFor('100/100+ · 100 objects · 0 folders · loading more…');
    expect(on(99)(frame)).toBe(true);
    await releasePage(app, 1);
    frame = await app.waitFor('151/1,100+ · 1,100 objects · 0 folders loaded · more ↓');
    expect(on(150)(frame)).toBe(true);
  });

  test('PgDn at the last row loaded goes a page further when the next page arrives', async () => {
    const app = await openHuge();
    await app.press(KEY.end, KEY.escape);
    await app.waitFor('100/100+ · 100 objects · 0 folders · loading more…');
    await app.press(KEY.pageDown);
    await releasePage(app, 1);
    // 17 rows on screen at 24 lines: a page down from row 100 is row 117.
    const frame = await app.waitFor('117/1,100+');
    expect(on(116)(frame)).toBe(true);
  });
});

describe('the position on the status line', () => {
  test('row/rows shown, "+" while more pages exist; with a filter, among the matches', async () => {
    const app = renderApp(world(), { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor('1/5 · 2 objects · 3 folders');
    await app.press(KEY.down, KEY.down);
    await app.waitFor('3/5 · 2 objects · 3 folders');
    await app.press('t');
    await app.waitFor('1/4 · 4 matches · 2 objects · 3 folders');
    await app.press('ZZZ');
    const frame = await app.waitFor('filter: tZZZ▏');
    // Nothing shown, no position.
    expect(frame).toContain('no match · 2 objects · 3 folders');
    expect(frame).not.toMatch(/\d\/\d/);
  });

  test('profiles and buckets show it too', async () => {
    const app = renderApp(world());
    await app.waitFor('1/3 · 3 of 3 profiles');
    await app.press(KEY.end);
    await app.waitFor('3/3 · 3 of 3 profiles');
    await app.press(KEY.home, KEY.enter);
    await app.waitFor('1/5 · 5 of 5 buckets');
    await app.press('a');
    await app.waitFor('1/3 · 3 matches · 5 buckets');
  });

  test('at 40 columns the status line keeps the position and the way to the end, and fits', async () => {
    const app = await openHuge();
    await resize(app, 12, 40);
    await app.waitFor((f) => f.split('\n')[1] === ` ${'─'.repeat(38)}`);
    await app.waitFor('1/100+');
    await app.press(KEY.end);
    let frame = await app.waitFor('to the end… 100 loaded');
    expect(on(99)(frame)).toBe(true);
    for (const line of app.lines()) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    await releasePage(app, 1);
    await releasePage(app, 2);
    await releasePage(app, 3);
    frame = await app.waitFor(/ 3,000\/3,000\s*$/m);
    expect(on(2999)(frame)).toBe(true);
    for (const line of app.lines()) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
    await app.press('obj-29');
    frame = await app.waitFor('filter: obj-29▏');
    expect(frame).toMatch(/ 1\/[\d,]+\s*$/m);
    for (const line of app.lines()) expect(stringWidth(line), line).toBeLessThanOrEqual(40);
  });
});

describe('versions', () => {
  const versions = Array.from({ length: 120 }, (_, i) => ({
    key: 'a-notes.txt',
    versionId: `v${String(i).padStart(3, '0')}-${'x'.repeat(20)}`,
    isLatest: i === 119,
    deleteMarker: false,
    size: 512,
    lastModified: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  }));
  const versioned: FakeBucket = { ...(BUCKETS[0] as FakeBucket), versioning: 'enabled', versions };

  test('End goes through the pages of versions to the oldest; the title line shows the position', async () => {
    const services = world({ accounts: { '*': [versioned, ...BUCKETS.slice(1)] } });
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor(/objects · 3 folders/);
    await app.press(KEY.end, KEY.up, 'v');
    await app.waitFor(/Versions of a-notes\.txt\s+1\/50\+/);
    await app.press(KEY.end);
    const frame = await app.waitFor(/Versions of a-notes\.txt\s+120\/120\s*$/m);
    expect(cursorLine(frame)).toContain('v000-');
    expect(services.s3.callsOf('listVersions')).toHaveLength(3);
  });
});
