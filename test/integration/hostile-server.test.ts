/**
 * A hostile S3 server (test/support/hostile-server.ts) against the adapter: escape sequences where
 * regions go, continuation tokens that repeat, answers of hundreds of megabytes, thousands of
 * region lookups at once. Each test would hang, crash or pass the bytes on without the defences.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';
import { fileRegionCache } from '../../src/adapters/region-cache.js';
import { within } from '../support/bounded-cli.js';
import { EVIL, endlessBody, HostileServer, xml } from '../support/hostile-server.js';

let server: HostileServer;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  server = await HostileServer.start((_request, res) => xml(res, 404, '<Error><Code>NoSuchBucket</Code></Error>'));
  dir = mkdtempSync(join(tmpdir(), 's3share-hostile-'));
  writeFileSync(join(dir, 'config'), '[profile it]\nregion = us-east-1\n');
  writeFileSync(join(dir, 'credentials'), '[it]\naws_access_key_id = AKID\naws_secret_access_key = secret\n');
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
});

afterAll(async () => {
  process.env = saved;
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function connect(cachePath = join(mkdtempSync(join(dir, 'cache-')), 'regions.json'), timeoutMs = 20_000) {
  const s3 = createS3Connector({
    clock: { now: () => new Date() },
    regionCache: fileRegionCache(cachePath, { now: () => new Date() }),
    timeoutMs,
  }).connect({ profile: 'it', region: 'us-east-1', endpointUrl: server.endpoint, pathStyle: true });
  return { s3, cachePath };
}

const bucketsXml = (buckets: { name: string; region?: string }[], token?: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets>${buckets
    .map(
      (b) =>
        `<Bucket><Name>${b.name}</Name>${b.region === undefined ? '' : `<BucketRegion>${b.region}</BucketRegion>`}</Bucket>`,
    )
    .join('')}</Buckets>${token ? `<ContinuationToken>${token}</ContinuationToken>` : ''}</ListAllMyBucketsResult>`;

describe('regions from a hostile server', () => {
  it('drops a ListBuckets BucketRegion holding escape sequences, and never caches it', async () => {
    server.answerWith((_request, res) =>
      xml(
        res,
        200,
        bucketsXml([
          { name: 'evil', region: `us-east-1${EVIL}` },
          { name: 'good', region: 'eu-west-2' },
        ]),
      ),
    );
    const { s3, cachePath } = connect();
    const buckets = await s3.listBuckets();
    expect(buckets.map((b) => [b.name, b.region])).toEqual([
      ['evil', undefined],
      ['good', 'eu-west-2'],
    ]);
    const cached = readFileSync(cachePath, 'utf8');
    expect(cached).toContain('eu-west-2');
    expect(cached).not.toMatch(/\u001b|evil/);
  });

  it('ignores an x-amz-bucket-region header and a GetBucketLocation answer that are not region names', async () => {
    server.answerWith((request, res) => {
      if (request.method === 'HEAD') {
        // Node's HTTP parser refuses control characters in headers by itself; anything printable passes.
        res.writeHead(200, { 'x-amz-bucket-region': 'eu-west-1/../../see http://evil.example' });
        res.end();
        return;
      }
      xml(
        res,
        200,
        '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">Eu-West-1 [see http://evil.example]</LocationConstraint>',
      );
    });
    const { s3, cachePath } = connect();
    // Neither answer is a region: the session's own region is the guess, and nothing is remembered.
    expect(await s3.bucketRegion('b')).toBe('us-east-1');
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
    expect(existsSync(cachePath) ? readFileSync(cachePath, 'utf8') : 'no file').toBe('no file');
  });
});

describe('many buckets', () => {
  it('ListBuckets is always paged (AWS refuses unpaginated ones past 10,000 buckets), following each token', async () => {
    const total = 2500;
    server.answerWith((request, res) => {
      const start = Number(request.query.get('continuation-token') ?? '0');
      const size = Number(request.query.get('max-buckets'));
      const end = Math.min(total, start + size);
      const names = Array.from({ length: end - start }, (_, i) => ({
        name: `b-${String(start + i).padStart(5, '0')}`,
      }));
      xml(res, 200, bucketsXml(names, end < total ? String(end) : undefined));
    });
    const { s3 } = connect();
    const buckets = await s3.listBuckets();
    expect(buckets).toHaveLength(total);
    expect(new Set(buckets.map((b) => b.name)).size).toBe(total);
    expect(server.requests.map((r) => [r.query.get('max-buckets'), r.query.get('continuation-token')])).toEqual([
      ['1000', null],
      ['1000', '1000'],
      ['1000', '2000'],
    ]);
  });
});

describe('paging that never ends', () => {
  it('ListBuckets with a repeating ContinuationToken ends with a clear error after two pages', async () => {
    server.answerWith((request, res) => {
      const page = request.query.get('continuation-token') ?? 'first';
      xml(res, 200, bucketsXml([{ name: `bucket-${page}` }], 'same-token'));
    });
    const { s3 } = connect();
    await expect(within(s3.listBuckets(), 10_000, 'listBuckets')).rejects.toThrow(
      /same page \(a repeated continuation token\)/,
    );
    expect(server.requests.length).toBe(2);
  });

  it('ListBuckets whose pages add no new bucket ends too', async () => {
    let n = 0;
    server.answerWith((_request, res) => xml(res, 200, bucketsXml([{ name: 'only' }], `token-${(n += 1)}`)));
    const { s3 } = connect();
    await expect(within(s3.listBuckets(), 10_000, 'listBuckets')).rejects.toThrow(/listing stops here/);
    expect(server.requests.length).toBe(2);
  });
});

describe('huge answers', () => {
  const HUGE = 200 * 1024 * 1024;

  it('reads only the start of a 200 MB error answer and says so', async () => {
    const sent: Promise<number>[] = [];
    server.answerWith((_request, res) => void sent.push(endlessBody(res, 500, HUGE)));
    const { s3 } = connect();
    const heapBefore = process.memoryUsage().heapUsed;
    await expect(within(s3.listBuckets(), 30_000, 'listBuckets')).rejects.toThrow(
      /error answer \(HTTP 500\) is larger than 256 KB/,
    );
    const bytes = await Promise.all(sent);
    // Each attempt was cut off long before the end.
    for (const count of bytes) expect(count).toBeLessThan(32 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it('refuses a successful listing answer over 16 MB', async () => {
    const sent: Promise<number>[] = [];
    server.answerWith((request, res) => {
      if (request.method === 'HEAD') {
        res.writeHead(200, { 'x-amz-bucket-region': 'us-east-1' });
        res.end();
        return;
      }
      sent.push(endlessBody(res, 200, HUGE));
    });
    const { s3 } = connect();
    await expect(within(s3.listPage('b', ''), 30_000, 'listPage')).rejects.toThrow(
      /answer \(HTTP 200\) is larger than 16 MB/,
    );
    for (const count of await Promise.all(sent)) expect(count).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});

describe('many buckets', () => {
  it('looks up at most 8 bucket regions at once', async () => {
    server.answerWith(async (request, res) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      res.writeHead(request.method === 'HEAD' ? 200 : 404, { 'x-amz-bucket-region': 'eu-central-1' });
      res.end();
    });
    const { s3 } = connect();
    const names = Array.from({ length: 60 }, (_, i) => `bucket-${i}`);
    const regions = await Promise.all(names.map((name) => s3.bucketRegion(name)));
    expect(new Set(regions)).toEqual(new Set(['eu-central-1']));
    expect(server.requests.length).toBe(60);
    expect(server.maxInFlight).toBeLessThanOrEqual(8);
    expect(server.maxInFlight).toBeGreaterThan(1);
  });
});
