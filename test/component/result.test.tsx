import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PresignRequest } from '../../src/core/ports.js';
import { FakeClipboard } from '../support/fakes.js';
import { expiryText, openResult, Q1_KEY, submitExpiry } from '../support/flows.js';
import { cursorLine, flat, KEY, TERMINAL, turns, POLL } from '../support/ink.js';
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

  test('q calls onExit with code 0 and the URL', async () => {
    const app = await openResult(world(), '24');
    expect(app.onExit).not.toHaveBeenCalled();
    await app.press('q');
    await expect.poll(() => app.onExit.mock.calls.length, POLL).toBe(1);
    expect(app.onExit).toHaveBeenCalledWith(expect.objectContaining({ code: 0, url: URL_24H }));
    await turns(10);
    expect(app.onExit).toHaveBeenCalledTimes(1);
  });
});
