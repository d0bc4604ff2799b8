/**
 * The whole flow at 80×24 and at 60×16, in a real terminal: profiles → buckets → objects →
 * expiry → result (GET), the upload (PUT) result, and the help over a list and over a result.
 * Every screen keeps its header on top, shows its title, draws no line wider than the terminal
 * (only a URL wraps), and ends with a footer of whole key hints.
 */
import stringWidth from 'string-width';
import { beforeAll, describe, expect, test } from 'vitest';
import { BINDINGS } from '../../src/ui/keys.js';
import { GOOD_PROFILE, cursorOn, openRow, signWithExpiry, twoProfiles, useE2E, waitForResult } from '../support/e2e.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-walk');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['report.csv', 'docs/first.txt']);
});

/** Every hint the key map can put in a footer, as the footer writes it. */
const HINTS = new Set(BINDINGS.map((binding) => `${binding.label} ${binding.does}`));

/**
 * Waits for the screen to show `title`, then checks the frame: the breadcrumb and its rule on the
 * first two rows (nothing scrolled away), every hint of the footer whole and `? help` among them
 * (`esc close` in the help), no line wider than the terminal except a URL's, and with `uncut`,
 * no line cut short.
 */
async function expectWholeScreen(
  session: PtySession,
  title: string | RegExp,
  where: string,
  { uncut = false } = {},
): Promise<string> {
  const screen = await session.waitFor(title);
  const lines = session.lines();
  const what = `${where} at ${session.cols}×${session.rows}:\n${screen}`;
  expect(lines[0], what).toMatch(/^( s3share|…)/);
  expect(lines[1], what).toMatch(/^ ─+$/);
  const last = lines.findLastIndex((line) => line.trim() !== '');
  expect(lines[last - 1], what).toMatch(/^ ─+$/);
  const hints = (lines[last] ?? '').trim().split(/ {2,}/);
  for (const hint of hints) expect(HINTS.has(hint), `"${hint}" is a whole hint; ${what}`).toBe(true);
  expect(hints, what).toContain(title === HELP ? 'esc close' : '? help');
  // Screens of a few lines (expiry, result) cut nothing: no line ends in an ellipsis.
  if (uncut) for (const line of lines.slice(2)) expect(line, what).not.toMatch(/…$/);
  for (const line of session.logicalLines()) {
    if (/^(https?:\/\/|curl -T FILE ')/.test(line)) continue;
    expect(stringWidth(line.trimEnd()), `${JSON.stringify(line)} fits; ${what}`).toBeLessThanOrEqual(session.cols);
  }
  return screen;
}

const HELP = /Keys · \w+/;

/** Types `?`, checks the help, closes it with Esc and waits for `back`. */
async function checkHelp(session: PtySession, owner: string, back: string | RegExp): Promise<void> {
  session.press('?');
  const help = await expectWholeScreen(session, HELP, `help over ${owner}`);
  expect(help).toContain(`Keys · ${owner}`);
  // Each entry: the keys, a gap, what they do (a long label never runs into its text).
  const lines = help.split('\n');
  const entries = lines.slice(
    lines.findIndex((line) => HELP.test(line)) + 1,
    lines.indexOf('  Press any key to close.'),
  );
  expect(entries.length, help).toBeGreaterThan(3);
  for (const entry of entries) expect(entry, help).toMatch(/^ {2}\S+(?: \S+)* {2,}\S/);
  session.press('Esc');
  await session.waitFor((screen) => !HELP.test(screen));
  await session.waitFor(back);
}

describe.each([
  [80, 24],
  [60, 16],
])('at %i×%i', (cols, rows) => {
  test('profiles → buckets → objects → expiry → GET result → PUT result, help on the way: nothing cut', async () => {
    const session = e2e.launch(e2e.home(twoProfiles()), { cols, rows });
    await expectWholeScreen(session, '2 of 2 profiles', 'profiles');

    await openRow(session, GOOD_PROFILE);
    // The test's bucket may be below the fold: every other test's buckets share the server.
    await expectWholeScreen(session, / of [\d,]+ buckets/, 'buckets');

    // The filter line may show only the end of a long name: the cursor on the bucket is enough.
    session.press(bucket);
    await session.waitFor(cursorOn(bucket));
    session.press('Enter');
    await expectWholeScreen(session, /📄 report\.csv/, 'objects');
    await checkHelp(session, 'objects', /📄 report\.csv/);

    await openRow(session, '📄 report.csv');
    await expectWholeScreen(session, '● download', 'expiry', { uncut: true });
    await checkHelp(session, 'expiry', 'Expires in (hours):');

    await signWithExpiry(session, '2');
    const url = await waitForResult(session, e2e.server);
    const get = await expectWholeScreen(session, 'Expires in 2 hours', 'GET result', { uncut: true });
    expect(get).toMatch(/q quit/);
    await checkHelp(session, 'result', 'Expires in 2 hours');

    // The upload link, from the same object: e back to the expiry, Tab to the upload kind.
    session.press('e');
    await session.waitFor('Expires in (hours):');
    session.press('Tab', 'Tab');
    await session.waitFor('● upload (PUT)');
    await expectWholeScreen(session, '⚠ An upload replaces', 'expiry (upload)', { uncut: true });
    await signWithExpiry(session, '3');
    const put = await expectWholeScreen(session, 'Expires in 3 hours', 'PUT result', { uncut: true });
    const putUrl = await waitForResult(session, e2e.server);
    expect(putUrl).not.toBe(url);
    // After the URL, the way to upload: in full when it fits, else in short.
    const curl = put.search(/curl -T FILE/);
    expect(curl, put).toBeGreaterThan(put.indexOf(`${e2e.server.endpoint}/`));

    session.press('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    // The link stays on the terminal, whole; the key hints go.
    expect(session.logicalLines().map((line) => line.trimEnd())).toContain(putUrl);
    expect(session.screen()).not.toMatch(/\? help|ctrl-c quit/);
  });
});
