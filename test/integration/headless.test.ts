import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { homeWithProfiles, runCli, LINK_JSON_FIELDS } from '../support/cli.js';
import {
  adminClient,
  bodyFor,
  createBucket,
  s3ServerFromEnv,
  TRICKY_KEYS,
  uniqueBucket,
} from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('headless');
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, [...TRICKY_KEYS, 'Rechnung März.pdf']);
  env = homeWithProfiles(server, ['default', 'other']);
});

describe('s3share-tui s3://BUCKET/KEY', () => {
  it('prints the URL alone on stdout, and the URL serves the object', async () => {
    const key = TRICKY_KEYS[0];
    const run = await runCli([`s3://${bucket}/${key}`], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const url = lines[0] as string;
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('3600');
    const response = await fetch(url);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(key));
  });

  it('takes the expiry as seconds, hours or a duration', async () => {
    for (const [flags, seconds] of [
      [['--expires-in', '86400'], '86400'],
      [['--hours', '1.5'], '5400'],
      [['--expires', '2d'], '172800'],
    ] as const) {
      const run = await runCli([...flags, `s3://${bucket}/x#y?z%.txt`], env);
      expect(new URL(run.stdout.trim()).searchParams.get('X-Amz-Expires')).toBe(seconds);
    }
  });

  it('prints one JSON object with --json', async () => {
    const before = Date.now();
    const run = await runCli(['--json', '--hours', '2', `s3://${bucket}/unicodé/ファイル.txt`], env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(LINK_JSON_FIELDS);
    expect(json).toMatchObject({
      method: 'GET',
      bucket,
      key: 'unicodé/ファイル.txt',
      region: server.region,
      expiresIn: 7200,
      checked: true,
    });
    const expiresAt = Date.parse(json.expiresAt as string);
    expect(expiresAt - before).toBeGreaterThan(7199_000 - 1000);
    expect(expiresAt - before).toBeLessThan(7200_000 + 5000);
    expect(json.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('names the download with --download-as, encoded for non-ASCII', async () => {
    const run = await runCli(['--download-as', 'Rechnung März.pdf', `s3://${bucket}/Rechnung März.pdf`], env);
    const response = await fetch(run.stdout.trim());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf`,
    );
  });

  it('makes upload links that work and carry no checksum parameters', async () => {
    const key = 'incoming/upload.bin';
    const run = await runCli(['--method', 'PUT', `s3://${bucket}/${key}`], env);
    expect(run.code).toBe(0);
    const url = run.stdout.trim();
    expect(url).not.toMatch(/checksum/i);
    expect((await fetch(url, { method: 'PUT', body: 'sent by a customer' })).status).toBe(200);
    const stored = await adminClient(server).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await stored.Body?.transformToString()).toBe('sent by a customer');
  });

  it('fails with exit 1 and one line when the object is missing, unless --no-check', async () => {
    const missing = await runCli([`s3://${bucket}/missing.txt`], env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      `s3share-tui: s3://${bucket}/missing.txt: The object does not exist (deleted after it was listed?): the link would answer 404. Pick another object.\n`,
    );
    const unchecked = await runCli(['--no-check', `s3://${bucket}/missing.txt`], env);
    expect(unchecked.code).toBe(0);
  });

  it('fails with exit 1 for an unknown profile and a dead endpoint', async () => {
    const profile = await runCli(['--profile', 'nope', `s3://${bucket}/x#y?z%.txt`], env);
    expect(profile.code).toBe(1);
    expect(profile.stderr).toMatch(/^s3share-tui: no AWS profile “nope” \(looked in .*config \(read\).*\n$/);
    expect(profile.stderr).not.toContain('--profile');
    const dead = await runCli(['--endpoint-url', 'http://127.0.0.1:9', `s3://${bucket}/x#y?z%.txt`], env);
    expect(dead.code).toBe(1);
    expect(dead.stderr.trim().split('\n')).toHaveLength(1);
    expect(dead.stderr).toContain('Cannot connect to http://127.0.0.1:9');
  });

  it('remembers the bucket region: a second run with the same HOME asks no HeadBucket or GetBucketLocation', async () => {
    const home = homeWithProfiles(server);
    const cacheFile = join(home.HOME as string, '.cache', 's3share-tui', 'bucket-regions.json');
    const escaped = bucket.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    /** The --debug lines of a region lookup: HEAD on the bucket itself, or GET ?location. */
    const lookups = (stderr: string) =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('s3share-tui debug: '))
        .filter(
          (line) =>
            new RegExp(`^s3share-tui debug: HEAD \\S*/${escaped}/? → `).test(line) || /[?&]location\b/.test(line),
        );
    const args = ['--debug', '--no-check', '--json', `s3://${bucket}/${TRICKY_KEYS[2]}`];

    expect(existsSync(cacheFile)).toBe(false);
    const first = await runCli(args, home);
    expect(first.code).toBe(0);
    expect(lookups(first.stderr).length).toBeGreaterThan(0);
    expect(lookups(first.stderr)[0]).toMatch(/ HEAD \S+ → \d{3} /);
    // Under the temp HOME (an outer XDG_CACHE_HOME never reaches the child).
    const firstJson = JSON.parse(first.stdout) as { url: string; region: string };
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, { region: string }>;
    expect(Object.entries(cached).map(([key, entry]) => [key, entry.region])).toEqual([
      [`${new URL(server.endpoint).origin} ${bucket}`, firstJson.region],
    ]);

    const second = await runCli(args, home);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/s3share-tui debug: presigned GET/);
    expect(lookups(second.stderr)).toEqual([]);
    const secondJson = JSON.parse(second.stdout) as { url: string; region: string };
    expect(secondJson.region).toBe(firstJson.region);

    for (const url of [firstJson.url, secondJson.url]) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(TRICKY_KEYS[2]));
    }
  });

  it.each([
    [['s3://'], /needs a bucket/],
    [['s3://only-bucket'], /needs a key/],
    [['https://b.s3.amazonaws.com/k'], /not an S3 URI/],
    [['--hours', 'soon', 's3://b0b/k'], /number of hours/],
    [['--bogus', 's3://b0b/k'], /Unknown option/],
  ])('exits 2 with one usage line for %j', async (args, message) => {
    const run = await runCli(args, env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('never loads the interactive code (Ink, React) to sign', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 's3share-modules-')), 'modules.txt');
    const hooks = ['--import', resolve('test/support/module-log.mjs')];
    const run = await runCli([`s3://${bucket}/x#y?z%.txt`], { ...env, MODULE_LOG: log }, hooks);
    expect(run.code).toBe(0);
    const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(modules.some((url) => /chunks\/headless-/.test(url))).toBe(true);
    expect(modules.filter((url) => /chunks\/run-|\bink\b|react|clipboardy/.test(url))).toEqual([]);
    // The same probe sees the interactive chunk when the screens are asked for (no terminal: exit 2).
    const tui = await runCli([], { ...env, MODULE_LOG: `${log}.tui` }, hooks);
    expect(tui.code).toBe(2);
    expect(readFileSync(`${log}.tui`, 'utf8')).toMatch(/chunks\/run-/);
  });
});
