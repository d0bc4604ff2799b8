import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';
import type { S3Session } from '../../src/core/ports.js';
import {
  adminClient,
  bodyFor,
  createBucket,
  numberedKeys,
  s3ServerFromEnv,
  TRICKY_KEYS,
  uniqueBucket,
} from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('adapter');
const FOLDERS = 1_100;
const PAGED = 2_500;

/** A profile in throw-away shared config files, read through the SDK like a user's own. */
function useProfile(name: string): void {
  const dir = mkdtempSync(join(tmpdir(), 's3share-it-'));
  writeFileSync(join(dir, 'config'), `[profile ${name}]\nregion = ${server.region}\n`);
  writeFileSync(
    join(dir, 'credentials'),
    `[${name}]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n`,
  );
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
}

function session(now = () => new Date()): S3Session {
  return createS3Connector({ clock: { now } }).connect({
    profile: 'it',
    region: server.region,
    endpointUrl: server.endpoint,
    pathStyle: true,
  });
}

async function listAll(s3: S3Session, prefix: string) {
  const pages = [];
  let token: string | undefined;
  do {
    const page = await s3.listPage(bucket, prefix, token);
    pages.push(page);
    token = page.nextToken;
  } while (token);
  return pages;
}

beforeAll(async () => {
  useProfile('it');
  const wide = Array.from({ length: FOLDERS }, (_, i) => `wide/f${String(i).padStart(4, '0')}/x.txt`);
  await createBucket(adminClient(server), bucket, [
    ...TRICKY_KEYS,
    'top.txt',
    ...numberedKeys('many/', PAGED),
    ...wide,
  ]);
}, 180_000);

describe('listing', () => {
  it('lists the bucket with the seeded one among them', async () => {
    const buckets = await session().listBuckets();
    expect(buckets.map((b) => b.name)).toContain(bucket);
  });

  it('shows folders and objects one level deep', async () => {
    const [page] = await listAll(session(), '');
    expect(page?.folders).toEqual(['dir/', 'many/', 'unicodé/', 'wide/']);
    expect(page?.objects.map((o) => o.key)).toEqual(['top.txt', 'x#y?z%.txt']);
    expect(page?.objects[0]?.size).toBe(bodyFor('top.txt').length);
  });

  it('pages a prefix of 2,500 objects in pages of 1,000', async () => {
    const pages = await listAll(session(), 'many/');
    expect(pages.map((p) => p.objects.length)).toEqual([1000, 1000, 500]);
    expect(pages.flatMap((p) => p.objects.map((o) => o.key))).toEqual(numberedKeys('many/', PAGED));
  });

  it('asks for a smaller page when told to, and goes on from it with full pages', async () => {
    const s3 = session();
    const first = await s3.listPage(bucket, 'many/', undefined, 100);
    expect(first.objects.map((o) => o.key)).toEqual(numberedKeys('many/', PAGED).slice(0, 100));
    expect(first.nextToken).toBeDefined();
    const second = await s3.listPage(bucket, 'many/', first.nextToken);
    expect(second.objects.map((o) => o.key)).toEqual(numberedKeys('many/', PAGED).slice(100, 1100));
  });

  it('pages folders across more than one page', async () => {
    const pages = await listAll(session(), 'wide/');
    expect(pages.length).toBeGreaterThan(1);
    const folders = pages.flatMap((p) => p.folders);
    expect(folders).toHaveLength(FOLDERS);
    expect(new Set(folders).size).toBe(FOLDERS);
  });
});

describe('presigned GET', () => {
  it.each([...TRICKY_KEYS])('serves the exact bytes of %j', async (key) => {
    const presigned = await session().presign({ bucket, key, expiresInSeconds: 3600 });
    const response = await fetch(presigned.url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(key));
  });

  it('keeps the slashes of a key in the path', async () => {
    const { url } = await session().presign({ bucket, key: 'dir/sub dir/a b+c.txt', expiresInSeconds: 60 });
    expect(new URL(url).pathname).toBe(`/${bucket}/dir/sub%20dir/a%20b%2Bc.txt`);
  });

  it('carries no checksum parameters and the requested expiry', async () => {
    const presigned = await session().presign({ bucket, key: 'top.txt', expiresInSeconds: 86_400 });
    const query = new URL(presigned.url).searchParams;
    expect([...query.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
    expect(query.get('X-Amz-Expires')).toBe('86400');
    expect(presigned.expiresAt.getTime() - presigned.signedAt.getTime()).toBe(86_400_000);
  });

  it('is refused when one character of the signature changes', async () => {
    const { url } = await session().presign({ bucket, key: 'top.txt', expiresInSeconds: 3600 });
    const parsed = new URL(url);
    const signature = parsed.searchParams.get('X-Amz-Signature') ?? '';
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    parsed.searchParams.set('X-Amz-Signature', flipped);
    expect((await fetch(parsed)).status).toBe(403);
  });

  it('is refused once expired (signed in the past)', async () => {
    // An explicit signing date: a slow local clock alone is corrected to S3's time (link-check tests).
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const { url } = await session().presign({
      bucket,
      key: 'top.txt',
      expiresInSeconds: 3600,
      signingDate: twoHoursAgo,
    });
    expect((await fetch(url)).status).toBe(403);
  });

  it('a session whose clock is 2 h slow signs with S3’s time once an answer showed it', async () => {
    const s3 = session(() => new Date(Date.now() - 2 * 3600_000));
    await s3.listPage(bucket, 'top');
    expect(Math.round((s3.clockOffsetMs() ?? 0) / 60_000)).toBe(120);
    const presigned = await s3.presign({ bucket, key: 'top.txt', expiresInSeconds: 3600 });
    expect(presigned.clockOffsetMs).toBe(s3.clockOffsetMs());
    expect(Math.abs(presigned.signedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await fetch(presigned.url)).status).toBe(200);
  });
});

describe('presigned PUT', () => {
  it('uploads through the URL, with no checksum parameters in it', async () => {
    const key = 'uploads/new file ü.txt';
    const presigned = await session().presign({ bucket, key, expiresInSeconds: 600, method: 'PUT' });
    expect(presigned.method).toBe('PUT');
    expect([...new URL(presigned.url).searchParams.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);
    const upload = await fetch(presigned.url, { method: 'PUT', body: 'uploaded bytes' });
    expect(upload.status).toBe(200);
    const stored = await adminClient(server).send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    expect(await stored.Body?.transformToString()).toBe('uploaded bytes');
  });
});

describe('errors read as one line', () => {
  it('names a missing bucket', async () => {
    await expect(session().listPage(`${bucket}-missing`, '')).rejects.toThrow(
      /^NoSuchBucket \(HTTP 404\): the bucket does not exist\.$/,
    );
  });

  it('names an endpoint that refuses connections', async () => {
    const s3 = createS3Connector({ clock: { now: () => new Date() } }).connect({
      profile: 'it',
      region: server.region,
      endpointUrl: 'http://127.0.0.1:9',
      pathStyle: true,
    });
    await expect(s3.listBuckets()).rejects.toThrow('Cannot connect to http://127.0.0.1:9: connection refused.');
  });

  it('says when the credentials are wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-it-'));
    writeFileSync(
      join(dir, 'credentials'),
      `[bad]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = wrong\n`,
    );
    const before = process.env.AWS_SHARED_CREDENTIALS_FILE;
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    try {
      const s3 = createS3Connector({ clock: { now: () => new Date() } }).connect({
        profile: 'bad',
        region: server.region,
        endpointUrl: server.endpoint,
        pathStyle: true,
      });
      await expect(s3.listBuckets()).rejects.toThrow(/^SignatureDoesNotMatch \(HTTP 403\)/);
    } finally {
      process.env.AWS_SHARED_CREDENTIALS_FILE = before;
    }
  });
});
