import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector, regionOfLocation } from '../../src/adapters/aws-s3.js';
import type { RegionCache } from '../../src/adapters/region-cache.js';

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** An HTTP layer for the SDK that answers from a table and records what was asked. */
function fakeHttp(answer: (method: string, path: string, query: Record<string, unknown>) => Answer) {
  const asked: string[] = [];
  /** The region each request was signed for, from its Authorization header's credential scope. */
  const signedFor: string[] = [];
  const handler = {
    handle(request: {
      method: string;
      path: string;
      query?: Record<string, unknown>;
      headers?: Record<string, string>;
    }) {
      const query = request.query ?? {};
      const name = `${request.method} ${request.path}${'location' in query ? '?location' : ''}`;
      asked.push(name);
      signedFor.push(/Credential=[^/]+\/\d{8}\/([^/]+)\/s3\//.exec(request.headers?.authorization ?? '')?.[1] ?? '?');
      const { status, headers = {}, body = '' } = answer(request.method, request.path, query);
      return Promise.resolve({ response: { statusCode: status, headers, body: Readable.from([Buffer.from(body)]) } });
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
  return { handler, asked, signedFor };
}

const LIST_BUCKETS = `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult><Buckets>
<Bucket><Name>eu-bucket</Name><BucketRegion>eu-west-2</BucketRegion></Bucket>
</Buckets></ListAllMyBucketsResult>`;

const saved = { ...process.env };
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 's3share-region-'));
  writeFileSync(join(dir, 'credentials'), '[p]\naws_access_key_id = AKID\naws_secret_access_key = secret\n');
  writeFileSync(join(dir, 'config'), '[profile p]\nregion = us-east-1\n');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
});
afterAll(() => {
  process.env = saved;
});

function session(answer: Parameters<typeof fakeHttp>[0], regionCache?: RegionCache) {
  const http = fakeHttp(answer);
  const s3 = createS3Connector({
    clock: { now: () => new Date() },
    requestHandler: http.handler as never,
    ...(regionCache ? { regionCache } : {}),
  }).connect({
    profile: 'p',
    region: 'us-east-1',
  });
  return { s3, asked: http.asked, signedFor: http.signedFor };
}

/** A region cache in memory, keyed as the file one is (AWS itself when there is no endpoint). */
function memoryCache(initial: Record<string, string> = {}) {
  const regions = new Map(Object.entries(initial));
  const key = (endpoint: string | undefined, bucket: string) => `${endpoint ?? 'aws'} ${bucket}`;
  const cache: RegionCache = {
    get: (endpoint, bucket) => regions.get(key(endpoint, bucket)),
    set: (endpoint, bucket, region) => void regions.set(key(endpoint, bucket), region),
    forget: (endpoint, bucket) => void regions.delete(key(endpoint, bucket)),
  };
  return { cache, regions };
}

const EMPTY_LISTING = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix><KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>`;

const s3Error = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message><RequestId>R</RequestId></Error>`;

const LOCATION = (region: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${region}</LocationConstraint>`;

/** A server where bucket b lives in ap-south-1 and answers a listing signed for it. */
const apSouthBucket = (method: string, _path: string, query: Record<string, unknown>): Answer =>
  method === 'HEAD'
    ? { status: 200, headers: { 'x-amz-bucket-region': 'ap-south-1' } }
    : 'list-type' in query
      ? { status: 200, body: EMPTY_LISTING }
      : { status: 500 };

describe("the bucket's region", () => {
  it('comes from ListBuckets when it carries BucketRegion, with no further request', async () => {
    const { s3, asked } = session((method) =>
      method === 'GET' ? { status: 200, body: LIST_BUCKETS } : { status: 500 },
    );
    await s3.listBuckets();
    expect(await s3.bucketRegion('eu-bucket')).toBe('eu-west-2');
    expect(asked).toEqual(['GET /']);
  });

  it("comes from HeadBucket's x-amz-bucket-region, once per bucket", async () => {
    const { s3, asked } = session(() => ({ status: 200, headers: { 'x-amz-bucket-region': 'ap-south-1' } }));
    expect(await s3.bucketRegion('b')).toBe('ap-south-1');
    expect(await s3.bucketRegion('b')).toBe('ap-south-1');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^HEAD /);
  });

  it('is read from the header of a 301 redirect or a 403 too', async () => {
    for (const status of [301, 403]) {
      const { s3 } = session(() => ({ status, headers: { 'x-amz-bucket-region': 'sa-east-1' } }));
      expect(await s3.bucketRegion('b')).toBe('sa-east-1');
    }
  });

  it('falls back to GetBucketLocation when HeadBucket names none', async () => {
    const { s3, asked } = session((method, _path, query) =>
      method === 'HEAD'
        ? { status: 200 }
        : 'location' in query
          ? {
              status: 200,
              body: '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">eu-central-1</LocationConstraint>',
            }
          : { status: 500 },
    );
    expect(await s3.bucketRegion('b')).toBe('eu-central-1');
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['HEAD', 'GET']);
  });

  it("falls back to the session's region when nothing says", async () => {
    const { s3 } = session(() => ({ status: 403 }));
    expect(await s3.bucketRegion('b')).toBe('us-east-1');
  });

  it('signs for the region it found', async () => {
    const { s3 } = session(() => ({ status: 200, headers: { 'x-amz-bucket-region': 'eu-north-1' } }));
    const presigned = await s3.presign({ bucket: 'b', key: 'k', expiresInSeconds: 60 });
    expect(presigned.region).toBe('eu-north-1');
    expect(new URL(presigned.url).searchParams.get('X-Amz-Credential')).toContain('/eu-north-1/s3/aws4_request');
  });

  it('reads GetBucketLocation answers as regions', () => {
    expect(regionOfLocation(undefined)).toBe('us-east-1');
    expect(regionOfLocation('')).toBe('us-east-1');
    expect(regionOfLocation('EU')).toBe('eu-west-1');
    expect(regionOfLocation('ap-south-2')).toBe('ap-south-2');
  });
});

describe('regions remembered between runs', () => {
  it('uses a remembered region with no HeadBucket or GetBucketLocation at all', async () => {
    const { cache } = memoryCache({ 'aws b': 'eu-west-3' });
    const { s3, asked, signedFor } = session(
      (method, _path, query) => ('list-type' in query ? { status: 200, body: EMPTY_LISTING } : { status: 500 }),
      cache,
    );
    expect(await s3.bucketRegion('b')).toBe('eu-west-3');
    expect(asked).toEqual([]);
    await s3.listPage('b', '');
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^GET /);
    expect(signedFor).toEqual(['eu-west-3']);
    const presigned = await s3.presign({ bucket: 'b', key: 'k', expiresInSeconds: 60 });
    expect(presigned.region).toBe('eu-west-3');
    expect(new URL(presigned.url).searchParams.get('X-Amz-Credential')).toContain('/eu-west-3/s3/aws4_request');
    expect(new URL(presigned.url).hostname).toBe('s3.eu-west-3.amazonaws.com');
    expect(asked).toHaveLength(1);
  });

  it("signs with a remembered region without asking, and only for that endpoint's bucket", async () => {
    const { cache } = memoryCache({ 'http://elsewhere:9000 b': 'eu-west-3', 'aws other': 'eu-west-3' });
    const { s3, asked } = session(apSouthBucket, cache);
    const presigned = await s3.presign({ bucket: 'b', key: 'k', expiresInSeconds: 60 });
    expect(presigned.region).toBe('ap-south-1');
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['HEAD']);
  });

  it("remembers the region from HeadBucket's header, on a 200, 301 or 403", async () => {
    for (const status of [200, 301, 403]) {
      const { cache, regions } = memoryCache();
      const { s3 } = session(() => ({ status, headers: { 'x-amz-bucket-region': 'sa-east-1' } }), cache);
      expect(await s3.bucketRegion('b')).toBe('sa-east-1');
      expect(Object.fromEntries(regions), `HTTP ${status}`).toEqual({ 'aws b': 'sa-east-1' });
    }
  });

  it('remembers the region from GetBucketLocation', async () => {
    for (const [constraint, region] of [
      ['eu-central-1', 'eu-central-1'],
      ['EU', 'eu-west-1'],
      ['', 'us-east-1'],
    ] as const) {
      const { cache, regions } = memoryCache();
      const { s3, asked } = session(
        (method, _path, query) =>
          method === 'HEAD'
            ? { status: 403 }
            : 'location' in query
              ? { status: 200, body: LOCATION(constraint) }
              : { status: 500 },
        cache,
      );
      expect(await s3.bucketRegion('b')).toBe(region);
      expect(asked.map((a) => a.split(' ')[0])).toEqual(['HEAD', 'GET']);
      expect(Object.fromEntries(regions), constraint).toEqual({ 'aws b': region });
    }
  });

  it("does not remember the session's region when it is only a guess", async () => {
    const { cache, regions } = memoryCache();
    const { s3, asked } = session(() => ({ status: 403, body: s3Error('AccessDenied') }), cache);
    expect(await s3.bucketRegion('b')).toBe('us-east-1');
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['HEAD', 'GET']);
    expect(regions.size).toBe(0);
    // The next run asks again.
    const next = session(() => ({ status: 200, headers: { 'x-amz-bucket-region': 'ca-central-1' } }), cache);
    expect(await next.s3.bucketRegion('b')).toBe('ca-central-1');
    expect(next.asked).toHaveLength(1);
  });

  it("remembers ListBuckets' BucketRegion", async () => {
    const { cache, regions } = memoryCache();
    const { s3 } = session(
      (method) => (method === 'GET' ? { status: 200, body: LIST_BUCKETS } : { status: 500 }),
      cache,
    );
    await s3.listBuckets();
    expect(Object.fromEntries(regions)).toEqual({ 'aws eu-bucket': 'eu-west-2' });
    // A later run needs no request for it.
    const next = session(() => ({ status: 500 }), cache);
    expect(await next.s3.bucketRegion('eu-bucket')).toBe('eu-west-2');
    expect(next.asked).toEqual([]);
  });

  it.each([
    [301, 'PermanentRedirect'],
    [400, 'AuthorizationHeaderMalformed'],
  ])(
    'when a remembered region is refused (%i), looks it up afresh and sends the listing again',
    async (status, code) => {
      const { cache, regions } = memoryCache({ 'aws b': 'eu-west-3' });
      const { s3, asked, signedFor } = session((method, _path, query) => {
        if (method === 'HEAD') return { status: 200, headers: { 'x-amz-bucket-region': 'ap-south-1' } };
        if (!('list-type' in query)) return { status: 500 };
        return signedFor.at(-1) === 'ap-south-1'
          ? { status: 200, body: EMPTY_LISTING }
          : { status, body: s3Error(code), headers: { 'x-amz-bucket-region': 'ap-south-1' } };
      }, cache);
      await s3.listPage('b', '');
      expect(asked.map((a) => a.split(' ')[0])).toEqual(['GET', 'HEAD', 'GET']);
      expect(signedFor[0]).toBe('eu-west-3');
      expect(signedFor.at(-1)).toBe('ap-south-1');
      expect(Object.fromEntries(regions)).toEqual({ 'aws b': 'ap-south-1' });
      // The next run goes straight to the new region.
      const next = session(
        (method, _path, query) => ('list-type' in query ? { status: 200, body: EMPTY_LISTING } : { status: 500 }),
        cache,
      );
      await next.s3.listPage('b', '');
      expect(next.asked.map((a) => a.split(' ')[0])).toEqual(['GET']);
      expect(next.signedFor).toEqual(['ap-south-1']);
    },
  );

  it('gives up after one fresh lookup when the bucket still refuses, and remembers what the lookup said', async () => {
    const { cache, regions } = memoryCache({ 'aws b': 'eu-west-3' });
    const { s3, asked } = session(
      (method, _path, query) =>
        method === 'HEAD'
          ? { status: 200, headers: { 'x-amz-bucket-region': 'ap-south-1' } }
          : 'list-type' in query
            ? { status: 400, body: s3Error('InvalidArgument') }
            : { status: 500 },
      cache,
    );
    await expect(s3.listPage('b', '')).rejects.toThrow(/InvalidArgument/);
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['GET', 'HEAD', 'GET']);
    expect(Object.fromEntries(regions)).toEqual({ 'aws b': 'ap-south-1' });
  });

  it('does not send the request again when the fresh lookup gives the same region', async () => {
    const { cache, regions } = memoryCache({ 'aws b': 'eu-west-3' });
    const { s3, asked } = session(
      (method) =>
        method === 'HEAD'
          ? { status: 200, headers: { 'x-amz-bucket-region': 'eu-west-3' } }
          : { status: 403, body: s3Error('AccessDenied') },
      cache,
    );
    await expect(s3.listPage('b', '')).rejects.toThrow(/AccessDenied/);
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['GET', 'HEAD']);
    expect(Object.fromEntries(regions)).toEqual({ 'aws b': 'eu-west-3' });
  });

  it('keeps a remembered region when HeadObject answers 404 (a missing key says nothing about the region)', async () => {
    const { cache, regions } = memoryCache({ 'aws b': 'eu-west-3' });
    const { s3, asked } = session((method) => (method === 'HEAD' ? { status: 404 } : { status: 500 }), cache);
    await expect(s3.headObject('b', 'missing.txt')).rejects.toThrow(/404/);
    expect(asked).toHaveLength(1);
    expect(regions.get('aws b')).toBe('eu-west-3');
    // Still used, in this session and the next, with no lookup.
    expect(await s3.bucketRegion('b')).toBe('eu-west-3');
    const next = session(() => ({ status: 500 }), cache);
    expect(await next.s3.bucketRegion('b')).toBe('eu-west-3');
    expect(next.asked).toEqual([]);
  });

  it('retries HeadObject in the looked-up region when the remembered one answers 301 with no body', async () => {
    const { cache, regions } = memoryCache({ 'aws b': 'eu-west-3' });
    const { s3, asked, signedFor } = session((method, path): Answer => {
      if (path === '/b' || path === '/b/') return { status: 301, headers: { 'x-amz-bucket-region': 'ap-south-1' } };
      return signedFor.at(-1) === 'ap-south-1'
        ? { status: 200, headers: { 'content-length': '3' } }
        : { status: 301, headers: { 'x-amz-bucket-region': 'ap-south-1' } };
    }, cache);
    expect(await s3.headObject('b', 'k')).toMatchObject({ key: 'k' });
    expect(asked.map((a) => a.split(' ')[0])).toEqual(['HEAD', 'HEAD', 'HEAD']);
    // The lookup itself goes through the session's own region.
    expect(signedFor).toEqual(['eu-west-3', 'us-east-1', 'ap-south-1']);
    expect(regions.get('aws b')).toBe('ap-south-1');
  });

  it('keeps a region looked up in this session when a request there fails', async () => {
    const { cache, regions } = memoryCache();
    const { s3 } = session(
      (method, _path, query) =>
        method === 'HEAD'
          ? { status: 200, headers: { 'x-amz-bucket-region': 'ap-south-1' } }
          : 'list-type' in query
            ? { status: 400, body: s3Error('InvalidArgument') }
            : { status: 500 },
      cache,
    );
    await expect(s3.listPage('b', '')).rejects.toThrow();
    expect(Object.fromEntries(regions)).toEqual({ 'aws b': 'ap-south-1' });
  });
});
