import { DeleteObjectCommand, PutBucketVersioningCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';
import type { S3Session } from '../../src/core/ports.js';
import { homeWithProfiles, runCli, LINK_JSON_FIELDS } from '../support/cli.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const plain = uniqueBucket('many');
const versioned = uniqueBucket('versions');
const TREE = [
  'reports/2026/q1 summary.csv',
  'reports/2026/Q2 Übersicht.pdf',
  'reports/2026/deep/er/still deeper/ファイル.txt',
  'reports/a b+c.txt',
  'reports/z-last.txt',
];
const OUTSIDE = ['reports-old/x.txt', 'report.txt', 'other/reports/y.txt'];
let env: NodeJS.ProcessEnv;
let admin: S3Client;
/** The versions of `doc.txt`, oldest first, and the delete marker that ends them. */
const versions: Array<{ id: string; body: string }> = [];
let deleteMarker = '';

function session(): S3Session {
  // The adapter reads the profile's keys through the SDK, from the test HOME's ~/.aws files.
  process.env.AWS_CONFIG_FILE = `${env.HOME}/.aws/config`;
  process.env.AWS_SHARED_CREDENTIALS_FILE = `${env.HOME}/.aws/credentials`;
  return createS3Connector({ clock: { now: () => new Date() } }).connect({
    profile: 'default',
    endpointUrl: server.endpoint,
    pathStyle: true,
    region: server.region,
  });
}

async function fetchText(url: string): Promise<{ status: number; body: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  admin = adminClient(server);
  env = homeWithProfiles(server);
  await createBucket(admin, plain, [...TREE, ...OUTSIDE, 'one.txt', 'two.txt']);
  // A folder marker, as consoles create them: not an object anyone shares.
  await admin.send(new PutObjectCommand({ Bucket: plain, Key: 'reports/2026/', Body: Buffer.alloc(0) }));
  await createBucket(admin, versioned, ['doc.txt.bak']);
  await admin.send(
    new PutBucketVersioningCommand({ Bucket: versioned, VersioningConfiguration: { Status: 'Enabled' } }),
  );
  for (const body of ['first version\n', 'second version\n']) {
    const put = await admin.send(new PutObjectCommand({ Bucket: versioned, Key: 'doc.txt', Body: Buffer.from(body) }));
    versions.push({ id: put.VersionId as string, body });
  }
  const removed = await admin.send(new DeleteObjectCommand({ Bucket: versioned, Key: 'doc.txt' }));
  deleteMarker = removed.VersionId as string;
});

describe('object versions', () => {
  it('lists the versions and the delete marker of exactly that key, newest first', async () => {
    const s3 = session();
    expect(await s3.versioningStatus(versioned)).toBe('enabled');
    expect(await s3.versioningStatus(plain)).toBe('off');
    const page = await s3.listVersions(versioned, 'doc.txt');
    expect(page.nextToken).toBeUndefined();
    expect(page.versions.map((v) => [v.versionId, v.deleteMarker, v.isLatest, v.size])).toEqual([
      [deleteMarker, true, true, undefined],
      [versions[1]?.id, false, false, 'second version\n'.length],
      [versions[0]?.id, false, false, 'first version\n'.length],
    ]);
    expect(page.versions.every((v) => v.key === 'doc.txt' && v.lastModified instanceof Date)).toBe(true);
  });

  it('signs each version with --version-id: its link returns that version’s bytes', async () => {
    for (const version of versions) {
      const run = await runCli(['--version-id', version.id, `s3://${versioned}/doc.txt`], env);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const url = run.stdout.trim();
      expect(new URL(url).searchParams.get('versionId')).toBe(version.id);
      expect(await fetchText(url)).toEqual({ status: 200, body: version.body });
    }
    // The key itself is deleted: without a version there is nothing to share.
    const latest = await runCli([`s3://${versioned}/doc.txt`], env);
    expect(latest.code).toBe(1);
  });

  it('refuses the delete marker and says why; an unknown version is named as such', async () => {
    const run = await runCli(['--version-id', deleteMarker, `s3://${versioned}/doc.txt`], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `s3share-tui: s3://${versioned}/doc.txt (version ${deleteMarker}): that version is a delete marker: it records that the object was deleted and has no content to share.\n`,
    );
    const unknown = await runCli(['--version-id', 'no-such-version', `s3://${versioned}/doc.txt`], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      `s3share-tui: s3://${versioned}/doc.txt (version no-such-version): the object has no version “no-such-version”.\n`,
    );
  });

  it('prints the version in JSON', async () => {
    const version = versions[0] as { id: string };
    const run = await runCli(['--json', '--version-id', version.id, `s3://${versioned}/doc.txt`], env);
    expect(JSON.parse(run.stdout)).toMatchObject({ key: 'doc.txt', versionId: version.id, method: 'GET' });
  });
});

describe('--recursive', () => {
  it('prints one working URL per object under the prefix, at any depth, in key order', async () => {
    const run = await runCli(['--recursive', '--json', `s3://${plain}/reports/`], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const links = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; url: string });
    expect(links.map((l) => l.key)).toEqual([...TREE].sort());
    for (const link of links) {
      const response = await fetch(link.url);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(link.key));
    }
  });

  it('shares a whole bucket, and a URI ending in / without --recursive is an error that suggests it', async () => {
    const all = await runCli(['-r', '--no-check', `s3://${plain}`], env);
    expect(all.code).toBe(0);
    expect(all.stdout.trimEnd().split('\n')).toHaveLength(TREE.length + OUTSIDE.length + 2);
    const folder = await runCli([`s3://${plain}/reports/`], env);
    expect(folder.code).toBe(2);
    expect(folder.stdout).toBe('');
    expect(folder.stderr.split('\n')[0]).toBe(
      `s3share-tui: s3://${plain}/reports/ is a folder: add --recursive to share every object under it`,
    );
  });

  it('names an empty prefix on stderr and exits 1', async () => {
    const run = await runCli(['-r', `s3://${plain}/nothing-here/`, `s3://${plain}/one.txt`], env);
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toBe(`s3share-tui: s3://${plain}/nothing-here/: no objects under this prefix\n`);
  });
});

describe('several URIs, and lists on standard input', () => {
  it('stdin with 3 URIs, one missing: 2 URLs in input order, 1 line on stderr, exit 1', async () => {
    const input = `s3://${plain}/two.txt\ns3://${plain}/missing.txt\ns3://${plain}/one.txt\n`;
    const run = await runCli(['-'], env, [], input);
    expect(run.code).toBe(1);
    const urls = run.stdout.trimEnd().split('\n');
    expect(urls).toHaveLength(2);
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(run.stderr).toBe(
      `s3share-tui: s3://${plain}/missing.txt: The object does not exist (deleted after it was listed?): the link would answer 404. Pick another object.\n`,
    );
    expect((await fetchText(urls[0] as string)).body).toBe(bodyFor('two.txt').toString());
    expect((await fetchText(urls[1] as string)).body).toBe(bodyFor('one.txt').toString());
  });

  it('mixes arguments and -, skips blank lines and comments, reports a bad line by its number', async () => {
    const input = `# exported by a script\n\ns3://${plain}/reports/a b+c.txt\r\nnot-a-uri\n   s3://${plain}/two.txt\n`;
    const run = await runCli(['--json', `s3://${plain}/one.txt`, '-', `s3://${plain}/report.txt`], env, [], input);
    expect(run.code).toBe(1);
    const keys = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { key: string }).key);
    expect(keys).toEqual(['one.txt', 'reports/a b+c.txt', 'two.txt', 'report.txt']);
    expect(run.stderr).toMatch(/^s3share-tui: standard input line 4: expected s3:\/\/BUCKET\/KEY, got “not-a-uri”\n$/);
  });

  it('signs 10,000 URIs from stdin with --no-check, in order, every line whole', async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `bulk/${String(i).padStart(5, '0')} ü.log`);
    const run = await runCli(['--no-check', '-'], env, [], keys.map((k) => `s3://${plain}/${k}\n`).join(''));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const urls = run.stdout.split('\n');
    expect(urls.pop()).toBe('');
    expect(urls).toHaveLength(keys.length);
    const prefix = `${server.endpoint}/${plain}/bulk/`;
    urls.forEach((url, i) => {
      expect(url.startsWith(`${prefix}${String(i).padStart(5, '0')}%20%C3%BC.log?`)).toBe(true);
      expect(url).toMatch(/&X-Amz-Signature=[0-9a-f]{64}&X-Amz-SignedHeaders=host$/);
    });
    // Signed like any other link: one of them, uploaded to, then fetched.
    await admin.send(new PutObjectCommand({ Bucket: plain, Key: keys[4321], Body: bodyFor(keys[4321] as string) }));
    expect((await fetchText(urls[4321] as string)).body).toBe(bodyFor(keys[4321] as string).toString());
  });
});

describe('--format and --json', () => {
  const args = (format: string) => ['--format', format, `s3://${plain}/reports/a b+c.txt`, `s3://${plain}/one.txt`];

  it('tsv: key, tab, URL', async () => {
    const run = await runCli(args('tsv'), env);
    expect(run.code).toBe(0);
    const rows = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['reports/a b+c.txt', 'one.txt']);
    expect((await fetchText(rows[0]?.[1] as string)).body).toBe(bodyFor('reports/a b+c.txt').toString());
  });

  it('csv: a header, then key,url,expires_at', async () => {
    const before = Date.now();
    const run = await runCli(['--hours', '2', ...args('csv')], env);
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trimEnd().split('\n');
    expect(header).toBe('key,url,expires_at');
    const [key, url, expiresAt] = (rows[1] as string).split(',');
    expect(key).toBe('one.txt');
    expect(Math.abs(Date.parse(expiresAt as string) - (before + 7_200_000))).toBeLessThan(15_000);
    expect((await fetchText(url as string)).body).toBe(bodyFor('one.txt').toString());
  });

  it('markdown: [key](URL), the + and the space left as they are', async () => {
    const run = await runCli(args('markdown'), env);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const match = /^\[reports\/a b\+c\.txt\]\((http[^)]+)\)$/.exec(lines[0] as string);
    expect(match, lines[0]).not.toBeNull();
    expect((await fetchText(match?.[1] as string)).body).toBe(bodyFor('reports/a b+c.txt').toString());
    expect(lines[1]).toMatch(/^\[one\.txt\]\(http/);
  });

  it('--json: JSON Lines, one object per link with the same fields as for one link', async () => {
    const run = await runCli(['--json', ...args('plain').slice(2)], env);
    expect(run.code).toBe(0);
    const records = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(LINK_JSON_FIELDS);
    }
    expect(records.map((r) => r.key)).toEqual(['reports/a b+c.txt', 'one.txt']);
  });
});
