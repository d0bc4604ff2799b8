/**
 * The stdout contract (like fzf): when stdout is captured, the screens go to the terminal, and q
 * on a result writes its URL alone to stdout (on the links screen, every URL, a line each); leaving
 * any other way writes nothing and exits 130. When stdout is the terminal, nothing but the UI
 * appears.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  GOOD_PROFILE,
  openBucket,
  openRow,
  signWithExpiry,
  twoProfiles,
  useE2E,
  waitForResult,
} from '../support/e2e.js';
import { CLI } from '../support/app.js';
import { stripAnsi } from '../support/terminal/ansi.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-stdout');

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['docs/first.txt', 'docs/second.txt']);
});

const ARGS = `--bucket '${bucket}' --prefix docs/`;

/** Picks `name` in docs/, signs it for one hour, returns the URL read off the screen. */
async function share(session: PtySession, name: string): Promise<string> {
  await openRow(session, `📄 ${name}`);
  await signWithExpiry(session, '1');
  return waitForResult(session, e2e.server);
}

/**
 * Runs the app with stdout redirected to a file in the home directory (stderr too, with
 * `stderr`); the shell writes the app's exit code to a file, read by `code()`.
 */
function launchCaptured(home = e2e.home(), args = ARGS, { stderr = false } = {}) {
  const outFile = join(home.path, 'out.txt');
  const errFile = join(home.path, 'err.txt');
  const codeFile = join(home.path, 'code');
  const session = e2e.launchShell(
    home,
    `node '${CLI}' ${args} > '${outFile}'${stderr ? ` 2> '${errFile}'` : ''}; echo $? > '${codeFile}'`,
  );
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const code = async () => {
    await session.waitForExit();
    return read(codeFile).trim();
  };
  return { session, outFile, out: () => read(outFile), err: () => read(errFile), code };
}

describe('stdout captured (url=$(s3share-tui))', () => {
  test('the whole flow is drawn on the terminal, and on q the file holds exactly the URL and a newline', async () => {
    const { session, out, code } = launchCaptured(e2e.home(twoProfiles()), '');
    await session.waitFor('2 of 2 profiles');
    await openRow(session, GOOD_PROFILE);
    await openBucket(session, bucket);
    await openRow(session, '📁 docs/');
    const url = await share(session, 'first.txt');
    // The footer says what q does here; while the app runs, nothing has reached stdout.
    await session.waitFor('q print URL & quit');
    expect(out()).toBe('');
    session.press('q');
    expect(await code()).toBe('0');
    expect(out()).toBe(`${url}\n`);
  });

  test('Esc on the first screen: nothing on stdout, exit 130 (aborted, as fzf)', async () => {
    const { session, out, code } = launchCaptured(e2e.home(twoProfiles()), '');
    await session.waitFor('2 of 2 profiles');
    await session.waitFor('esc quit');
    session.press('Esc');
    expect(await code()).toBe('130');
    expect(out()).toBe('');
  });

  test('walking back from a result to the first screen and leaving there gives nothing either', async () => {
    const { session, out, code } = launchCaptured(e2e.home(twoProfiles()), '');
    await session.waitFor('2 of 2 profiles');
    await openRow(session, GOOD_PROFILE);
    await openBucket(session, bucket);
    await openRow(session, '📁 docs/');
    await share(session, 'first.txt');
    // Back: expiry, folder, bucket root, bucket list (its filter first), profiles; then leave.
    for (let i = 0; i < 12 && !session.screen().includes('esc quit'); i += 1) {
      const before = session.screen();
      session.press('Esc');
      await session.waitFor((screen) => screen !== before);
    }
    await session.waitFor('2 of 2 profiles');
    session.press('Esc');
    expect(await code()).toBe('130');
    expect(out()).toBe('');
  });

  test('q on the links of marked objects writes every URL, one per line, in key order', async () => {
    const { session, out, code } = launchCaptured();
    await session.waitFor('📄 second.txt');
    session.press(' ', ' ');
    await session.waitFor('2 marked');
    session.press('Enter');
    await signWithExpiry(session, '1');
    await session.waitFor('2 links');
    await session.waitFor('q print URLs & quit');
    const urls = session.logicalLines().filter((line) => line.startsWith(`${e2e.server.endpoint}/`));
    expect(urls.map((url) => new URL(url.trimEnd()).pathname)).toEqual([
      `/${bucket}/docs/first.txt`,
      `/${bucket}/docs/second.txt`,
    ]);
    session.press('q');
    expect(await code()).toBe('0');
    expect(out()).toBe(urls.map((url) => `${url.trimEnd()}\n`).join(''));
  });

  test('a link that failed its check is not printed: exit 1, the reason on stderr', async () => {
    const home = e2e.home();
    await createBucket(e2e.admin, `${bucket}-gone`, ['soon-gone.txt']);
    const { session, out, err, code } = launchCaptured(home, `--bucket '${bucket}-gone'`, { stderr: true });
    await session.waitFor('📄 soon-gone.txt');
    await e2e.admin.send(new DeleteObjectCommand({ Bucket: `${bucket}-gone`, Key: 'soon-gone.txt' }));
    await openRow(session, '📄 soon-gone.txt');
    await signWithExpiry(session, '1');
    await session.waitFor('✗', 15_000);
    // The footer does not promise a URL.
    await session.waitFor(/ q quit /);
    expect(session.screen()).not.toContain('print URL');
    session.press('q');
    expect(await code()).toBe('1');
    expect(out()).toBe('');
    expect(err()).toMatch(/^s3share-tui: the link was not printed: .+\n$/);
  });

  test('q writes the URL of the result it is pressed on (after n and another object)', async () => {
    const { session, outFile } = launchCaptured();
    const first = await share(session, 'first.txt');
    session.press('n');
    await session.waitFor(`›  ${bucket}  ›  docs/`);
    const second = await share(session, 'second.txt');
    expect(second).not.toBe(first);
    session.press('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    expect(readFileSync(outFile, 'utf8')).toBe(`${second}\n`);
  });

  test('with stderr redirected too, the screens use the terminal and stderr stays empty', async () => {
    const home = e2e.home();
    const outFile = join(home.path, 'out.txt');
    const errFile = join(home.path, 'err.txt');
    const session = e2e.launchShell(home, `node '${CLI}' ${ARGS} > '${outFile}' 2> '${errFile}'`);
    const url = await share(session, 'first.txt');
    session.press('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    expect(readFileSync(outFile, 'utf8')).toBe(`${url}\n`);
    // The cursor was hidden on the terminal, and is shown there again.
    const tty = session.raw;
    expect(tty.slice(tty.lastIndexOf('\x1b[?2026l'))).toContain('\x1b[?25h');
    // Nothing, not even an escape sequence, lands in the error log.
    expect(JSON.stringify(readFileSync(errFile, 'utf8'))).toBe('""');
  });

  test('Ctrl-C on a result writes nothing to stdout: exit 130', async () => {
    const { session, out, code } = launchCaptured();
    await share(session, 'first.txt');
    session.press('CtrlC');
    expect(await code()).toBe('130');
    expect(out()).toBe('');
  });
});

describe('stdout is the terminal', () => {
  test('nothing but the UI is printed: no second copy of the URL, no warnings', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'docs/'] });
    const url = await share(session, 'first.txt');
    // q prints nothing here, and the footer says only quit.
    expect(session.screen()).toMatch(/ q quit /);
    session.press('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });

    const text = stripAnsi(session.raw);
    expect(text).not.toMatch(/Warning|\(node:\d+\)|NodeVersionSupport|Error/);
    // The final frame leaves the link on the terminal, once.
    const onScreen = session.logicalLines().filter((line) => line.includes(url));
    expect(onScreen).toEqual([url]);
    // After the last frame only terminal housekeeping (showing the cursor) follows: no text.
    const end = session.raw.lastIndexOf('\x1b[?2026l');
    expect(end).toBeGreaterThan(-1);
    expect(stripAnsi(session.raw.slice(end)).trim()).toBe('');
  });
});
