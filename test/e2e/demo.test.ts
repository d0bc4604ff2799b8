/**
 * `npm run demo`: scripts/demo/launch.mjs starts a seeded local S3 server (s3rver, in a child
 * process), writes throw-away profiles and runs the built app on the terminal. Checked here in a
 * pseudo-terminal, as a newcomer would use it: both profiles show, a folder of 3,000 objects
 * lists in full across pages, a link read off the screen serves the seeded bytes, and on exit the
 * server and every temporary file are gone. (It needs dist/ built; the Ceph server that the system
 * project starts is not used.)
 */
import { fork } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';
import { ENVIRONMENT_PROFILE } from '../../src/core/connection.js';
import type { ListPage } from '../../src/core/ports.js';
import {
  DEMO_CREDENTIALS,
  DEMO_PROFILES,
  LOG_COUNT,
  LOG_PREFIX,
  demoBody,
  demoBuckets,
  demoFolders,
  demoObjects,
} from '../../scripts/demo/seed-plan.mjs';
import { cursorOn, literal, openBucket, openRow } from '../support/e2e.js';
import { PROJECT_ROOT } from '../support/app.js';
import { PtySession } from '../support/terminal/pty-session.js';

const LAUNCHER = resolve(PROJECT_ROOT, 'scripts/demo/launch.mjs');
const SERVER = resolve(PROJECT_ROOT, 'scripts/demo/s3-server.mjs');
/** Start-up (server, seeding, app) on a loaded two-core machine takes a few seconds. */
const START_MS = 30_000;

/** Settings a user may have for their real AWS account: none may reach the demo's app. */
const USERS_AWS_SETTINGS = {
  AWS_PROFILE: 'my-real-profile',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_SESSION_TOKEN: 'a-session-token',
  AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
  AWS_REGION: 'ap-south-1',
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A TMPDIR of our own, so the test sees exactly what the demo leaves in it. */
function privateTmp(): string {
  const dir = mkdtempSync(join(tmpdir(), 's3share-demo-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function launchDemo(tmp: string, args: readonly string[] = []): PtySession {
  const session = new PtySession(process.execPath, [LAUNCHER, ...args], {
    env: { TMPDIR: tmp, ...USERS_AWS_SETTINGS },
  });
  cleanups.push(() => session.dispose());
  return session;
}

// ── processes, read from /proc ───────────────────────────────────────────────

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  args: string[];
}

function processes(): Proc[] {
  const found: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(entry), ppid: Number(ppid), state: state ?? '?', args });
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Running (not a zombie waiting to be reaped). */
function isRunning(pid: number): boolean {
  return processes().some((p) => p.pid === pid && p.state !== 'Z');
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface DemoRun {
  endpoint: string;
  serverPid: number;
  appPid: number;
  /** The server's store and the launcher's temporary directory. */
  dirs: string[];
  awsDir: string;
}

/** Once the first screen shows: the server child, the app child and the files they use. */
function inspect(session: PtySession): DemoRun {
  const endpoint = /demo: local S3 at (http:\/\/127\.0\.0\.1:\d+) /.exec(session.screen())?.[1];
  expect(endpoint, `the demo's line on the screen:\n${session.screen()}`).toBeDefined();
  const all = processes();
  const server = all.find((p) => p.ppid === session.pid && p.args.includes(SERVER));
  const app = all.find((p) => p.ppid === session.pid && p.args.some((a) => a.endsWith('dist/cli.js')));
  expect(server, 'the s3rver child of the launcher').toBeDefined();
  expect(app, 'the app child of the launcher').toBeDefined();
  expect(server?.args, 'the server runs with the legacy OpenSSL provider').toContain('--openssl-legacy-provider');
  const dirs = [...new Set(server?.args.slice(server.args.indexOf(SERVER) + 1))];
  const temp = dirs.at(-1) as string;
  return {
    endpoint: endpoint as string,
    serverPid: server?.pid ?? 0,
    appPid: app?.pid ?? 0,
    dirs,
    awsDir: join(temp, 'aws'),
  };
}

async function expectCleanedUp(run: DemoRun, tmp: string): Promise<void> {
  await until(() => !isRunning(run.serverPid), 'the server has stopped');
  await until(() => !isRunning(run.appPid), 'the app has stopped');
  for (const dir of run.dirs) expect(existsSync(dir), `${dir} removed`).toBe(false);
  expect(readdirSync(tmp), 'nothing left in TMPDIR').toEqual([]);
}

// ── screen helpers ───────────────────────────────────────────────────────────

/** The "N objects · M folders" status of the object list, as numbers. */
function objectCount(session: PtySession): { objects: number; complete: boolean } | undefined {
  const match =
    /([\d,]+) objects · [\d,]+ folders?( loaded · more ↓| · loading more…| · to the end… [\d,]+ loaded)?/.exec(
      session.screen(),
    );
  if (!match) return undefined;
  return { objects: Number((match[1] as string).replace(/,/g, '')), complete: match[2] === undefined };
}

/** The header line: "s3share  ›  profile  ›  bucket  ›  prefix". */
function breadcrumb(session: PtySession): string | undefined {
  return session.lines().find((line) => line.startsWith(' s3share'));
}

/** Esc until the bucket list shows, then Esc once more if it kept its filter (to clear it). */
async function backToBuckets(session: PtySession): Promise<void> {
  for (let step = 0; !/ (of|·) 3 buckets/.test(session.screen()); step += 1) {
    if (step > 6) throw new Error(`Esc never led back to the bucket list:\n${session.screen()}`);
    const header = breadcrumb(session);
    session.press('Esc');
    await session.waitFor(() => breadcrumb(session) !== header);
  }
  if (session.screen().includes('filter: ')) {
    session.press('Esc');
    await session.waitFor('3 of 3 buckets');
  }
}

async function readUrl(session: PtySession, endpoint: string): Promise<string> {
  await session.waitFor((screen) => /Expires in (?!\(hours\))/.test(screen) && screen.includes(`${endpoint}/`), 15_000);
  const lines = session.logicalLines().filter((line) => line.startsWith(`${endpoint}/`));
  expect(lines, `one URL on the screen:\n${session.screen()}`).toHaveLength(1);
  return (lines[0] as string).trimEnd();
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

// ── the tests ────────────────────────────────────────────────────────────────

describe('npm run demo', () => {
  test('every screen against the seeded server; the link serves the bytes; Ctrl-C cleans up', async () => {
    const tmp = privateTmp();
    const session = launchDemo(tmp);

    // Profiles: exactly the demo's two, none made from the user's AWS_* variables.
    await session.waitFor('2 of 2 profiles', START_MS);
    const run = inspect(session);
    for (const { name, region } of DEMO_PROFILES) {
      expect(session.screen()).toMatch(
        new RegExp(`^ [ ❯] ${literal(name)} +${region} +keys +${literal(run.endpoint)}$`, 'm'),
      );
    }
    expect(session.screen()).not.toContain('(environment)');
    for (const file of ['config', 'credentials']) {
      expect(statSync(join(run.awsDir, file)).mode & 0o777, `${file} is private`).toBe(0o600);
    }
    expect(readFileSync(join(run.awsDir, 'config'), 'utf8')).toContain(`endpoint_url = ${run.endpoint}`);
    const appEnvironment = readFileSync(`/proc/${run.appPid}/environ`, 'utf8').split('\0');
    expect(appEnvironment.filter((v) => v.startsWith('AWS_')).map((v) => v.slice(0, v.indexOf('=')))).toEqual(
      expect.arrayContaining(['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE']),
    );
    for (const name of Object.keys(USERS_AWS_SETTINGS)) {
      expect(
        appEnvironment.some((v) => v.startsWith(`${name}=`)),
        `${name} removed`,
      ).toBe(false);
    }

    // Buckets.
    await openRow(session, 'demo');
    await session.waitFor('3 of 3 buckets');
    for (const bucket of demoBuckets()) expect(session.screen()).toContain(bucket);

    // app-logs › 2026/ › 11/: 3,000 objects, listed a page at a time as the cursor goes down.
    await openBucket(session, 'app-logs');
    await openRow(session, '📁 2026/');
    await session.waitFor(cursorOn('📁 10/'));
    await openRow(session, '📁 11/');
    await session.waitFor(`›  app-logs  ›  ${LOG_PREFIX}`);
    await session.waitFor(() => objectCount(session) !== undefined, 15_000);
    const firstPage = objectCount(session);
    // A few screens of keys first (100 at this terminal size); full pages of 1,000 after.
    expect(firstPage, 'the first page is not the whole folder').toEqual({ objects: 100, complete: false });
    for (let presses = 0; !objectCount(session)?.complete; presses += 1) {
      if (presses > 10) throw new Error(`the listing never completed:\n${session.screen()}`);
      const before = objectCount(session)?.objects ?? 0;
      session.press('End');
      await session.waitFor(() => {
        const now = objectCount(session);
        return (
          now !== undefined && (now.objects > before || now.complete) && !session.screen().includes('loading more')
        );
      }, 15_000);
    }
    expect(objectCount(session)).toEqual({ objects: LOG_COUNT, complete: true });
    session.press('End');
    await session.waitFor(cursorOn('📄 api-2026-11-28T01-47Z.log'));

    // customer-exports › invoices/ (a folder holding only folders) › 2026/ › Rechnung März.pdf.
    await backToBuckets(session);
    await openBucket(session, 'customer-exports');
    for (const folder of ['exports/', 'invoices/', 'reports/']) await session.waitFor(`📁 ${folder}`);
    await openRow(session, '📁 invoices/');
    await session.waitFor('📁 2025/');
    await openRow(session, '📁 2026/');
    await session.waitFor('📁 drafts/');
    await openRow(session, '📄 Rechnung März.pdf');

    // Expiry: the default, as is; then the result.
    await session.waitFor('Expires in (hours):');
    session.press('Enter');
    const url = await readUrl(session, run.endpoint);
    expect(session.screen()).toContain('GET link to s3://customer-exports/invoices/2026/Rechnung März.pdf');
    expect(url).toContain('/customer-exports/invoices/2026/Rechnung%20M%C3%A4rz.pdf?');
    expect((await fetchBytes(url)).equals(demoBody('customer-exports', 'invoices/2026/Rechnung März.pdf'))).toBe(true);

    // Ctrl-C: the app's exit code; the server and the temporary files are gone.
    session.press('CtrlC');
    expect((await session.waitForExit(15_000)).exitCode).toBe(130);
    await expectCleanedUp(run, tmp);
  });

  test('passes options to the app: demo-eu straight into backups, sizes in MB, q quits with 0', async () => {
    const tmp = privateTmp();
    const session = launchDemo(tmp, ['--profile', 'demo-eu', '--bucket', 'backups']);
    await session.waitFor('s3share  ›  demo-eu  ›  backups', START_MS);
    const run = inspect(session);
    await openRow(session, '📁 postgres/');
    await session.waitFor(/📄 app-2026-11-28\.dump\.gz +4\.2 MB/);
    await openRow(session, '📄 app-2026-11-28.dump.gz');
    await session.waitFor('Expires in (hours):');
    session.press('Enter');
    const url = await readUrl(session, run.endpoint);
    // (s3rver answers GetBucketLocation with no constraint, i.e. us-east-1, for every bucket.)
    expect(session.screen()).toMatch(
      /GET link to s3:\/\/backups\/postgres\/app-2026-11-28\.dump\.gz {2}\(signed for [a-z0-9-]+\)/,
    );
    expect((await fetchBytes(url)).equals(demoBody('backups', 'postgres/app-2026-11-28.dump.gz'))).toBe(true);
    session.press('q');
    expect((await session.waitForExit(15_000)).exitCode).toBe(0);
    await expectCleanedUp(run, tmp);
  });

  test('SIGTERM to the launcher ends the app and cleans up; so does SIGKILL (the server notices)', async () => {
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const tmp = privateTmp();
      const session = launchDemo(tmp);
      await session.waitFor('2 of 2 profiles', START_MS);
      const run = inspect(session);
      process.kill(session.pid, signal);
      const exit = await session.waitForExit(15_000);
      if (signal === 'SIGTERM') expect(exit.exitCode, 'the app was ended by the signal').toBe(143);
      await expectCleanedUp(run, tmp);
    }
  });
});

describe('the demo server (scripts/demo/s3-server.mjs) through the app’s own S3 adapter', () => {
  test('every seeded folder and object lists, long folders page by 1,000, links serve the bytes', async () => {
    const tmp = privateTmp();
    const dataDir = join(tmp, 's3');
    const child = fork(SERVER, [dataDir], {
      execArgv: ['--openssl-legacy-provider'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const exited = new Promise((done) => child.once('exit', done));
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await exited;
    });
    const ready = await new Promise<{ type: string; port: number }>((done) => child.once('message', done as never));
    expect(ready.type).toBe('ready');

    vi.stubEnv('AWS_ACCESS_KEY_ID', DEMO_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', DEMO_CREDENTIALS.secretAccessKey);
    cleanups.push(() => void vi.unstubAllEnvs());
    const session = createS3Connector({ clock: { now: () => new Date() } }).connect({
      profile: ENVIRONMENT_PROFILE,
      region: 'us-east-1',
      endpointUrl: `http://127.0.0.1:${ready.port}`,
      pathStyle: true,
    });

    const objects = demoObjects();
    const expectedFolders = demoFolders(objects);
    for (const bucket of demoBuckets(objects)) {
      // Walk the bucket as the app does: Delimiter "/", following continuation tokens.
      const queue = [''];
      while (queue.length > 0) {
        const prefix = queue.shift() as string;
        const pages: ListPage[] = [];
        let token: string | undefined;
        do {
          const page = await session.listPage(bucket, prefix, token);
          pages.push(page);
          token = page.nextToken;
        } while (token !== undefined && pages.length < 10);
        const folders = [...new Set(pages.flatMap((p) => p.folders))].sort();
        const keys = pages.flatMap((p) => p.objects.map((o) => o.key)).filter((key) => key !== prefix);
        const inside = (name: string) =>
          name.startsWith(prefix) && name !== prefix && !name.slice(prefix.length, -1).includes('/');
        const label = `s3://${bucket}/${prefix}`;
        expect(folders, `folders of ${label}`).toEqual(
          expectedFolders
            .filter((f) => f.bucket === bucket && inside(f.prefix))
            .map((f) => f.prefix)
            .sort(),
        );
        expect(new Set(keys).size, `no object twice in ${label}`).toBe(keys.length);
        expect(keys.sort(), `objects of ${label}`).toEqual(
          objects
            .filter((o) => o.bucket === bucket && inside(o.key) && !o.key.endsWith('/'))
            .map((o) => o.key)
            .sort(),
        );
        if (bucket === 'app-logs' && prefix === LOG_PREFIX) {
          expect(
            pages.map((p) => p.objects.length),
            `pages of ${label}`,
          ).toEqual([1000, 1000, 1000]);
        }
        queue.push(...folders);
      }
    }

    // Links to every object outside the long log folder serve exactly the seeded bytes.
    for (const object of objects.filter((o) => !o.key.startsWith(LOG_PREFIX))) {
      const presigned = await session.presign({ bucket: object.bucket, key: object.key, expiresInSeconds: 600 });
      const response = await fetch(presigned.url);
      expect(response.status, presigned.url).toBe(200);
      expect(response.headers.get('content-type'), object.key).toBe(object.contentType);
      expect(Buffer.from(await response.arrayBuffer()).equals(object.body()), `bytes of ${object.key}`).toBe(true);
    }
  });
});
