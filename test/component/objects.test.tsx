import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { object } from '../support/fakes.js';
import { lineUnderFilter, markedLine } from '../support/highlight.js';
import { cursorLine, KEY, listRows, renderApp, TERMINAL, turns } from '../support/ink.js';
import { BUCKETS, inTimeZone, PAGE_SIZE, world } from '../support/world.js';

inTimeZone();
// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

const EXPORTS_ROOT = { profile: 'dev', bucket: 'customer-exports' } as const;

/** The name column of each row: "📁 invoices/" → "invoices/". */
const names = (frame: string) =>
  listRows(frame)
    .filter((row) => /^(📁|📄) /.test(row))
    .map((row) => row.slice(3).split(/\s{2,}/)[0]);

describe('object browser', () => {
  test('folders first, then objects with size and date; the breadcrumb names profile and bucket', async () => {
    const app = renderApp(world(), EXPORTS_ROOT);
    const frame = await app.waitFor('2 objects · 3 folders');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
    expect(names(frame)).toEqual(['empty/', 'invoices/', 'reports/', 'a-notes.txt', 'zz-last.bin']);
    const rows = listRows(frame);
    expect(rows[0]).toBe('📁 empty/');
    expect(rows[3]).toMatch(/^📄 a-notes\.txt\s+512 B\s+2026-04-02 09:14$/);
    expect(rows[4]).toMatch(/^📄 zz-last\.bin\s+5 GB\s+2026-04-02 09:14$/);
    expect(cursorLine(frame)).toBe(' ❯ 📁 empty/');
    expect(app.services.s3.callsOf('listPage').map((c) => c.args)).toEqual([['customer-exports', '', undefined]]);
  });

  test('shows a spinner until the first page arrives', async () => {
    const services = world();
    services.s3.control.hold('listPage');
    const app = renderApp(services, EXPORTS_ROOT);
    await app.waitFor('Listing objects…');
    expect(app.frame()).not.toContain('invoices/');
    (await services.s3.control.waitForHeld('listPage'))[0]?.release();
    await app.waitFor('2 objects · 3 folders');
    expect(app.frame()).not.toContain('Listing objects…');
  });

  test('Enter opens a folder; Backspace on an empty filter and Esc go back up', async () => {
    const app = renderApp(world(), EXPORTS_ROOT);
    await app.waitFor('2 objects · 3 folders');
    await app.press(KEY.down, KEY.enter);
    let frame = await app.waitFor('1 object · 1 folder');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  invoices/');
    expect(names(frame)).toEqual(['2026/', 'readme.txt']);
    await app.press(KEY.enter);
    frame = await app.waitFor('2 objects · 1 folder');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  invoices/2026/');
    // "2026-q1-summary.csv" sorts before "2026-q1.pdf" ("-" < ".").
    expect(names(frame)).toEqual(['drafts/', '2026-q1-summary.csv', '2026-q1.pdf']);
    expect(listRows(frame)[1]).toMatch(/^📄 2026-q1-summary\.csv\s+18\.1 kB\s+2026-04-02 09:15$/);
    expect(listRows(frame)[2]).toMatch(/^📄 2026-q1\.pdf\s+2\.4 MB\s+2026-04-02 09:14$/);

    await app.press(KEY.backspace);
    await app.waitFor('1 object · 1 folder');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  invoices/');
    await app.press(KEY.escape);
    frame = await app.waitFor('2 objects · 3 folders');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
    // The parent kept its cursor, and going back did not list it again.
    expect(cursorLine(frame)).toBe(' ❯ 📁 invoices/');
    expect(app.services.s3.callsOf('listPage').map((c) => c.args[1])).toEqual(['', 'invoices/', 'invoices/2026/']);
  });

  test('typing filters, Backspace deletes filter characters, Esc clears the filter before going back', async () => {
    const app = renderApp(world(), EXPORTS_ROOT);
    await app.waitFor('2 objects · 3 folders');
    await app.press('t', 'x');
    let frame = await app.waitFor('filter: tx▏');
    expect(names(frame)).toEqual(['a-notes.txt']);
    expect(frame).toContain('1 match · 2 objects · 3 folders');
    await app.press(KEY.backspace);
    frame = await app.waitFor('filter: t▏');
    expect(names(frame)).toEqual(['empty/', 'reports/', 'a-notes.txt', 'zz-last.bin']);
    expect(frame).toContain('4 matches · 2 objects · 3 folders');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
    await app.press('ZZZ');
    frame = await app.waitFor('filter: tZZZ▏');
    expect(names(frame)).toEqual([]);
    // Every key of the folder is loaded: nothing to search the server for.
    expect(lineUnderFilter(app.lines())).toBe('  no match');
    await app.press(KEY.escape);
    frame = await app.waitFor('type to filter');
    expect(names(frame)).toHaveLength(5);
    // Still on the objects screen: Esc only cleared the filter.
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
    await app.press(KEY.escape);
    await app.waitFor('5 of 5 buckets');
  });

  test('Enter on an object opens the expiry input for it', async () => {
    const app = renderApp(world(), EXPORTS_ROOT);
    await app.waitFor('2 objects · 3 folders');
    await app.press('zz', KEY.enter);
    const frame = await app.waitFor('Expires in (hours):');
    expect(frame).toContain('Object   s3://customer-exports/zz-last.bin');
  });

  test('pages: the first shows at once, the next is fetched only as the cursor nears the end', async () => {
    const services = world();
    const listPages = () => services.s3.callsOf('listPage');
    const app = renderApp(services, { profile: 'dev', bucket: 'big-archive' });
    let frame = await app.waitFor(`1/${PAGE_SIZE}+ · ${PAGE_SIZE} objects · 0 folders loaded · more ↓`);
    expect(names(frame)[0]).toBe('file-000.bin');
    await turns(20);
    expect(listPages()).toHaveLength(1);

    // Moving within the first rows does not fetch.
    for (let i = 0; i < 10; i += 1) await app.press(KEY.down);
    await app.waitFor((f) => cursorLine(f)?.includes('file-010.bin') === true);
    await turns(20);
    expect(listPages()).toHaveLength(1);

    // Nearing the end of what is loaded (two screens from it), the next page is asked for, with
    // the first page's token; the cursor stays where it was.
    services.s3.control.hold('listPage');
    for (let i = 0; i < 6; i += 1) await app.press(KEY.down);
    frame = await app.waitFor('loading more…');
    const [held] = await services.s3.control.waitForHeld('listPage');
    expect(cursorLine(frame)).toContain('file-016.bin');
    expect(frame).toContain(`17/${PAGE_SIZE}+ · ${PAGE_SIZE} objects · 0 folders · loading more…`);
    expect(listPages()).toHaveLength(2);
    expect(listPages()[1]?.args).toEqual(['big-archive', '', 'page-token:big-archive/:50']);
    services.s3.control.stopHolding('listPage');
    held?.release();
    frame = await app.waitFor('17/100+ · 100 objects · 0 folders loaded · more ↓');
    expect(cursorLine(frame)).toContain('file-016.bin');
    await turns(20);
    expect(listPages()).toHaveLength(2);

    // End goes on through the pages still to come, to the last row of the listing.
    await app.press(KEY.end);
    frame = await app.waitFor((f) => /120\/120 · 120 objects · 0 folders\s*$/m.test(f));
    expect(frame).not.toContain('more');
    expect(cursorLine(frame)).toContain('file-119.bin');
    expect(listPages()).toHaveLength(3);
    await app.press(KEY.home);
    await app.waitFor((f) => cursorLine(f)?.includes('file-000.bin') === true);
    expect(app.frame()).toContain('1/120 · 120 objects');
    await turns(20);
    expect(listPages()).toHaveLength(3);
  });

  test('a page failing mid-way keeps the rows shown and puts the error on the status line; r retries', async () => {
    const services = world();
    const app = renderApp(services, { profile: 'dev', bucket: 'big-archive' });
    await app.waitFor(`${PAGE_SIZE} objects · 0 folders loaded · more ↓`);
    services.s3.control.failNext('listPage', 'SlowDown: reduce your request rate\nRequestId: 99');
    await app.press(KEY.end);
    let frame = await app.waitFor('SlowDown: reduce');
    expect(frame).toContain(`${PAGE_SIZE} objects · 0 folders · SlowDown: reduce your request rate`);
    // The footer offers the retry only while there is something to retry.
    expect(frame).toMatch(/⏎ open .*r retry/);
    expect(frame).not.toContain('RequestId');
    expect(listRows(frame)).toHaveLength(17);
    expect(cursorLine(frame)).toContain('file-049.bin');
    await turns(20);
    // No automatic retry loop.
    expect(services.s3.callsOf('listPage')).toHaveLength(2);

    await app.press('r');
    frame = await app.waitFor('100 objects · 0 folders loaded · more ↓');
    expect(frame).not.toContain('SlowDown');
    expect(frame).not.toContain('filter: r');
    const calls = services.s3.callsOf('listPage');
    expect(calls).toHaveLength(3);
    expect(calls[2]?.args).toEqual(calls[1]?.args);
  });

  test('a failing first page shows the message; r retries', async () => {
    const services = world();
    services.s3.control.failNext('listPage', 'Access Denied');
    const app = renderApp(services, EXPORTS_ROOT);
    const frame = await app.waitFor('Access Denied');
    expect(frame).toMatch(/r retry .*esc back/);
    await app.press('r');
    await app.waitFor('2 objects · 3 folders');
  });

  test('an empty folder (only its folder marker) and an empty bucket say so', async () => {
    const app = renderApp(world(), EXPORTS_ROOT);
    await app.waitFor('2 objects · 3 folders');
    await app.press(KEY.enter);
    await app.waitFor('This folder is empty.');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  empty/');

    const other = renderApp(world(), { profile: 'dev', bucket: 'nothing-here' });
    await other.waitFor('This bucket is empty.');
  });

  test('--bucket and --prefix open that folder directly; Esc walks back up to the bucket list', async () => {
    const services = world();
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports', prefix: 'invoices/2026' });
    const frame = await app.waitFor('2 objects · 1 folder');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  invoices/2026/');
    expect(names(frame)).toEqual(['drafts/', '2026-q1-summary.csv', '2026-q1.pdf']);
    expect(app.frames.some((f) => f.includes('buckets'))).toBe(false);
    expect(services.s3.callsOf('listBuckets')).toHaveLength(0);
    expect(services.s3.callsOf('listPage').map((c) => c.args[1])).toEqual(['invoices/2026/']);

    await app.press(KEY.escape);
    await app.waitFor('1 object · 1 folder');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  invoices/');
    await app.press(KEY.escape);
    await app.waitFor('2 objects · 3 folders');
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
    await app.press(KEY.escape);
    await app.waitFor('5 of 5 buckets');
    expect(app.lines()[0]).toBe(' s3share  ›  dev');
    expect(services.s3.callsOf('listBuckets')).toHaveLength(1);
  });

  test('a server search that finds nothing says so and how to change it; Esc brings the filter back', async () => {
    const app = renderApp(world(), EXPORTS_ROOT);
    await app.waitFor('2 objects · 3 folders');
    await app.press('q', 'z');
    await app.waitFor('filter: qz');
    await app.press('\t');
    const frame = await app.waitFor('No key in this folder starts with “qz”.');
    expect(frame).toContain('esc back to the folder, with the filter to change');
    await app.press(KEY.escape);
    await app.waitFor('filter: qz');
    await app.press(KEY.backspace, KEY.backspace, 'r', 'e');
    await app.waitFor('filter: re');
    expect(names(app.frame())).toEqual(['reports/']);
  });
});

describe('fuzzy filter on the objects', () => {
  const LONG = `report-${'x'.repeat(150)}-cex-end.csv`;
  const fuzzyWorld = () =>
    world({
      accounts: {
        '*': [
          ...BUCKETS,
          {
            name: 'exports',
            objects: [
              'a-cex.txt',
              'c-e-x-folder/y',
              'c-e-x.log',
              'cex-folder/x',
              'customer-exports.csv',
              'other.txt',
              'zz-cex.txt',
            ].map((key) => object(key)),
          },
          { name: 'long-names', objects: [object('a.txt'), object(LONG)] },
        ],
      },
    });

  test('cex finds customer-exports and highlights c, e and x; names holding cex come first, folders first', async () => {
    const app = renderApp(fuzzyWorld(), { profile: 'dev', bucket: 'exports' });
    await app.waitFor('5 objects · 2 folders');
    await app.press('c', 'e', 'x');
    const frame = await app.waitFor('6 matches · 5 objects · 2 folders');
    expect(names(frame)).toEqual([
      'cex-folder/',
      'a-cex.txt',
      'zz-cex.txt',
      'c-e-x-folder/',
      'c-e-x.log',
      'customer-exports.csv',
    ]);
    expect(markedLine(app.lastFrame(), 'customer-exports.csv')).toMatch(/📄 \[c\]ustomer-\[ex\]ports\.csv\s/);
    expect(markedLine(app.lastFrame(), 'zz-cex.txt')).toMatch(/📄 zz-\[cex\]\.txt\s/);
    expect(markedLine(app.lastFrame(), 'c-e-x-folder/')).toContain('📁 [c]-[e]-[x]-folder/');
    expect(markedLine(app.lastFrame(), 'other.txt')).toBeUndefined();
  });

  test('a sort still orders the names holding the filter; fuzzy matches follow', async () => {
    const app = renderApp(fuzzyWorld(), { profile: 'dev', bucket: 'exports' });
    await app.waitFor('5 objects · 2 folders');
    await app.press('s');
    await app.waitFor('sorted by name, Z→A');
    await app.press('c', 'e', 'x');
    const frame = await app.waitFor('6 matches · 5 objects · 2 folders');
    expect(names(frame)).toEqual([
      'cex-folder/',
      'zz-cex.txt',
      'a-cex.txt',
      'c-e-x-folder/',
      'c-e-x.log',
      'customer-exports.csv',
    ]);
  });

  test('a long name is cut in the middle with its match still highlighted, the size column in place', async () => {
    const app = renderApp(fuzzyWorld(), { profile: 'dev', bucket: 'long-names' });
    await app.waitFor('2 objects · 0 folders');
    await app.press('c', 'e', 'x');
    await app.waitFor('1 match · 2 objects · 0 folders');
    const row = markedLine(app.lastFrame(), 'report-');
    expect(row).toMatch(/^ ❯ 📄 report-x+…x*-\[cex\]-end\.csv +1 kB {2}2026-04-02 09:14$/);
    // Exactly the terminal's width (the emoji takes two columns and two UTF-16 units).
    expect(row?.replace(/[[\]]/g, '')).toHaveLength(TERMINAL.columns);
  });

  test('no match says so right under the filter, and Tab to search the server while keys are still unloaded', async () => {
    const app = renderApp(world(), { profile: 'dev', bucket: 'big-archive' });
    await app.waitFor(`${PAGE_SIZE} objects · 0 folders loaded · more ↓`);
    await app.press('q', 'q');
    await app.waitFor('filter: qq▏');
    expect(lineUnderFilter(app.lines())).toBe('  no match · tab search server for keys starting with “qq”');
    expect(app.frame()).toContain('no match · 50 objects · 0 folders');
    expect(listRows(app.frame())).toEqual([]);
  });
});
