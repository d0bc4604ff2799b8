/**
 * Hostile input where the terminal is involved, in a real pty: escape sequences in regions from a
 * server and from a config file never reach the terminal; a paste of 100 KB into a filter does not
 * freeze the app; a crash, an unhandled rejection or process.exit restore the terminal; helper
 * processes carry no credentials in their environment.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openRow, signWithExpiry, useE2E, waitForResult } from '../support/e2e.js';
import { EVIL, HostileServer, xml } from '../support/hostile-server.js';
import { CLI } from '../support/app.js';
import { createBucket, uniqueBucket } from '../support/s3-fixture.js';

const run = promisify(execFile);
const e2e = useE2E();
const bucket = uniqueBucket('e2e-hostile');
let server: HostileServer;

beforeAll(async () => {
  await createBucket(e2e.admin, bucket, ['file.txt']);
  server = await HostileServer.start((request, res) => {
    if (request.method === 'HEAD') {
      res.writeHead(200, { 'x-amz-bucket-region': 'us-east-1' });
      res.end();
      return;
    }
    xml(
      res,
      200,
      `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets>` +
        `<Bucket><Name>evil-bucket</Name><BucketRegion>us-east-1${EVIL}</BucketRegion></Bucket>` +
        `<Bucket><Name>good-bucket</Name><BucketRegion>eu-west-2</BucketRegion></Bucket>` +
        `</Buckets></ListAllMyBucketsResult>`,
    );
  });
});

afterAll(async () => {
  await server?.close();
});

/** An OSC (clipboard, title) or any escape the app did not draw itself. */
const INJECTED = /\x1b\]52|\x1b\]0;owned/;

function homeWith(config: string) {
  const home = e2e.emptyHome();
  mkdirSync(join(home.path, '.aws'), { mode: 0o700 });
  writeFileSync(home.configPath, config);
  writeFileSync(home.credentialsPath, '[p]\naws_access_key_id = AKID\naws_secret_access_key = secret\n');
  return home;
}

describe('escape sequences in regions', () => {
  test('a ListBuckets BucketRegion holding OSC 52 and a title never reaches the terminal', async () => {
    const home = homeWith(`[profile p]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n`);
    const session = e2e.launch(home, { args: ['--profile', 'p'] });
    await session.waitFor(/good-bucket\s+eu-west-2/);
    await session.waitFor('evil-bucket');
    expect(session.raw).not.toMatch(INJECTED);
  });

  test('a config region holding OSC 52 is refused with a line saying so, and never drawn raw', async () => {
    const home = homeWith(
      `[profile p]\nregion = us${EVIL}\nendpoint_url = ${server.endpoint}\n[profile q]\nregion = eu-west-1\n`,
    );
    const session = e2e.launch(home);
    await session.waitFor('2 of 2 profiles');
    await session.waitFor(/profile “p”: region “us\\e\]52;c;aGk=\\x07.*is not a region name/);
    expect(session.raw).not.toMatch(INJECTED);
  });
});

describe('a huge paste', () => {
  test('100 KB pasted into the profile filter is refused at once, and Ctrl-C still quits at once', async () => {
    const home = homeWith(
      `[profile p]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n[profile q]\nregion = eu-west-1\n`,
    );
    const session = e2e.launch(home);
    await session.waitFor('2 of 2 profiles');
    session.write(`${'x'.repeat(100 * 1024 - 3)}end`);
    // Longer than any key: the filter refuses it (as the terminal hands it over, in pieces), and says why.
    await session.waitFor('A filter is at most 1024 characters', 5000);
    const asked = Date.now();
    session.press('CtrlC');
    expect(await session.waitForExit()).toEqual({ exitCode: 130 });
    expect(Date.now() - asked).toBeLessThan(2000);
  });
});

describe('fatal paths restore the terminal', () => {
  const preloadDir = mkdtempSync(join(tmpdir(), 's3share-fault-'));
  const preload = join(preloadDir, 'fault.mjs');
  // Injected into the built app through NODE_OPTIONS: on SIGUSR2, fail the way FAULT says.
  writeFileSync(
    preload,
    `import { writeFileSync } from 'node:fs';
writeFileSync(process.env.HOME + '/app.pid', String(process.pid));
process.on('SIGUSR2', () => setImmediate(() => {
  if (process.env.FAULT === 'exit') process.exit(7);
  if (process.env.FAULT === 'reject') Promise.reject(new Error('injected rejection'));
  else throw new Error('injected fault');
}));
`,
  );

  test.each([
    ['an uncaught exception', 'throw', 1, 's3share-tui: injected fault'],
    ['an unhandled rejection', 'reject', 1, 's3share-tui: injected rejection'],
    ['process.exit from anywhere', 'exit', 7, undefined],
  ] as const)('%s: raw mode off, cursor shown, one line and no stack trace', async (_name, fault, code, line) => {
    const home = homeWith(
      `[profile p]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n[profile q]\nregion = eu-west-1\n`,
    );
    const session = e2e.launchShell(
      home,
      `stty -g > "$HOME/stty.before"; node '${CLI}'; echo $? > "$HOME/code"; stty -g > "$HOME/stty.after"`,
      { env: { NODE_OPTIONS: `--import=${preload}`, FAULT: fault } },
    );
    await session.waitFor('2 of 2 profiles');
    const pid = Number(readFileSync(join(home.path, 'app.pid'), 'utf8'));
    process.kill(pid, 'SIGUSR2');
    expect(await session.waitForExit()).toEqual({ exitCode: 0 });
    expect(readFileSync(join(home.path, 'code'), 'utf8').trim()).toBe(String(code));
    expect(readFileSync(join(home.path, 'stty.after'), 'utf8')).toBe(
      readFileSync(join(home.path, 'stty.before'), 'utf8'),
    );
    const { raw } = session;
    expect(raw.lastIndexOf('\x1b[?25h')).toBeGreaterThan(raw.lastIndexOf('\x1b[?25l'));
    if (line) expect(session.screen()).toContain(line);
    expect(session.screen()).not.toMatch(/^\s*at .+:\d+:\d+\)?\s*$/m);
  });
});

describe('a credential_process that never answers', () => {
  function slowProfileHome() {
    const home = e2e.emptyHome();
    const script = join(home.path, 'creds.sh');
    // The shell starts a child of its own (sleep), as real helpers do: both must end.
    writeFileSync(script, `#!/bin/sh\nsleep 1000 &\necho $! > "$HOME/sleeper.pid"\nwait\n`, { mode: 0o755 });
    mkdirSync(join(home.path, '.aws'), { mode: 0o700 });
    writeFileSync(
      home.configPath,
      `[profile slow]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\ncredential_process = ${script}\n`,
    );
    return home;
  }
  const sleeperGone = (home: { path: string }) => {
    const pid = Number(readFileSync(join(home.path, 'sleeper.pid'), 'utf8'));
    return () => {
      try {
        return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return true;
      }
    };
  };

  test('the bucket list says which profile did not answer at --timeout, and the process is gone', async () => {
    const home = slowProfileHome();
    const session = e2e.launch(home, { args: ['--profile', 'slow', '--timeout', '2'] });
    await session.waitFor(/credential_process of profile “slow” did not answer in 2 s/, 15_000);
    await expect.poll(sleeperGone(home), { timeout: 5000 }).toBe(true);
  });

  test('Ctrl-C while it runs leaves no orphan behind', async () => {
    const home = slowProfileHome();
    const session = e2e.launch(home, { args: ['--profile', 'slow', '--timeout', '60'] });
    await session.waitFor('Listing buckets…');
    await expect.poll(() => existsSync(join(home.path, 'sleeper.pid')), { timeout: 5000 }).toBe(true);
    session.press('CtrlC');
    expect(await session.waitForExit()).toEqual({ exitCode: 130 });
    await expect.poll(sleeperGone(home), { timeout: 5000 }).toBe(true);
  });
});

describe('a credential_process whose Expiration is not a date', () => {
  test('the screen where it is first read warns, naming the profile; the listing goes on', async () => {
    const home = e2e.emptyHome();
    const script = join(home.path, 'creds.sh');
    const { accessKeyId, secretAccessKey } = e2e.server;
    writeFileSync(
      script,
      `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "${accessKeyId}", "SecretAccessKey": "${secretAccessKey}", "Expiration": "not-a-date"}'\n`,
      { mode: 0o755 },
    );
    mkdirSync(join(home.path, '.aws'), { mode: 0o700 });
    writeFileSync(
      home.configPath,
      `[profile odd]\nregion = us-east-1\nendpoint_url = ${e2e.server.endpoint}\ncredential_process = ${script}\n`,
    );
    const session = e2e.launch(home, { args: ['--profile', 'odd', '--bucket', bucket] });
    // Told while the objects are listed; still there once they are.
    await session.waitFor(/The credentials of profile “odd” carry an expiration that is not a date/, 15_000);
    await session.waitFor((screen) => screen.includes('📄 file.txt') && screen.includes('carry an expiration'), 15_000);
  });
});

describe('helper processes', () => {
  test('the clipboard tool and the clearing helper start without AWS or secret-like variables', async () => {
    expect(process.env.DISPLAY, 'run under xvfb-run: the copy goes to the X clipboard').toBeTruthy();
    const marker = `marker-${process.pid}-${Date.now()}`;
    const session = e2e.launch(e2e.home(), {
      args: ['--bucket', bucket, '--clear-clipboard-after', '600'],
      env: { AWS_SECRET_ACCESS_KEY: marker, GITHUB_TOKEN: marker, AWS_SDK_UA_APP_ID: marker },
    });
    await openRow(session, '📄 file.txt');
    await signWithExpiry(session, '1');
    await waitForResult(session, e2e.server);
    session.press('c');
    await session.waitFor('cleared in 600 s');
    const { stdout } = await run('xclip', ['-o', '-selection', 'clipboard'], { timeout: 5000 });
    expect(stdout).toMatch(/^http/);
    // The clearing helper is told only the URL's hash: that finds this test's helper and no other.
    const hash = createHash('sha256').update(stdout).digest('hex');

    // Every process of ours other than the app itself: none may hold the marker.
    const holders: string[] = [];
    const helpers: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || Number(entry) === session.pid || Number(entry) === process.pid) continue;
      let environ: string;
      let cmdline: string;
      try {
        environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
        cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ');
      } catch {
        continue;
      }
      if (cmdline.includes('clear-clipboard') && cmdline.includes(hash)) helpers.push(Number(entry));
      if (environ.includes(marker) && !cmdline.includes(CLI)) holders.push(`${entry}: ${cmdline}`);
    }
    for (const pid of helpers) process.kill(pid, 'SIGTERM');
    expect(helpers.length, 'the clearing helper is running').toBeGreaterThan(0);
    expect(holders).toEqual([]);
  });
});
