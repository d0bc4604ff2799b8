/**
 * The network and the server misbehaving, non-interactively and at the adapter: the local S3
 * server behind a fault-injecting proxy (test/support/fault-proxy.ts) that refuses connections,
 * never answers, answers 500 / 503 SlowDown, cuts connections, or fails only a later page of a
 * listing. The proxy counts requests, which proves how often the SDK tried (3 attempts).
 */
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';
import type { S3Session } from '../../src/core/ports.js';
import { runCliWithin, within } from '../support/bounded-cli.js';
import { useSdkProfileIt } from '../support/aws-home.js';
import { homeWithProfiles, runCli, type CliRun } from '../support/cli.js';
import { FaultProxy, INTERNAL_ERROR, is, SLOW_DOWN } from '../support/fault-proxy.js';
import {
  adminClient,
  bodyFor,
  createBucket,
  numberedKeys,
  s3ServerFromEnv,
  uniqueBucket,
} from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('faults');
const KEY = 'reports/q1.csv';
const PAGED = numberedKeys('many/', 1_100); // two pages: 1,000 and 100
let proxy: FaultProxy;
/** A HOME whose `default` profile reaches the server through the proxy (`endpoint_url`). */
let env: NodeJS.ProcessEnv;
const homes: string[] = [];
let removeSdkProfile: () => void;

/** What the SDK does for a request that keeps failing: this many attempts (maxAttempts). */
const ATTEMPTS = 3;

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, [KEY, ...PAGED]);
  proxy = await FaultProxy.start(server.endpoint);
  env = homeWithProfiles({ ...server, endpoint: proxy.url }, ['default']);
  homes.push(env.HOME as string);
  // For the adapter tests: the profile `it`, read through the SDK like a user's own.
  removeSdkProfile = useSdkProfileIt(server);
}, 120_000);

afterEach(async () => {
  await proxy.passThrough();
  proxy.resetCounts();
});

afterAll(async () => {
  await proxy?.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  removeSdkProfile();
  delete process.env.AWS_CONFIG_FILE;
  delete process.env.AWS_SHARED_CREDENTIALS_FILE;
});

/** An adapter session that talks to the server through the proxy. */
function session(timeoutMs?: number): S3Session {
  return createS3Connector({ clock: { now: () => new Date() }, ...(timeoutMs ? { timeoutMs } : {}) }).connect({
    profile: 'it',
    region: server.region,
    endpointUrl: proxy.url,
    pathStyle: true,
  });
}

/** Runs the CLI, killed after `limitMs` (a hang fails the test quickly), and measures how long it took. */
async function timed(args: readonly string[], environment = env, limitMs = 15_000) {
  const run = await runCliWithin(args, environment, limitMs);
  expect(run.killedAtLimit, `s3share-tui ${args.join(' ')} was still running after ${limitMs} ms`).toBe(false);
  return run;
}

/** Exit 1, nothing on stdout, one line on stderr starting with the program's name, no trace. */
function expectOneLineFailure(run: CliRun): string {
  expect(run.code, `exit code; stderr: ${run.stderr}`).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n'), JSON.stringify(run.stderr)).toBe(true);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, `one line on stderr:\n${run.stderr}`).toHaveLength(1);
  expect(lines[0]).toMatch(/^s3share-tui: /);
  expect(run.stderr).not.toMatch(/\n\s+at |\[WARN\]|Warning/);
  return lines[0] as string;
}

const target = `s3://${bucket}/${KEY}`;

describe('the proxy itself', () => {
  it('passes requests through unchanged: the CLI signs through it and the URL serves the object', async () => {
    const run = await runCli([target], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const url = run.stdout.trim();
    expect(url.startsWith(`${proxy.url}/`)).toBe(true);
    // The link check: the URL itself, one byte of it.
    expect(proxy.requests.filter(is.operation('GetObject')).map((r) => [r.url, r.headers.range])).toEqual([
      [url.slice(proxy.url.length), 'bytes=0-0'],
    ]);
    expect(proxy.count(is.operation('HeadObject'))).toBe(0);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(KEY));
  });
});

describe('the endpoint refuses connections', () => {
  it('non-interactive, endpoint from the profile: one line naming the endpoint, exit 1, within 5 s', async () => {
    await proxy.refuse();
    const run = await timed([target]);
    const line = expectOneLineFailure(run);
    expect(line).toContain(proxy.url);
    expect(line).toMatch(/refused/);
    expect(run.ms).toBeLessThan(5_000);
  });

  it('non-interactive, --endpoint-url: names the endpoint given on the command line', async () => {
    await proxy.refuse();
    const run = await timed(['--endpoint-url', proxy.url, target], homeWithProfilesFor(server.endpoint));
    const line = expectOneLineFailure(run);
    expect(line).toContain(`Cannot connect to ${proxy.url}`);
    expect(run.ms).toBeLessThan(5_000);
  });

  it('the same session works again once the endpoint is back (what the r key relies on)', async () => {
    const s3 = session();
    await proxy.refuse();
    await expect(s3.listBuckets()).rejects.toThrow(`Cannot connect to ${proxy.url}: connection refused.`);
    await proxy.accept();
    expect((await s3.listBuckets()).map((b) => b.name)).toContain(bucket);
  });
});

describe('the endpoint accepts but never answers', () => {
  it('--timeout 2 (non-interactive): gives up in about 2 s with one line naming the endpoint, exit 1', async () => {
    proxy.hang();
    const run = await timed(['--timeout', '2', target], env, 10_000);
    const line = expectOneLineFailure(run);
    expect(line).toContain(proxy.url);
    expect(line).toMatch(/no answer|timed? ?out/i);
    expect(run.ms, 'not before the timeout').toBeGreaterThanOrEqual(1_800);
    expect(run.ms, 'the timeout bounds the whole command, not each attempt of each request').toBeLessThan(6_500);
  });

  it('without --timeout the default of 10 s applies (non-interactive)', async () => {
    proxy.hang();
    const run = await timed([target], env, 27_000);
    const line = expectOneLineFailure(run);
    expect(line).toContain(proxy.url);
    expect(line).toMatch(/no answer|timed? ?out/i);
    expect(run.ms).toBeGreaterThanOrEqual(9_000);
    expect(run.ms).toBeLessThan(25_000);
  }, 40_000);

  it('the adapter rejects a request left unanswered with "No answer from <endpoint> in 1 s"', async () => {
    proxy.hang();
    const started = Date.now();
    await expect(within(session(1_000).listBuckets(), 8_000, 'listBuckets with a 1 s timeout')).rejects.toThrow(
      `No answer from ${proxy.url} in 1 s (--timeout).`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('500 and 503 SlowDown', () => {
  it('503 SlowDown on every attempt: the SDK tries 3 times, then the message is what the server said', async () => {
    proxy.fail(SLOW_DOWN, is.operation('ListBuckets'));
    await expect(session().listBuckets()).rejects.toThrow('SlowDown (HTTP 503): Please reduce your request rate.');
    expect(proxy.count(is.operation('ListBuckets'))).toBe(ATTEMPTS);
  });

  it('500 InternalError on every attempt of a listing: 3 attempts, the server’s words in the message', async () => {
    proxy.fail(INTERNAL_ERROR, is.operation('ListObjectsV2'));
    await expect(session().listPage(bucket, '')).rejects.toThrow(
      'InternalError (HTTP 500): We encountered an internal error. Please try again.',
    );
    expect(proxy.count(is.operation('ListObjectsV2'))).toBe(ATTEMPTS);
  });

  it('503 SlowDown twice, then an answer: the retry succeeds and nobody sees the error', async () => {
    proxy.failNext(2, SLOW_DOWN, is.operation('ListObjectsV2'));
    const page = await session().listPage(bucket, 'reports/');
    expect(page.objects.map((o) => o.key)).toEqual([KEY]);
    expect(proxy.requests.filter(is.operation('ListObjectsV2')).map((r) => r.outcome)).toEqual([
      'status 503',
      'status 503',
      'passed',
    ]);
  });

  it('non-interactive, 503 SlowDown twice on the link check: retried, the URL is printed and works', async () => {
    proxy.failNext(2, SLOW_DOWN, is.operation('GetObject'));
    const run = await runCli([target], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(proxy.count(is.operation('GetObject'))).toBe(ATTEMPTS);
    expect((await fetch(run.stdout.trim())).status).toBe(200);
  });

  it('non-interactive, 503 on every link check: 3 attempts, then one line that says 503, exit 1', async () => {
    proxy.fail(SLOW_DOWN, is.operation('GetObject'));
    const run = await runCli([target], env);
    const line = expectOneLineFailure(run);
    expect(proxy.count(is.operation('GetObject'))).toBe(ATTEMPTS);
    expect(line).toContain('HTTP 503 (SlowDown: Please reduce your request rate.)');
    expect(line).not.toMatch(/Unknown/i);
  });

  it('non-interactive, 500 on every link check: one line that says 500, exit 1', async () => {
    proxy.fail(INTERNAL_ERROR, is.operation('GetObject'));
    const line = expectOneLineFailure(await runCli([target], env));
    expect(line).toContain('500');
    expect(line).not.toMatch(/Unknown/i);
  });
});

describe('a later page of a listing fails', () => {
  it('page 1 arrives, page 2 fails after 3 attempts with the server’s message, and a retry of page 2 completes the listing', async () => {
    const s3 = session();
    const first = await s3.listPage(bucket, 'many/');
    expect(first.objects).toHaveLength(1_000);
    expect(first.nextToken).toBeDefined();

    proxy.fail(INTERNAL_ERROR, is.laterListPage);
    await expect(s3.listPage(bucket, 'many/', first.nextToken)).rejects.toThrow(/^InternalError \(HTTP 500\)/);
    expect(proxy.count(is.laterListPage)).toBe(ATTEMPTS);
    // Only the later page was failed: the first page's request went through.
    expect(proxy.count(is.firstListPage)).toBe(1);

    proxy.clear();
    const second = await s3.listPage(bucket, 'many/', first.nextToken);
    expect([...first.objects, ...second.objects].map((o) => o.key)).toEqual(PAGED);
    expect(second.nextToken).toBeUndefined();
  });
});

describe('the connection is cut', () => {
  it('non-interactive: one line saying the connection was cut off, exit 1', async () => {
    proxy.fail({ kind: 'reset' });
    const line = expectOneLineFailure(await runCli([target], env));
    expect(line).toContain(proxy.url);
    expect(line).toMatch(/cut off|reset/i);
  });
});

/** A HOME whose default profile points straight at the server (the proxy comes from a flag). */
function homeWithProfilesFor(endpoint: string): NodeJS.ProcessEnv {
  const home = homeWithProfiles({ ...server, endpoint }, ['default']);
  homes.push(home.HOME as string);
  return home;
}
