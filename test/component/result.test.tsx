import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { LinkCheck, PresignRequest } from '../../src/core/ports.js';
import { FakeClipboard } from '../support/fakes.js';
import { expiryText, openExpiry, openResult, Q1_FOLDER, Q1_KEY, submitExpiry } from '../support/flows.js';
import { cursorLine, flat, KEY, renderApp, resize, TERMINAL, turns, POLL, type AppHarness } from '../support/ink.js';
import { inTimeZone, world } from '../support/world.js';

inTimeZone();
// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

/** A 300-character URL whose every position is distinguishable. */
function longUrl(request: PresignRequest): string {
  const head = `https://${request.bucket}.s3.eu-west-1.amazonaws.com/${request.key}?X-Amz-Expires=${request.expiresInSeconds}&X-Amz-Signature=`;
  let tail = '';
  for (let i = 0; tail.length < 300 - head.length; i += 1) tail += (i % 36).toString(36);
  const url = head + tail.slice(0, 300 - head.length);
  if (url.length !== 300) throw new Error('bad test URL');
  return url;
}

/** What the fake presigner answers for 2026-q1.pdf and 24 hours. */
const URL_24H =
  'https://customer-exports.s3.eu-west-1.amazonaws.com/invoices/2026/2026-q1.pdf' +
  '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86400&X-Amz-Signature=fake';

describe('result screen', () => {
  test('shows a 300-character URL in full, from the first column, never truncated', async () => {
    const services = world({ s3: { urlFor: longUrl } });
    const app = await openResult(services);
    const url = longUrl({ bucket: 'customer-exports', key: Q1_KEY, expiresInSeconds: 86_400 });
    const lines = app.lines();
    // Every character, in order, once the terminal's lines are joined back together.
    expect(lines.join('')).toContain(url);
    // The URL starts at the left edge, and its pieces fill whole lines (no indent inside it).
    const first = lines.findIndex((line) => line.startsWith('https://'));
    expect(first).toBeGreaterThan(0);
    expect(lines[first]).toBe(url.slice(0, TERMINAL.columns));
    expect(lines[first + 1]).toBe(url.slice(TERMINAL.columns, 2 * TERMINAL.columns));
    expect(lines[first + 2]).toBe(url.slice(2 * TERMINAL.columns));
    expect(app.frame()).not.toContain('…');
  });

  test('shows the expiry relative ("in 24 hours"), local and UTC', async () => {
    const app = await openResult(world(), '24');
    const frame = app.frame();
    expect(frame).toContain(`GET link to s3://customer-exports/${Q1_KEY}  (signed for eu-west-1)`);
    expect(flat(frame)).toContain('Expires in 24 hours · Sun, Nov 29, 2026, 15:30:00 GMT+5:30 · 2026-11-29T10:00:00Z');
    expect(app.lines()[0]).toBe(` s3share  ›  dev  ›  customer-exports  ›  ${Q1_KEY}`);
  });

  test('c copies exactly the URL and says "Copied"', async () => {
    const clipboard = new FakeClipboard({ ok: true, via: 'OSC 52' });
    const services = world({ clipboard });
    const app = await openResult(services);
    expect(app.lines().join('')).toContain(URL_24H);
    expect(clipboard.copied).toEqual([]);
    await app.press('c');
    await app.waitFor('Copied');
    expect(app.frame()).toContain('Copied (OSC 52).');
    expect(clipboard.copied).toEqual([URL_24H]);
  });

  test('a clipboard failure says "Not copied: <reason>"', async () => {
    const clipboard = new FakeClipboard();
    clipboard.failWith('Clipboard access requires a display server');
    const app = await openResult(world({ clipboard }));
    await app.press('c');
    await app.waitFor('Not copied: Clipboard access requires a display server');
    expect(clipboard.copied).toHaveLength(1);
    expect(app.frame()).not.toContain('Copied (');
  });

  test('n returns to the object list with the cursor where it was; the last expiry is offered again', async () => {
    const services = world();
    const app = await openResult(services, '24');
    await app.press('n');
    let frame = await app.waitFor('2 objects · 1 folder');
    expect(cursorLine(frame)).toMatch(/^ ❯ 📄 2026-q1\.pdf /);
    expect(app.lines()[0]).toBe(' s3share  ›  dev  ›  customer-exports  ›  invoices/2026/');
    await app.press(KEY.up, KEY.enter);
    frame = await app.waitFor('Object   s3://customer-exports/invoices/2026/2026-q1-summary.csv');
    expect(expiryText(frame)).toBe('24');
  });

  test('e returns to the expiry input with the previous text', async () => {
    const services = world();
    const app = await openResult(services, '1.5');
    await app.press('e');
    const frame = await app.waitFor('Expires in (hours):');
    expect(expiryText(frame)).toBe('1.5');
    expect(frame).toContain(`Object   s3://customer-exports/${Q1_KEY}`);
    await submitExpiry(app, '3');
    await app.waitFor('Expires in 3 hours');
    expect(services.s3.presignRequests.map((r) => r.expiresInSeconds)).toEqual([5400, 10_800]);
  });

  test('Esc goes back to the expiry input', async () => {
    const app = await openResult(world(), '24');
    await app.press(KEY.escape);
    const frame = await app.waitFor('Expires in (hours):');
    expect(expiryText(frame)).toBe('24');
  });

  test('q calls onExit with code 0 and the URL, a line of its own', async () => {
    const app = await openResult(world(), '24');
    expect(app.onExit).not.toHaveBeenCalled();
    await app.press('q');
    await expect.poll(() => app.onExit.mock.calls.length, POLL).toBe(1);
    expect(app.onExit).toHaveBeenCalledWith(expect.objectContaining({ code: 0, output: `${URL_24H}\n` }));
    await turns(10);
    expect(app.onExit).toHaveBeenCalledTimes(1);
  });
});

const ARCHIVED: LinkCheck = {
  ok: false,
  scope: 'link',
  status: 403,
  problem: { code: 'archived', message: 'The object is in GLACIER and not restored: the link answers 403.' },
};

/** Signs 2026-q1.pdf for 24 hours as a download (GET) or an upload (PUT) link. */
async function signed(method: 'GET' | 'PUT', services = world(), app?: AppHarness): Promise<AppHarness> {
  const opened = await openExpiry(services, app);
  if (method === 'PUT') {
    await opened.press('\t', '\t');
    await opened.waitFor('● upload (PUT)');
  }
  await submitExpiry(opened, '24');
  await opened.waitFor(`${method} link to`);
  return opened;
}

/**
 * What every result frame keeps, at any size: the breadcrumb and its rule on top, the URL whole
 * from the first column, the key hints whole at the bottom, nothing wider or taller than the
 * terminal.
 */
function expectWholeScreen(app: AppHarness, url: string, columns: number, rows: number): string[] {
  const lines = app.lines();
  expect(lines.length, app.frame()).toBeLessThanOrEqual(rows);
  for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
  expect(lines[0]).toMatch(/^( s3share|…).*2026-q1\.pdf$/);
  expect(lines[1]).toMatch(/^ ─+$/);
  const first = lines.findIndex((line) => line.startsWith('https://'));
  const urlRows = Math.ceil(url.length / columns);
  expect(lines.slice(first, first + urlRows).join(''), app.frame()).toBe(url);
  const footer = lines[lines.length - 1] ?? '';
  expect(lines[lines.length - 2]).toMatch(/^ ─+$/);
  expect(footer).toMatch(/^ {2}c copy {2}.*q (quit|print URL & quit) {2}.*\? help$/);
  expect(footer).not.toContain('…');
  return lines;
}

describe('result screen on a small terminal: the URL and the keys always show', () => {
  const sizes = [
    [60, 16],
    [40, 12],
  ] as const;

  test.each(sizes)('a GET link at %i×%i: URL whole, footer whole; the expiry when it fits', async (columns, rows) => {
    const app = await signed('GET');
    await resize(app, rows, columns);
    const lines = expectWholeScreen(app, URL_24H, columns, rows);
    expect(lines.join('\n')).toContain('Expires in 24 hours');
  });

  test.each(sizes)('a 300-character GET link at %i×%i: the URL before anything else', async (columns, rows) => {
    const services = world({ s3: { urlFor: longUrl } });
    const app = await signed('GET', services);
    const url = longUrl({ bucket: 'customer-exports', key: Q1_KEY, expiresInSeconds: 86_400 });
    await resize(app, rows, columns);
    expectWholeScreen(app, url, columns, rows);
  });

  test.each(sizes)(
    'a PUT link at %i×%i: the curl line gives way to its short form, after the URL',
    async (columns, rows) => {
      const services = world({ s3: { urlFor: longUrl } });
      const app = await signed('PUT', services);
      const url = longUrl({ bucket: 'customer-exports', key: Q1_KEY, expiresInSeconds: 86_400 });
      expect(flat(app.frame())).toContain("curl -T FILE 'https://");
      await resize(app, rows, columns);
      const lines = expectWholeScreen(app, url, columns, rows);
      const frame = lines.join('\n');
      expect(frame).not.toContain("curl -T FILE '");
      if (columns === 60) {
        expect(lines.findIndex((line) => line.includes('Upload with curl -T FILE and the URL'))).toBeGreaterThan(
          lines.findIndex((line) => line.startsWith('https://')),
        );
      }
    },
  );

  test('at 80×24 a PUT link shows everything: title, URL, expiry, proof, then the curl line', async () => {
    const services = world({ s3: { urlFor: longUrl } });
    const app = await signed('PUT', services);
    await resize(app, 24, 80);
    const url = longUrl({ bucket: 'customer-exports', key: Q1_KEY, expiresInSeconds: 86_400 });
    const lines = expectWholeScreen(app, url, 80, 24);
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('PUT link to')).toBeGreaterThan(1);
    expect(at('https://')).toBeGreaterThan(at('PUT link to'));
    expect(at('Expires in 24 hours')).toBeGreaterThan(at('https://'));
    expect(at('upload links are not tested')).toBeGreaterThan(at('Expires in 24 hours'));
    expect(at("curl -T FILE 'https://")).toBeGreaterThan(at('upload links are not tested'));
    expect(lines.slice(at("curl -T FILE '")).join('')).toContain(`curl -T FILE '${url}'`);
  });

  test('the notice of a copy shows at 60×16', async () => {
    const app = await signed('GET', world({ s3: { urlFor: longUrl } }));
    await resize(app, 16, 60);
    await app.press('c');
    await app.waitFor('Copied');
    const url = longUrl({ bucket: 'customer-exports', key: Q1_KEY, expiresInSeconds: 86_400 });
    expectWholeScreen(app, url, 60, 16);
  });

  test.each(sizes)('a link that failed its check keeps its reason at %i×%i', async (columns, rows) => {
    const app = await signed('GET', world({ s3: { checkLink: () => ARCHIVED } }));
    await resize(app, rows, columns);
    const lines = expectWholeScreen(app, URL_24H, columns, rows);
    expect(flat(lines.join('\n'))).toContain('✗ The object is in GLACIER and not restored: the link answers 403.');
  });

  test('a link taller than the room left: the reason it fails, and why the URL is not shown', async () => {
    const services = world({ s3: { urlFor: longUrl, checkLink: () => ARCHIVED } });
    const app = await signed('GET', services);
    await resize(app, 12, 40);
    const lines = app.lines();
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(flat(lines.join('\n'))).toContain('✗ The object is in GLACIER');
    expect(flat(lines.join('\n'))).toContain(
      'does not fit: enlarge the terminal to see it whole, or press c to copy it.',
    );
    expect(lines.some((line) => line.startsWith('https://'))).toBe(false);
    expect(lines[lines.length - 1]).toMatch(/^ {2}c copy {2}q quit {2}\? help$/);
  });
});

describe('q with stdout captured (url=$(s3share-tui))', () => {
  test('the footer and the help say q prints the URL; q gives it to onExit', async () => {
    const services = world();
    const app = await signed('GET', services, renderApp(services, Q1_FOLDER, { stdoutCaptured: true }));
    expect(app.lines().at(-1)).toContain('q print URL & quit');
    await app.press('?');
    const help = await app.waitFor('Keys · result');
    expect(help).toMatch(/^ {2}q +print URL & quit$/m);
    await app.press(KEY.escape);
    await app.waitFor('GET link to');
    await app.press('q');
    await expect.poll(() => app.onExit.mock.calls.length, POLL).toBe(1);
    expect(app.onExit.mock.calls[0]?.[0]).toMatchObject({ code: 0, output: `${URL_24H}\n` });
  });

  test('a link that failed its check: the footer says only quit, and q prints nothing (exit 1, why on stderr)', async () => {
    const services = world({ s3: { checkLink: () => ARCHIVED } });
    const app = await signed('GET', services, renderApp(services, Q1_FOLDER, { stdoutCaptured: true }));
    expect(app.lines().at(-1)).toMatch(/ q quit /);
    await app.press('q');
    await expect.poll(() => app.onExit.mock.calls.length, POLL).toBe(1);
    expect(app.onExit.mock.calls[0]?.[0]).toEqual({
      code: 1,
      message:
        's3share-tui: the link was not printed: The object is in GLACIER and not restored: the link answers 403.',
      location: { profile: 'dev', bucket: 'customer-exports', prefix: 'invoices/2026/' },
    });
    // The terminal keeps the result, reason first.
    expect(app.frame()).toContain('✗ The object is in GLACIER');
  });
});
