/**
 * Faults, in a real terminal: the app reaches the local S3 server through a fault-injecting proxy
 * (test/support/fault-proxy.ts) whose address is the profile's `endpoint_url`. The proxy refuses
 * connections, never answers, answers 500 / 503 SlowDown, or fails only a later page of a listing;
 * the screen must say so (naming the endpoint), offer `r` to retry, and let Esc go back. Then:
 * resizing on every screen down to 40×12, and Ctrl-C while a request is pending on every screen.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { homeWithProfiles, type ProfileSpec, type TempHome } from '../support/aws-home.js';
import {
  BAD_PROFILE,
  cursorOn,
  cursorRow,
  GOOD_PROFILE,
  literal,
  openBucket,
  openRow,
  signWithExpiry,
  useE2E,
  waitForResult,
} from '../support/e2e.js';
import { FaultProxy, INTERNAL_ERROR, is, SLOW_DOWN } from '../support/fault-proxy.js';
import { CLI } from '../support/app.js';
import { stripAnsi } from '../support/terminal/ansi.js';
import type { PtySession } from '../support/terminal/pty-session.js';
import { createBucket, numberedKeys, uniqueBucket, type S3Server } from '../support/s3-fixture.js';

const e2e = useE2E();
const bucket = uniqueBucket('e2e-faults');
const MANY = numberedKeys('many/', 1_100); // a first page of 100 (a 30-row terminal) and a second of 1,000
let proxy: FaultProxy;
const homes: TempHome[] = [];
const dirs: string[] = [];
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['report.csv', 'docs/readme.txt', ...MANY]);
  proxy = await FaultProxy.start(e2e.server.endpoint);
}, 120_000);

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  await proxy.passThrough();
  proxy.releaseHung();
  proxy.resetCounts();
  for (const home of homes.splice(0)) home.remove();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await proxy?.close();
});

/** The server as the app sees it: at the proxy's address. */
function proxied(): S3Server {
  return { ...e2e.server, endpoint: proxy.url };
}

/** A home whose profiles reach the server through the proxy (removed after the test). */
function home(profiles: readonly ProfileSpec[] = [{ name: GOOD_PROFILE }]): TempHome {
  const made = homeWithProfiles(proxied(), profiles);
  homes.push(made);
  return made;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 's3share-faults-'));
  dirs.push(dir);
  return dir;
}

const SYNC_END = '\x1b[?2026l';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/** No stack trace, no SDK warning, no Node warning in what the app wrote to the terminal. */
function expectNoNoise(session: PtySession): void {
  const text = stripAnsi(session.raw);
  expect(text, 'no stack frames').not.toMatch(/^\s*at .+:\d+:\d+\)?\s*$/m);
  expect(text, 'no SDK or Node warnings').not.toMatch(/\[WARN\]|requestTimeout|Warning:|node:internal|Unhandled/);
}

/** The header is drawn once: no second frame (or a warning) pushed the screen out of place. */
function expectOneFrame(session: PtySession): void {
  const screen = session.screen();
  expect(screen.match(/^ s3share\b/gm), `one header:\n${screen}`).toHaveLength(1);
  expect(session.lines()[0], `the header on the first row:\n${screen}`).toMatch(/^ s3share\b/);
}

/** The error line of a screen that names `endpoint`, within `ms`. */
async function errorNaming(session: PtySession, endpoint: string, pattern: RegExp, ms: number): Promise<string> {
  return session.waitFor((screen) => screen.includes(endpoint) && pattern.test(screen), ms);
}

const BUCKET_LIST = / \d+ of [\d,]+ buckets/;

describe('the endpoint refuses connections', () => {
  test('bucket list: within 5 s an error names the endpoint and offers r; r works once the endpoint is back', async () => {
    await proxy.refuse();
    const started = Date.now();
    const session = e2e.launch(home());
    const screen = await errorNaming(session, proxy.url, /refused/, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(screen).toContain(`Cannot connect to ${proxy.url}`);
    expect(screen).toMatch(/\br retry\b/);
    expectOneFrame(session);

    await proxy.accept();
    session.press('r');
    await session.waitFor(BUCKET_LIST);
    expect(session.screen()).toMatch(new RegExp(`^ [ ❯] ${literal(bucket)}\\s`, 'm'));
    expectNoNoise(session);
  });

  test('bucket list: Esc on the error goes back to the profile list, and the app carries on', async () => {
    await proxy.refuse();
    const session = e2e.launch(home());
    await errorNaming(session, proxy.url, /refused/, 5_000);
    session.press('Esc');
    await session.waitFor('1 of 1 profiles');
    expect(session.exited).toBeUndefined();
    await proxy.accept();
    session.press('Enter');
    await session.waitFor(BUCKET_LIST);
  });

  test('object list (--bucket): the error names the endpoint; Esc goes back to the bucket list', async () => {
    await proxy.refuse();
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    const screen = await errorNaming(session, proxy.url, /refused/, 5_000);
    expect(screen).toContain(`›  ${bucket}`);
    expect(screen).toMatch(/\br retry\b/);
    session.press('Esc');
    // The bucket list below is loaded when revealed: refused too, and said so.
    await session.waitFor((s) => !s.includes(`›  ${bucket}`) && s.includes(`Cannot connect to ${proxy.url}`), 5_000);
    await proxy.accept();
    session.press('r');
    await session.waitFor(BUCKET_LIST);
    await openBucket(session, bucket);
    await session.waitFor('📄 report.csv');
  });
});

describe('the endpoint accepts but never answers', () => {
  test('--timeout 2, bucket list: "no answer" naming the endpoint after about 2 s; r retries; Esc goes back', async () => {
    proxy.hang();
    const started = Date.now();
    const session = e2e.launch(home(), { args: ['--timeout', '2'] });
    await session.waitFor('Listing buckets…');
    const screen = await errorNaming(session, proxy.url, /no answer|timed? ?out/i, 10_000);
    const elapsed = Date.now() - started;
    expect(elapsed, 'not before the timeout').toBeGreaterThanOrEqual(1_800);
    expect(elapsed, 'about the timeout, not three attempts of it').toBeLessThan(7_500);
    expect(screen).toMatch(/\br retry\b/);
    expectOneFrame(session);
    expectNoNoise(session);

    proxy.clear();
    session.press('r');
    await session.waitFor(BUCKET_LIST);
    session.press('Esc');
    await session.waitFor('1 of 1 profiles');
  });

  test('--timeout 2, object list: the same, and Esc goes back while the error shows', async () => {
    proxy.hang(is.operation('ListObjectsV2'));
    const session = e2e.launch(home(), { args: ['--timeout', '2', '--bucket', bucket] });
    await errorNaming(session, proxy.url, /no answer|timed? ?out/i, 10_000);
    session.press('Esc');
    await session.waitFor(BUCKET_LIST);
  });

  test('while a request hangs past the timeout, nothing but the app draws on the screen (no SDK warning)', async () => {
    proxy.hang();
    const session = e2e.launch(home(), { args: ['--timeout', '1'] });
    await session.waitFor(`s3share  ›  ${GOOD_PROFILE}`);
    // Past the 1 s timeout, whatever the app then shows.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await session.settled();
    expectNoNoise(session);
    expectOneFrame(session);
  });
});

describe('500 and 503 SlowDown', () => {
  test('503 SlowDown on the object list: after 3 attempts the screen says what the server said; r retries', async () => {
    proxy.fail(SLOW_DOWN, is.operation('ListObjectsV2'));
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    const screen = await session.waitFor('Please reduce your request rate.', 15_000);
    expect(screen).toContain('SlowDown');
    expect(screen).toMatch(/\br retry\b/);
    expect(proxy.count(is.operation('ListObjectsV2'))).toBe(3);
    proxy.clear();
    session.press('r');
    await session.waitFor('📄 report.csv');
    expect(proxy.requests.filter(is.operation('ListObjectsV2')).map((r) => r.outcome)).toEqual([
      'status 503',
      'status 503',
      'status 503',
      'passed',
    ]);
  });

  test('500 InternalError on the bucket list: after 3 attempts, the server’s words; r retries', async () => {
    proxy.fail(INTERNAL_ERROR, is.operation('ListBuckets'));
    const session = e2e.launch(home());
    const screen = await session.waitFor('We encountered an internal error. Please try again.', 15_000);
    expect(screen).toContain('InternalError');
    expect(screen).toMatch(/\br retry\b/);
    expect(proxy.count(is.operation('ListBuckets'))).toBe(3);
    proxy.clear();
    session.press('r');
    await session.waitFor(BUCKET_LIST);
  });
});

describe('a later page of a listing fails', () => {
  /** The line above the list: the filter on the left, the status on the right. */
  function statusLine(session: PtySession): string {
    return session.lines().find((line) => / objects? · /.test(line)) ?? '';
  }

  test('the rows already shown stay, the status line shows the failure with r retry, and r loads the rest', async () => {
    const session = e2e.launch(home(), { args: ['--bucket', bucket, '--prefix', 'many/'] });
    await session.waitFor('📄 00000.log');
    await session.waitFor(/100 objects · 0 folders loaded · more ↓/);
    proxy.fail(INTERNAL_ERROR, is.laterListPage);

    // End: the last row loaded, near the end of what is loaded: the next page is asked for.
    session.press('End');
    await session.waitFor(cursorOn('📄 00099.log'));
    const screen = await session.waitFor(() => /InternalError/.test(statusLine(session)), 15_000);
    expect(proxy.count(is.laterListPage)).toBe(3);
    const status = statusLine(session);
    expect(status, `the status line:\n${screen}`).toMatch(/(^|\s)100 objects/);
    // (Soft: the rest of the test still shows whether r works when the hint is not on screen.)
    const footer =
      session
        .lines()
        .filter((line) => line.trim() !== '')
        .at(-1) ?? '';
    expect.soft(footer, `the footer offers the retry:\n${screen}`).toMatch(/r retry/);
    // The rows stay on the screen, the cursor where it was.
    expect(cursorRow(session)).toContain('📄 00099.log');
    expect(screen).toContain('📄 00098.log');
    expect(screen).toContain('📄 00090.log');
    expectOneFrame(session);

    proxy.clear();
    session.press('r');
    await session.waitFor(/1,100 objects · 0 folders\s*$/m, 15_000);
    session.press('End');
    await session.waitFor(cursorOn('📄 01099.log'));
  });
});

// ── resizing ─────────────────────────────────────────────────────────────────

/** The rule under the header and above the footer, at `cols` columns. */
const rule = (cols: number) => ` ${'─'.repeat(cols - 2)}`;
const RULE_LIKE = /^\s*─{3,}\s*$/;

/**
 * What keeps the screen from being one tidy frame at the terminal's size, after waiting up to
 * `ms` for it to become one: the header on the first row with its rule under it, exactly two
 * rules (both of the current width: none left over from an older frame), key hints under the
 * second and nothing below them, one header, a list cursor (if any) in its column.
 */
async function untidy(session: PtySession, ms = 3_000): Promise<string[]> {
  const { cols } = session;
  const problems = (): string[] => {
    const lines = session.lines();
    const found: string[] = [];
    const rules = lines.map((line, i) => [line, i] as const).filter(([line]) => RULE_LIKE.test(line));
    if (rules.length !== 2) found.push(`${rules.length} rules instead of 2`);
    for (const [line, i] of rules)
      if (line !== rule(cols)) found.push(`row ${i}: a rule ${line.trim().length} wide, not ${cols - 2}`);
    if (!/^ s3share|^…/.test(lines[0] ?? '')) found.push('the header is not on the first row');
    else if (lines[1] !== rule(cols)) found.push('no rule under the header');
    if (lines.filter((line) => /^ s3share( {2}›|$)/.test(line)).length > 1) found.push('more than one header');
    const footerAt = rules[1]?.[1];
    if (footerAt === undefined || !/^ {2}\S/.test(lines[footerAt + 1] ?? ''))
      found.push('no key hints under the second rule');
    else if (lines.slice(footerAt + 2).some((line) => line.trim() !== '')) found.push('text below the key hints');
    const cursor = lines.find((line) => line.includes('❯'));
    if (cursor !== undefined && !/^ ❯ \S/.test(cursor))
      found.push(`the cursor row is out of shape: ${JSON.stringify(cursor)}`);
    return found;
  };
  try {
    await session.waitFor(() => problems().length === 0, ms);
  } catch {
    await session.settled();
  }
  return problems();
}

function framed(session: PtySession): string {
  return session
    .lines()
    .map((line) => `│${line}`)
    .join('\n');
}

/** Below the minimum: the "too small" message alone, nothing left of the frame before. */
async function tooSmallAlone(session: PtySession, ms = 3_000): Promise<boolean> {
  const message = `Terminal too small (${session.cols}×${session.rows})`;
  // The message wraps at the terminal's width; nothing else is on the screen.
  const alone = () => {
    const shown = session.lines().filter((line) => line.trim() !== '');
    const text = shown.map((line) => line.trim()).join(' ');
    return text.startsWith(message) && text.endsWith('press q to quit.');
  };
  try {
    await session.waitFor(alone, ms);
    return true;
  } catch {
    return alone();
  }
}

/**
 * 40×12 (the minimum), below it both ways, back to 40×12, then the original 100×30; at each size
 * the screen must be one tidy frame still showing `content` (or the "too small" message alone).
 * Soft checks: one test reports every size that goes wrong.
 */
async function resizeDance(session: PtySession, what: string, content: (screen: string) => boolean): Promise<void> {
  const check = async (cols: number, rows: number) => {
    session.resize(cols, rows);
    const problems = await untidy(session);
    expect.soft(problems, `${what} at ${cols}×${rows} is not one tidy frame:\n${framed(session)}`).toEqual([]);
    expect
      .soft(content(session.screen()), `${what} at ${cols}×${rows} still shows its content:\n${framed(session)}`)
      .toBe(true);
  };
  const tooSmall = async (cols: number, rows: number) => {
    session.resize(cols, rows);
    expect
      .soft(await tooSmallAlone(session), `${what} at ${cols}×${rows}: "Terminal too small" alone:\n${framed(session)}`)
      .toBe(true);
  };
  await check(40, 12);
  await tooSmall(39, 12);
  await tooSmall(40, 11);
  await check(40, 12);
  await check(100, 30);
  expect(session.exited, `${what}: still running after the resizes`).toBeUndefined();
  expectNoNoise(session);
}

describe('resizing down to 40×12 on every screen', () => {
  /** A direct connection (no faults needed): profiles from the real server's address. */
  const twoGoodProfiles = (): ProfileSpec[] => [{ name: BAD_PROFILE }, { name: GOOD_PROFILE }];

  test('the profile list', async () => {
    const session = e2e.launch(home(twoGoodProfiles()));
    await session.waitFor('2 of 2 profiles');
    await resizeDance(session, 'the profile list', (s) => s.includes(BAD_PROFILE) && s.includes(GOOD_PROFILE));
  });

  test('the bucket list', async () => {
    const session = e2e.launch(home());
    await session.waitFor(BUCKET_LIST);
    await resizeDance(session, 'the bucket list', (s) => / of [\d,]+ buckets/.test(s));
  });

  test('the bucket list showing an error (endpoint refused)', async () => {
    await proxy.refuse();
    const session = e2e.launch(home());
    await session.waitFor('Cannot connect to');
    await resizeDance(session, 'the error', (s) => s.includes('Cannot connect'));
  });

  test('the object list', async () => {
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    await session.waitFor('📄 report.csv');
    // (At 40 columns a name may be shortened in the middle: "r…csv".)
    await resizeDance(session, 'the object list', (s) => s.includes('📁 docs/') && /📄 r\S*csv/.test(s));
  });

  test('the expiry screen', async () => {
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    await openRow(session, '📄 report.csv');
    await session.waitFor('Expires in (hours): 1');
    await resizeDance(session, 'the expiry screen', (s) => s.includes('Expires in (hours): 1'));
  });

  test('the result screen', async () => {
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    await openRow(session, '📄 report.csv');
    await signWithExpiry(session, '2');
    const url = await waitForResult(session, proxied());
    // Whole, or not at all: where the URL cannot fit, the screen says so instead of showing part of it.
    await resizeDance(
      session,
      'the result screen',
      (s) =>
        session.logicalLines().some((line) => line.trimEnd() === url) ||
        /does not fit: enlarge the terminal/.test(s.replace(/\n│?\s*/g, ' ')),
    );
  });

  test('the QR code view of the result', async () => {
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    await openRow(session, '📄 report.csv');
    await signWithExpiry(session, '2');
    await waitForResult(session, proxied());
    session.press('r');
    // The code, or (where it cannot fit) the size it needs.
    const qr = (s: string) => /QR code needs \d+×\d+/.test(s.replace(/\s+/g, ' ')) || /[█▀▄]{10}/.test(s);
    await session.waitFor(qr);
    await resizeDance(session, 'the QR code view', qr);
  });

  test('the help over the object list', async () => {
    const session = e2e.launch(home(), { args: ['--bucket', bucket] });
    await session.waitFor('📄 report.csv');
    session.press('?');
    await session.waitFor('Press any key to close.');
    await resizeDance(session, 'the help', (s) => s.includes('Press any key to close.'));
  });
});

// ── Ctrl-C while a request is pending ────────────────────────────────────────

interface Pending {
  /** Makes the request hang: a proxy rule, a file, a program. */
  fault(dir: string): void;
  /** The config file's text (default: the good profile, through the proxy). */
  config?(dir: string): string;
  args?: readonly string[];
  env?(dir: string): Record<string, string>;
  /** Brings the app to the screen where the request is pending. */
  reach(session: PtySession, dir: string): Promise<void>;
}

const PENDING: Array<[string, Pending]> = [
  [
    'the bucket list (ListBuckets unanswered)',
    {
      fault: () => proxy.hang(),
      reach: async (session) => {
        await session.waitFor('Listing buckets…');
      },
    },
  ],
  [
    'the object list (the first page unanswered)',
    {
      fault: () => proxy.hang(),
      args: ['--bucket', bucket],
      reach: async (session) => {
        await session.waitFor('Listing objects…');
      },
    },
  ],
  [
    'the object list (a later page unanswered)',
    {
      fault: () => proxy.hang(is.laterListPage),
      args: ['--bucket', bucket, '--prefix', 'many/'],
      reach: async (session) => {
        await session.waitFor('📄 00000.log');
        session.press('End');
        await session.waitFor('to the end… 100 loaded');
      },
    },
  ],
  [
    'the help, over a bucket list being loaded',
    {
      fault: () => proxy.hang(),
      reach: async (session) => {
        await session.waitFor('Listing buckets…');
        session.press('?');
        await session.waitFor('Press any key to close.');
      },
    },
  ],
  [
    'the expiry screen (signing, with credential_process not answering)',
    {
      // Armed on the expiry screen: the listing before it needs the credentials.
      fault: () => {},
      config: (dir) => credentialProcessConfig(dir),
      args: ['--bucket', bucket, '--prefix', 'docs/'],
      reach: async (session, dir) => {
        await openRow(session, '📄 readme.txt');
        await session.waitFor('Expires in (hours): 1');
        writeFileSync(join(dir, 'hang'), '');
        session.press('Enter');
        await session.waitFor('Signing…');
      },
    },
  ],
  [
    'the result screen (copying, with the clipboard tool not answering)',
    {
      fault: (dir) => hangingXsel(dir),
      args: ['--bucket', bucket, '--prefix', 'docs/'],
      env: (dir) => ({ PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` }),
      reach: async (session) => {
        await openRow(session, '📄 readme.txt');
        await signWithExpiry(session, '1');
        await waitForResult(session, proxied());
        session.press('c');
        await session.waitFor('Copying…');
      },
    },
  ],
];

/** A config whose profile gets its keys from a credential_process that hangs once `DIR/hang` exists. */
function credentialProcessConfig(dir: string): string {
  const script = join(dir, 'creds.mjs');
  writeFileSync(
    script,
    [
      "import { existsSync } from 'node:fs';",
      `if (existsSync(${JSON.stringify(join(dir, 'hang'))})) setTimeout(() => {}, 120_000);`,
      `else console.log(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(e2e.server.accessKeyId)}, SecretAccessKey: ${JSON.stringify(e2e.server.secretAccessKey)} }));`,
      '',
    ].join('\n'),
  );
  return `[profile ${GOOD_PROFILE}]\nregion = ${e2e.server.region}\nendpoint_url = ${proxy.url}\ncredential_process = ${process.execPath} ${script}\n`;
}

describe('Ctrl-C while a request is pending', () => {
  test.each(PENDING)('on %s: exit code 130, cursor shown, terminal modes restored', async (_name, pending) => {
    const dir = tempDir();
    pending.fault(dir);
    const made = home();
    if (pending.config) {
      writeFileSync(made.configPath, pending.config(dir));
      writeFileSync(made.credentialsPath, '');
    }
    const args = (pending.args ?? []).map((arg) => `'${arg}'`).join(' ');
    const session = e2e.launchShell(
      made,
      `stty -g > "$HOME/stty.before"; node '${CLI}' ${args}; echo $? > "$HOME/code"; stty -g > "$HOME/stty.after"`,
      { env: pending.env?.(dir) ?? {} },
    );
    // What the app started and left running (the hung clipboard tool or credential process) goes too.
    cleanups.push(() => {
      try {
        process.kill(-session.pid, 'SIGKILL');
      } catch {
        // nothing left
      }
    });
    await pending.reach(session, dir);

    session.press('CtrlC');
    const pressed = Date.now();
    expect(await session.waitForExit(5_000)).toEqual({ exitCode: 0 });
    expect(Date.now() - pressed, 'exits at once, not when the request ends').toBeLessThan(3_000);
    expect(readFileSync(join(made.path, 'code'), 'utf8').trim()).toBe('130');
    expect(readFileSync(join(made.path, 'stty.after'), 'utf8'), 'raw mode off, echo back on').toBe(
      readFileSync(join(made.path, 'stty.before'), 'utf8'),
    );
    const { raw } = session;
    const lastFrameEnd = Math.max(raw.lastIndexOf(SYNC_END), raw.lastIndexOf(HIDE_CURSOR));
    expect(raw.slice(lastFrameEnd), 'the cursor is shown again after the last frame').toContain(SHOW_CURSOR);
    expect(raw.lastIndexOf(SHOW_CURSOR)).toBeGreaterThan(raw.lastIndexOf(HIDE_CURSOR));
    expectNoNoise(session);
  });
});

/** DIR/bin/xsel, first on PATH: a clipboard tool that reads its input and then never exits. */
function hangingXsel(dir: string): void {
  mkdirSync(join(dir, 'bin'));
  const xsel = join(dir, 'bin', 'xsel');
  writeFileSync(xsel, '#!/bin/sh\ncat > /dev/null\nexec sleep 120\n');
  chmodSync(xsel, 0o755);
}
