import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lineUnderFilter, markedLine } from '../support/highlight.js';
import { cursorLine, KEY, lineWith, listRows, renderApp } from '../support/ink.js';
import { BUCKETS, inTimeZone, world } from '../support/world.js';

inTimeZone();
// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

const SORTED = ['app-logs', 'backups', 'big-archive', 'customer-exports', 'nothing-here'];

describe('bucket picker', () => {
  test('shows a loading indicator while ListBuckets is pending', async () => {
    const services = world();
    services.s3.control.hold('listBuckets');
    const app = renderApp(services, { profile: 'dev' });
    await app.waitFor('Listing buckets…');
    expect(app.lines()[0]).toBe(' s3share  ›  dev');
    expect(app.frame()).not.toContain('customer-exports');
    const held = await services.s3.control.waitForHeld('listBuckets');
    expect(held).toHaveLength(1);
    const [call] = held;
    call?.release();
    await app.waitFor('5 of 5 buckets');
    expect(app.frame()).not.toContain('Listing buckets…');
  });

  test('lists the buckets sorted by name, with region and creation date', async () => {
    const app = renderApp(world(), { profile: 'dev' });
    const frame = await app.waitFor('5 of 5 buckets');
    expect(listRows(frame).map((row) => row.split(' ')[0])).toEqual(SORTED);
    expect(cursorLine(frame)).toMatch(/^ ❯ app-logs /);
    expect(lineWith(frame, 'customer-exports')).toMatch(/customer-exports\s+eu-west-1\s+created 2025-01-15 12:00$/);
    expect(lineWith(frame, 'app-logs')).toMatch(/app-logs\s+us-east-1\s+created 2024-06-01 05:30$/);
    expect(lineWith(frame, 'backups')).toMatch(/backups\s+eu-central-1$/);
    expect(BUCKETS[0]?.name).toBe('customer-exports'); // the fake answers unsorted
    expect(app.services.s3.callsOf('listBuckets')).toHaveLength(1);
  });

  test('typing filters the buckets; Enter opens the selected one', async () => {
    const app = renderApp(world(), { profile: 'dev' });
    await app.waitFor('5 of 5 buckets');
    await app.press('b');
    let frame = await app.waitFor('2 matches · 5 buckets');
    expect(frame).toContain('filter: b▏');
    expect(lineWith(frame, 'backups')).toBeDefined();
    expect(lineWith(frame, 'big-archive')).toBeDefined();
    expect(lineWith(frame, 'app-logs')).toBeUndefined();
    expect(lineWith(frame, 'customer-exports')).toBeUndefined();
    await app.press('i');
    frame = await app.waitFor('1 match · 5 buckets');
    expect(frame).toContain('filter: bi▏');
    expect(cursorLine(frame)).toMatch(/^ ❯ big-archive /);
    expect(lineWith(frame, 'backups')).toBeUndefined();
    await app.press(KEY.backspace, KEY.backspace);
    await app.waitFor('5 of 5 buckets');
    await app.press('ex', KEY.enter);
    await app.waitFor(/s3share {2}› {2}dev {2}› {2}customer-exports$/m);
  });

  test('the status line shows the position among the buckets shown, before their count', async () => {
    const app = renderApp(world(), { profile: 'dev' });
    await app.waitFor('1/5 · 5 of 5 buckets');
    await app.press(KEY.end);
    let frame = await app.waitFor('5/5 · 5 of 5 buckets');
    expect(cursorLine(frame)).toMatch(/^ ❯ nothing-here /);
    // Nothing to wait for: the bucket list comes whole, End and PgDn stop at its last row.
    expect(frame).not.toContain('+');
    await app.press(KEY.home, 'b');
    await app.waitFor('1/2 · 2 matches · 5 buckets');
    await app.press(KEY.pageDown);
    frame = await app.waitFor('2/2 · 2 matches · 5 buckets');
    expect(cursorLine(frame)).toMatch(/^ ❯ big-archive /);
  });

  test('a ListBuckets failure shows the one-line message; r retries', async () => {
    const services = world();
    services.s3.control.failNext(
      'listBuckets',
      'The security token included in the request is expired\nRequestId: 1234',
    );
    const app = renderApp(services, { profile: 'dev' });
    const frame = await app.waitFor('The security token');
    expect(frame).toContain('  The security token included in the request is expired');
    expect(frame).not.toContain('RequestId');
    expect(frame).toMatch(/r retry .*esc back/);
    expect(services.s3.callsOf('listBuckets')).toHaveLength(1);
    await app.press('r');
    await app.waitFor('5 of 5 buckets');
    expect(app.frame()).not.toContain('security token');
    expect(services.s3.callsOf('listBuckets')).toHaveLength(2);
  });

  test('an account without buckets says so', async () => {
    const app = renderApp(world({ accounts: { '*': [] } }), { profile: 'dev' });
    await app.waitFor('This account has no buckets.');
  });

  test('Esc goes back to the profiles; another profile lists its own buckets', async () => {
    const services = world({
      accounts: { dev: BUCKETS, prod: [{ name: 'prod-only-bucket', region: 'us-east-1' }] },
    });
    const app = renderApp(services);
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.enter);
    await app.waitFor('5 of 5 buckets');
    await app.press(KEY.escape);
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.down, KEY.enter);
    const frame = await app.waitFor('1 of 1 buckets');
    expect(frame).toContain('prod-only-bucket');
    expect(app.lines()[0]).toBe(' s3share  ›  prod');
  });

  test('Backspace on an empty filter goes back to the profiles', async () => {
    const app = renderApp(world());
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.enter);
    await app.waitFor('5 of 5 buckets');
    await app.press(KEY.backspace);
    await app.waitFor('3 of 3 profiles');
  });
});

describe('fuzzy filter on the buckets', () => {
  test('cex finds customer-exports and highlights c, e and x; a name holding cex comes first', async () => {
    const buckets = ['c-e-x', 'customer-exports', 'other', 'zz-cex'].map((name) => ({ name, region: 'eu-west-1' }));
    const app = renderApp(world({ accounts: { '*': buckets } }), { profile: 'dev' });
    await app.waitFor('4 of 4 buckets');
    await app.press('c', 'e', 'x');
    const frame = await app.waitFor('3 matches · 4 buckets');
    expect(listRows(frame).map((row) => row.split(' ')[0])).toEqual(['zz-cex', 'c-e-x', 'customer-exports']);
    expect(markedLine(app.lastFrame(), 'customer-exports')).toMatch(/^ {3}\[c\]ustomer-\[ex\]ports\s+eu-west-1/);
    expect(markedLine(app.lastFrame(), 'c-e-x')).toMatch(/^ {3}\[c\]-\[e\]-\[x\]\s+eu-west-1/);
    expect(markedLine(app.lastFrame(), 'zz-cex')).toMatch(/^ ❯ zz-\[cex\]\s+eu-west-1/);
    await app.press(KEY.down, KEY.down, KEY.enter);
    await app.waitFor(/s3share {2}› {2}dev {2}› {2}customer-exports$/m);
  });

  test('no match shows right under the filter; the count reads 1 match, 124 matches', async () => {
    const many = Array.from({ length: 124 }, (_, i) => ({ name: `logs-${String(i).padStart(3, '0')}` }));
    const app = renderApp(world({ accounts: { '*': [...many, { name: 'backups' }] } }), { profile: 'dev' });
    await app.waitFor('125 of 125 buckets');
    await app.press('l', 'g');
    await app.waitFor('124 matches · 125 buckets');
    await app.press(KEY.backspace, KEY.backspace, 'b', 'k');
    await app.waitFor('1 match · 125 buckets');
    await app.press('z');
    await app.waitFor('no match · 125 buckets');
    expect(lineUnderFilter(app.lines())).toBe('  no match');
    expect(listRows(app.frame())).toEqual([]);
  });
});
