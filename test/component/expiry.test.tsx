import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { expiryText, openExpiry, Q1_KEY, submitExpiry } from '../support/flows.js';
import { cursorLine, flat, KEY, turns } from '../support/ink.js';
import { inTimeZone, world } from '../support/world.js';

inTimeZone();
// Generous: the machine may be busy with end-to-end runs; waits poll and return early.
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

describe('expiry input', () => {
  test('is prefilled with 1 and shows when the link would stop working (fixed clock)', async () => {
    const app = await openExpiry();
    const frame = app.frame();
    expect(expiryText(frame)).toBe('1');
    expect(app.lines()[0]).toBe(` s3share  ›  dev  ›  customer-exports  ›  ${Q1_KEY}`);
    // The clock says 2026-11-28T10:00:00Z; Asia/Kolkata is UTC+05:30.
    expect(flat(frame)).toMatch(
      /The link would stop working in 1 hour, at Sat, Nov 28, 2026, 16:30:00 GMT\+5:30 \(2026-11-28T11:00:00Z\)\./,
    );
    expect(app.services.s3.presignRequests).toEqual([]);
  });

  test('the prefill is selected: the first character typed replaces it; Backspace erases one character', async () => {
    const app = await openExpiry();
    await app.press('1', '2');
    let frame = await app.waitFor((f) => expiryText(f) === '12');
    expect(flat(frame)).toContain('in 12 hours, at');
    expect(flat(frame)).toContain('(2026-11-28T22:00:00Z).');
    await app.press(KEY.backspace, KEY.backspace, '2', '4');
    frame = await app.waitFor((f) => expiryText(f) === '24');
    expect(flat(frame)).toContain('in 24 hours, at Sun, Nov 29, 2026, 15:30:00 GMT+5:30 (2026-11-29T10:00:00Z).');
  });

  test('typing 24 on a fresh screen gives 24 hours, not 124; readline keys edit the field', async () => {
    const app = await openExpiry();
    await app.press('2', '4');
    const frame = await app.waitFor((f) => expiryText(f) === '24');
    expect(flat(frame)).toContain('in 24 hours');
    // Ctrl-A, then typing inserts at the start; Ctrl-E, Ctrl-W takes the word before the cursor.
    await app.press('\u0001', '1');
    await app.waitFor((f) => expiryText(f) === '124');
    await app.press('\u0005', 'h', '\u0017');
    await app.waitFor((f) => expiryText(f) === '');
    await app.press('90m');
    await app.waitFor((f) => expiryText(f) === '90m');
    // ←, ←, Delete: the character after the cursor goes.
    await app.press('\u001b[D');
    await turns(5);
    await app.press('\u001b[D');
    await turns(5);
    await app.press('\u001b[3~');
    await app.waitFor((f) => expiryText(f) === '9m');
    // Ctrl-U clears from the cursor back to the start, as readline does.
    await app.press('\u0015');
    await app.waitFor((f) => expiryText(f) === 'm');
  });

  test.each([
    ['0', '“0” is shorter than 1 second'],
    ['abc', '“abc” is not a duration'],
    ['169', '“169” is over the 168-hour (7-day) limit of presigned URLs.'],
    ['', 'Enter how long the link should work'],
  ])('%j is refused inline: the screen stays and nothing is signed', async (text, message) => {
    const services = world();
    const app = await openExpiry(services);
    await submitExpiry(app, text);
    const frame = await app.waitFor(message);
    await turns(20);
    expect(app.frame()).toContain('Expires in (hours):');
    expect(expiryText(app.frame())).toBe(text);
    expect(app.frame()).not.toContain('GET link to');
    expect(flat(frame)).not.toContain('The link would stop working');
    expect(services.s3.presignRequests).toEqual([]);
    // The input is still live: a good value then goes through.
    await submitExpiry(app, '2');
    await app.waitFor('GET link to');
    expect(services.s3.presignRequests.map((r) => r.expiresInSeconds)).toEqual([7200]);
  });

  test.each([
    ['1.5', 5400, 'in 1 hour 30 minutes'],
    ['24', 86_400, 'in 24 hours'],
  ])('%s hours is accepted: the result screen shows and presign gets %i seconds', async (text, seconds, relative) => {
    const services = world();
    const app = await openExpiry(services);
    await submitExpiry(app, text);
    const frame = await app.waitFor('GET link to');
    expect(frame).toContain(`Expires ${relative}`);
    expect(services.s3.presignRequests).toMatchObject([
      { bucket: 'customer-exports', key: Q1_KEY, expiresInSeconds: seconds },
    ]);
    expect(services.s3.connections.at(-1)).toMatchObject({ profile: 'dev', region: 'eu-west-1' });
  });

  test('shows "Signing…" while presign is pending; a second Enter does not sign twice', async () => {
    const services = world();
    services.s3.control.hold('presign');
    const app = await openExpiry(services);
    await app.press(KEY.enter);
    await app.waitFor('Signing…');
    const [held] = await services.s3.control.waitForHeld('presign');
    await app.press(KEY.enter);
    await turns(20);
    expect(services.s3.callsOf('presign')).toHaveLength(1);
    held?.release();
    await app.waitFor('GET link to');
    expect(app.frame()).toContain('Expires in 1 hour');
  });

  test('a presign failure is shown on the expiry screen, which stays', async () => {
    const services = world();
    services.s3.control.failNext('presign', 'Could not load credentials from any providers');
    const app = await openExpiry(services);
    await app.press(KEY.enter);
    await app.waitFor('Could not load credentials from any providers');
    expect(app.frame()).toContain('Expires in (hours):');
    expect(app.frame()).not.toContain('Signing…');
    await app.press(KEY.enter);
    await app.waitFor('GET link to');
    expect(services.s3.callsOf('presign')).toHaveLength(2);
  });

  test('a key burst ("\\x7f24\\r", as a paste or a fast link delivers it) acts like slow typing', async () => {
    const services = world();
    const app = await openExpiry(services);
    app.stdin.write('\u007f24\r');
    const frame = await app.waitFor('GET link to');
    expect(frame).toContain('Expires in 24 hours');
    expect(services.s3.presignRequests.map((r) => r.expiresInSeconds)).toEqual([86_400]);
  });

  test('Esc goes back to the object list, cursor where it was', async () => {
    const app = await openExpiry();
    await app.press(KEY.escape);
    const frame = await app.waitFor('2 objects · 1 folder');
    expect(cursorLine(frame)).toMatch(/^ ❯ 📄 2026-q1\.pdf /);
  });
});
