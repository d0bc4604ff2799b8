/**
 * The stdout contract (like fzf): when stdout is captured, the screens go to the terminal and the
 * last URL alone goes to stdout on exit; when stdout is the terminal, nothing but the UI appears.
 */
import { existsSync, readFileSync } from 'node:fs';
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

/** Runs the app with stdout redirected to a file in the home directory. */
function launchCaptured(home = e2e.home(), args = ARGS) {
  const outFile = join(home.path, 'out.txt');
  const session = e2e.launchShell(home, `node '${CLI}' ${args} > '${outFile}'`);
  return { session, outFile };
}

describe('stdout captured (url=$(s3share-tui))', () => {
  test('the whole flow is drawn on the terminal, and on q the file holds exactly the URL and a newline', async () => {
    const { session, outFile } = launchCaptured(e2e.home(twoProfiles()), '');
    await session.waitFor('2 of 2 profiles');
    await openRow(session, GOOD_PROFILE);
    await openBucket(session, bucket);
    await openRow(session, '📁 docs/');
    const url = await share(session, 'first.txt');
    // While the app runs, nothing has reached stdout.
    expect(readFileSync(outFile, 'utf8')).toBe('');
    session.press('q');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    expect(readFileSync(outFile, 'utf8')).toBe(`${url}\n`);
  });

  test('it is the last URL shown that is written (after n and another object)', async () => {
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

  test('Ctrl-C writes nothing to stdout', async () => {
    const home = e2e.home();
    const outFile = join(home.path, 'out.txt');
    const session = e2e.launchShell(
      home,
      `node '${CLI}' ${ARGS} > '${outFile}'; echo $? > '${join(home.path, 'code')}'`,
    );
    await share(session, 'first.txt');
    session.press('CtrlC');
    await session.waitForExit();
    expect(readFileSync(join(home.path, 'code'), 'utf8').trim()).toBe('130');
    expect(existsSync(outFile) && readFileSync(outFile, 'utf8')).toBe('');
  });
});

describe('stdout is the terminal', () => {
  test('nothing but the UI is printed: no second copy of the URL, no warnings', async () => {
    const session = e2e.launch(e2e.home(), { args: ['--bucket', bucket, '--prefix', 'docs/'] });
    const url = await share(session, 'first.txt');
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
