/**
 * What holds on every screen: terminal size, help, Ctrl-C, late answers, key bursts, and the
 * whole flow driven by keys alone.
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import stringWidth from 'string-width';
import { CHROME_ROWS } from '../../src/state/selectors.js';
import { MIN_COLUMNS, MIN_ROWS } from '../../src/state/selectors.js';
import type { PresignRequest } from '../../src/core/ports.js';
import type { StartOptions } from '../../src/state/app-state.js';
import { discovery, FakeProfileSource } from '../support/fakes.js';
import { expiryText, openExpiry, openResult, Q1_FOLDER } from '../support/flows.js';
import {
  type AppHarness,
  cursorLine,
  KEY,
  listRows,
  renderApp,
  resize,
  TERMINAL,
  turns,
  POLL,
} from '../support/ink.js';
import { inTimeZone, PROFILES, world } from '../support/world.js';

inTimeZone();
// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The screens, each reached with the fakes answering at once. */
const SCREENS: Record<string, () => Promise<AppHarness>> = {
  profiles: async () => {
    const app = renderApp(world());
    await app.waitFor('3 of 3 profiles');
    return app;
  },
  buckets: async () => {
    const app = renderApp(world(), { profile: 'dev' });
    await app.waitFor('5 of 5 buckets');
    return app;
  },
  objects: async () => {
    const app = renderApp(world(), { profile: 'dev', bucket: 'big-archive' });
    await app.waitFor('50 objects');
    return app;
  },
  expiry: () => openExpiry(),
  result: () =>
    openResult(world({ s3: { urlFor: (r: PresignRequest) => `https://x.example/${r.key}?${'sig='.repeat(75)}` } })),
};

describe('terminal size', () => {
  test(`the app sees ink-testing-library's ${TERMINAL.columns} columns and falls back to ${TERMINAL.rows} rows`, async () => {
    const app = await SCREENS.objects!();
    const lines = app.lines();
    // The rules under the header and above the footer span the width, less one blank each side.
    expect(lines[1]).toBe(` ${'─'.repeat(TERMINAL.columns - 2)}`);
    // The list gets the rows left by the header, filter line and footer.
    expect(listRows(app.frame())).toHaveLength(TERMINAL.rows - CHROME_ROWS);
    expect((app.stdout as { rows?: number }).rows).toBeUndefined();
  });

  test('a resize re-lays the list out; a terminal below 40×12 is told it is too small', async () => {
    const app = await SCREENS.objects!();
    await resize(app, 30, 60);
    let frame = await app.waitFor((f) => f.split('\n')[1] === ` ${'─'.repeat(58)}`);
    expect(listRows(frame)).toHaveLength(30 - CHROME_ROWS);
    await resize(app, 10, 30);
    frame = await app.waitFor('Terminal too small (30×10)');
    expect(listRows(frame)).toEqual([]);
    await resize(app, TERMINAL.rows, TERMINAL.columns);
    frame = await app.waitFor('50 objects');
    expect(listRows(frame)).toHaveLength(TERMINAL.rows - CHROME_ROWS);
  });

  test.each(Object.keys(SCREENS).concat('help'))('the %s screen fits in the terminal', async (name) => {
    const app = await (SCREENS[name] ?? SCREENS.objects)!();
    if (name === 'help') {
      await app.press('?');
      await app.waitFor('Press any key to close.');
    }
    const lines = app.lines();
    expect(lines.length, `${name} screen:\n${lines.join('\n')}`).toBeLessThanOrEqual(TERMINAL.rows);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(TERMINAL.columns);
  });

  // The result screen is left out: the URL is shown whole, however many lines that takes.
  test.each(['profiles', 'buckets', 'objects', 'expiry', 'help'])(
    `the %s screen fits the smallest terminal the app accepts (${MIN_COLUMNS}×${MIN_ROWS})`,
    async (name) => {
      const app = await (SCREENS[name] ?? SCREENS.expiry)!();
      if (name === 'help') {
        await app.press('?');
        await app.waitFor('Press any key to close.');
      }
      await resize(app, MIN_ROWS, MIN_COLUMNS);
      await app.waitFor((f) => f.split('\n')[1] === ` ${'─'.repeat(MIN_COLUMNS - 2)}`);
      const lines = app.lines();
      expect(lines.length, `${name} screen:\n${lines.join('\n')}`).toBeLessThanOrEqual(MIN_ROWS);
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(MIN_COLUMNS);
    },
  );
});

describe('help', () => {
  test('? shows every binding of the key map; any key closes it without acting', async () => {
    const app = await SCREENS.buckets!();
    // Bindings kept out of the footer are not on screen before help opens.
    expect(app.frame()).not.toContain('PgUp/PgDn');
    expect(app.frame()).not.toContain('Home/End');
    await app.press('?');
    const frame = await app.waitFor('Press any key to close.');
    // Every key that does something on the screen under the help, the footer's and the rest.
    for (const [keys, does] of [
      ['↑↓', 'move'],
      ['PgUp/PgDn', 'page'],
      ['Home/End', 'first / last'],
      ['⏎', 'open'],
      ['⌫', 'erase / up'],
      ['type', 'filter'],
      ['esc', 'back'],
      ['?', 'help'],
      ['ctrl-c', 'quit'],
    ]) {
      expect(frame).toMatch(new RegExp(`^\\s*${escapeRegExp(keys!)}\\s+${escapeRegExp(does!)}\\s*$`, 'm'));
    }
    // Keys of other screens, and keys that do nothing here (no error to retry), are not listed.
    expect(frame).not.toMatch(/retry|copy|another object|link kind/);
    expect(listRows(frame)).toEqual([]);

    // "x" closes help: it is not typed into the filter.
    await app.press('x');
    const after = await app.waitFor('5 of 5 buckets');
    expect(after).not.toContain('Press any key to close.');
    expect(after).toContain('type to filter');
    // Enter closes help: it does not open the selected bucket.
    await app.press('?');
    await app.waitFor('Press any key to close.');
    await app.press(KEY.enter);
    await app.waitFor('5 of 5 buckets');
    await turns(20);
    expect(app.services.s3.callsOf('listPage')).toEqual([]);
    expect(app.lines()[0]).toBe(' s3share  ›  dev');
  });

  test('on the expiry screen ? opens help instead of being typed, and the closing key is not typed', async () => {
    const app = await openExpiry();
    await app.press('?');
    await app.waitFor('Press any key to close.');
    await app.press('5');
    const frame = await app.waitFor('Expires in (hours):');
    expect(expiryText(frame)).toBe('1');
  });
});

describe('Ctrl-C', () => {
  test.each(Object.keys(SCREENS))('on the %s screen calls onExit with code 130', async (name) => {
    const app = await SCREENS[name]!();
    await app.press(KEY.ctrlC);
    await expect.poll(() => app.onExit.mock.calls.length, POLL).toBe(1);
    expect(app.onExit.mock.calls[0]?.[0]).toMatchObject({ code: 130 });
    // Ctrl-C aborts: even on a result, nothing is given to a captured stdout.
    expect(app.onExit.mock.calls[0]?.[0].output).toBeUndefined();
  });

  test('with help open, and while a request is pending', async () => {
    const services = world();
    services.s3.control.hold('listBuckets');
    const app = renderApp(services, { profile: 'dev' });
    await app.waitFor('Listing buckets…');
    await app.press('?');
    await app.waitFor('Press any key to close.');
    await app.press(KEY.ctrlC);
    await expect
      .poll(() => app.onExit.mock.calls.map(([exit]) => ({ code: exit.code, output: exit.output })), POLL)
      .toEqual([{ code: 130, output: undefined }]);
  });

  test('inside a burst of keys (typed text and Ctrl-C in one read)', async () => {
    const app = await SCREENS.buckets!();
    app.stdin.write('ab\u0003');
    await expect
      .poll(() => app.onExit.mock.calls.map(([exit]) => ({ code: exit.code, output: exit.output })), POLL)
      .toEqual([{ code: 130, output: undefined }]);
  });
});

describe('late answers are dropped', () => {
  test('a folder left before its page arrives: the page does not change the parent list', async () => {
    const services = world();
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor('2 objects · 3 folders');
    await app.press(KEY.down);
    const before = app.frame();
    services.s3.control.hold('listPage', (args) => args[1] === 'invoices/');
    await app.press(KEY.enter);
    await app.waitFor('Listing objects…');
    await app.press(KEY.escape);
    await app.waitFor('2 objects · 3 folders');
    const [late] = await services.s3.control.waitForHeld('listPage');
    late?.release();
    await turns(20);
    expect(app.frame()).toBe(before);
    expect(cursorLine(app.frame())).toBe(' ❯ 📁 invoices/');
    expect(app.frame()).not.toContain('readme.txt');
  });

  test('a folder left and opened again: the first, late answer does not land on the new screen', async () => {
    const services = world();
    const app = renderApp(services, { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor('2 objects · 3 folders');
    services.s3.control.hold('listPage', (args) => args[1] === 'invoices/');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('Listing objects…');
    await app.press(KEY.escape);
    await app.waitFor('2 objects · 3 folders');
    await app.press(KEY.enter);
    await app.waitFor('Listing objects…');
    const [first, second] = await services.s3.control.waitForHeld('listPage', 2);
    expect(second).toBeDefined();
    first?.fail('stale failure from the first visit');
    await turns(20);
    expect(app.frame()).toContain('Listing objects…');
    expect(app.frame()).not.toContain('stale failure');
    second?.release();
    await app.waitFor('1 object · 1 folder');
    expect(app.frame()).not.toContain('stale failure');
  });

  test("buckets of a profile left behind do not replace the next profile's", async () => {
    const services = world({
      accounts: { dev: [{ name: 'dev-bucket' }], prod: [{ name: 'prod-bucket' }] },
    });
    services.s3.control.hold('listBuckets', () => services.s3.callsOf('listBuckets').length === 1);
    const app = renderApp(services);
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.enter);
    await app.waitFor('Listing buckets…');
    await app.press(KEY.escape);
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('prod-bucket');
    (await services.s3.control.waitForHeld('listBuckets'))[0]?.release();
    await turns(20);
    expect(app.frame()).toContain('prod-bucket');
    expect(app.frame()).not.toContain('dev-bucket');
    expect(app.lines()[0]).toBe(' s3share  ›  prod');
  });

  test('a link signed after the user went back does not open the result screen', async () => {
    const services = world();
    services.s3.control.hold('presign');
    const app = await openExpiry(services);
    await app.press(KEY.enter);
    await app.waitFor('Signing…');
    await app.press(KEY.escape);
    await app.waitFor('2 objects · 1 folder');
    (await services.s3.control.waitForHeld('presign'))[0]?.release();
    await turns(20);
    expect(app.frame()).not.toContain('GET link to');
    expect(app.frame()).toContain('2 objects · 1 folder');
    // Nothing was shown, so quitting reports no URL.
    await app.press(KEY.ctrlC);
    await expect
      .poll(() => app.onExit.mock.calls.map(([exit]) => ({ code: exit.code, output: exit.output })), POLL)
      .toEqual([{ code: 130, output: undefined }]);
  });
});

describe('key bursts act like slow typing', () => {
  test('a pasted filter followed by Enter opens the match', async () => {
    const app = await SCREENS.buckets!();
    app.stdin.write('custo\r');
    await app.waitFor(/s3share {2}› {2}dev {2}› {2}customer-exports$/m);
  });

  test('arrows and Enter in one write move, then open', async () => {
    const app = renderApp(world(), { profile: 'dev', bucket: 'customer-exports' });
    await app.waitFor('2 objects · 3 folders');
    app.stdin.write(`${KEY.down}${KEY.down}\r`);
    await app.waitFor(/› {2}reports\/$/m);
  });
});

describe('the whole flow by keys', () => {
  test('profile → bucket → folders → object → expiry → result → copy → quit', async () => {
    const services = world();
    const app = renderApp(services);
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.enter);
    await app.waitFor('5 of 5 buckets');
    await app.press('exp', KEY.enter);
    await app.waitFor('2 objects · 3 folders');
    await app.press(KEY.down, KEY.enter);
    await app.waitFor('1 object · 1 folder');
    await app.press(KEY.enter);
    await app.waitFor('2 objects · 1 folder');
    await app.press('q1.p', KEY.enter);
    await app.waitFor('Expires in (hours):');
    await app.press(KEY.backspace, '2', KEY.enter);
    await app.waitFor('Expires in 2 hours');
    await app.press('c');
    await app.waitFor('Copied');
    expect(services.clipboard.copied).toHaveLength(1);
    const url = services.clipboard.copied[0];
    expect(url).toContain('invoices/2026/2026-q1.pdf');
    expect(app.lines().join('')).toContain(url);
    await app.press('q');
    await expect
      .poll(() => app.onExit.mock.calls, POLL)
      .toEqual([
        [
          {
            code: 0,
            output: `${url}\n`,
            location: { profile: 'dev', bucket: 'customer-exports', prefix: 'invoices/2026/' },
          },
        ],
      ]);
    // The link stays on the terminal after the app ends; the key hints do not.
    expect(app.lines().join('')).toContain(url);
    expect(app.frame()).not.toContain('c copy');
    expect(services.s3.presignRequests).toMatchObject([
      { bucket: 'customer-exports', key: 'invoices/2026/2026-q1.pdf', expiresInSeconds: 7200 },
    ]);
  });

  test('--hours given on the command line prefills the expiry input', async () => {
    const options: StartOptions = { ...Q1_FOLDER, expiryText: '24' };
    const app = renderApp(world(), options);
    await app.waitFor('2 objects · 1 folder');
    await app.press(KEY.down, KEY.down, KEY.enter);
    const frame = await app.waitFor('Expires in (hours):');
    expect(expiryText(frame)).toBe('24');
  });

  test('--bucket with several profiles: the bucket opens once a profile is picked', async () => {
    const services = world({ profiles: new FakeProfileSource(discovery(PROFILES)) });
    const app = renderApp(services, { bucket: Q1_FOLDER.bucket });
    await app.waitFor('3 of 3 profiles');
    await app.press(KEY.enter);
    await app.waitFor((f) => f.includes('2 objects · 3 folders') || f.includes('of 5 buckets'));
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports');
  });
});
