/**
 * The list of expiry texts, typed into the expiry screen of the whole app (fake services):
 * a refused text leaves the screen in place with the reason inline, signs nothing and shows no
 * stack trace; an accepted one signs for the right number of seconds. Whatever is typed or pasted,
 * nothing raw that could drive the terminal (control or bidirectional characters) is drawn.
 * (test/e2e/bad-input.test.ts types the same list in a real terminal, against the real server.)
 */
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { expiryText, openExpiry, submitExpiry } from '../support/flows.js';
import { turns } from '../support/ink.js';
import { inTimeZone, world } from '../support/world.js';

inTimeZone();
vi.setConfig({ testTimeout: 20_000 });
afterEach(() => cleanup());

const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const PASTE_DIGITS = '9'.repeat(10_000);
const PASTE_TEXT = 'lorem ipsum '.repeat(834).slice(0, 10_000);

/** `frame` has its colours stripped; `raw` (optional) is the frame as written, where C1 controls would survive. */
function expectNothingRaw(frame: string, raw?: string): void {
  const bad = UNSAFE.exec(frame);
  expect(bad, `a raw ${JSON.stringify(bad?.[0])} on the screen:\n${frame}`).toBeNull();
  if (raw !== undefined) expect(raw, 'no C1 control in what is written').not.toMatch(/[\u0080-\u009f]/);
}

describe('expiry text typed on the expiry screen', () => {
  test.each([
    ['', '', 'Enter how long the link should work'],
    ['a space', ' ', 'Enter how long the link should work'],
    ['0', '0', '“0” is shorter than 1 second'],
    ['-1', '-1', '“-1” is not a duration'],
    ['abc', 'abc', '“abc” is not a duration'],
    ['1e9', '1e9', '“1e9” is not a duration'],
    ['NaN', 'NaN', '“NaN” is not a duration'],
    ['Infinity', 'Infinity', '“Infinity” is not a duration'],
    ['168.01', '168.01', '“168.01” is over the 168-hour (7-day) limit'],
    ['169', '169', '“169” is over the 168-hour (7-day) limit'],
    ['0.0001', '0.0001', '“0.0001” is shorter than 1 second'],
    ['7.5d', '7.5d', '“7.5d” is over the 168-hour (7-day) limit'],
    ['Arabic-Indic digits', '٢٤', 'is not a duration'],
  ])('%s is refused inline; the screen stays, nothing is signed', async (_name, text, message) => {
    const services = world();
    const app = await openExpiry(services);
    await submitExpiry(app, text);
    const frame = await app.waitFor(message);
    await turns(20);
    // Still the expiry screen (a long paste may push the field's label off its line: "…999").
    expect(app.frame()).toContain('Object   s3://customer-exports/invoices/2026/2026-q1.pdf');
    expect(app.frame()).toContain('⏎ sign the link');
    expect(app.frame()).not.toContain('GET link to');
    expect(frame).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(services.s3.presignRequests).toEqual([]);
    expect(app.onExit).not.toHaveBeenCalled();
    // The message fits on the screen: the frame is no taller than the terminal.
    expect(app.lines().length).toBeLessThanOrEqual(24);
    expectNothingRaw(app.frame(), app.lastFrame());
  });

  test.each([
    ['a paste of 10,000 digits', PASTE_DIGITS],
    ['a paste of 10,000 characters of text', PASTE_TEXT],
  ])('%s is refused as a whole with a message; the field keeps what it had, nothing is signed', async (_name, text) => {
    const services = world();
    const app = await openExpiry(services);
    await app.press('5');
    await app.press(text);
    const frame = await app.waitFor('An expiry is at most 1024 characters');
    expect(frame).toMatch(/Expires in \(hours\): 5/);
    expect(services.s3.presignRequests).toEqual([]);
    expect(app.lines().length).toBeLessThanOrEqual(24);
  });

  test.each([
    ['24h', 86_400],
    ['1w', 604_800],
    ['7d', 604_800],
    ['２４', 86_400],
    ['１ｗ', 604_800],
    ['168', 604_800],
  ])('%j signs for %i seconds', async (text, seconds) => {
    const services = world();
    const app = await openExpiry(services);
    await submitExpiry(app, text);
    await app.waitFor('GET link to');
    expect(services.s3.presignRequests.map((r) => r.expiresInSeconds)).toEqual([seconds]);
  });

  test.each([
    ['a bidi override', '24\u202E'],
    ['a C1 control (CSI)', '24\u009b2J'],
    ['a right-to-left mark', '\u200F24'],
  ])('typing %s draws nothing raw, in the input or the hint under it', async (_name, text) => {
    const app = await openExpiry();
    await submitExpiry(app, '');
    await app.waitFor((f) => expiryText(f) === '');
    await app.press(text);
    await turns(20);
    expect(app.frame()).toContain('Expires in (hours):');
    expectNothingRaw(app.frame(), app.lastFrame());
    // And Enter refuses it with the same care.
    await app.press('\r');
    await app.waitFor('is not a duration');
    expectNothingRaw(app.frame(), app.lastFrame());
  });

  test('an OSC 52 sequence arriving as input is a terminal reply, not typing: it is dropped whole', async () => {
    const app = await openExpiry();
    await submitExpiry(app, '');
    await app.waitFor((f) => expiryText(f) === '');
    await app.press('\u001b]52;c;aGk=\u0007');
    await turns(20);
    expect(app.frame()).toContain('Expires in (hours):');
    expect(expiryText(app.frame())).toBe('');
    expectNothingRaw(app.frame(), app.lastFrame());
  });
});
