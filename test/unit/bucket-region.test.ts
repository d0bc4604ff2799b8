import { Readable } from 'node:stream';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector, regionOfLocation } from '../../src/adapters/aws-s3.js';

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** An HTTP layer for the SDK that answers from a table and records what was asked. */
function fakeHttp(answer: (method: string, path: string, query: Record<string, unknown>) => Answer) {
  const asked: string[] = [];
  const handler = {
    async handle(request: { method: string; path: string; query?: Record<string, unknown> }) {
      const query = request.query ?? {};
      const name = `${request.method} ${request.path}${'location' in query ? '?location' : ''}`;
      asked.push(name);
      const { status, headers = {}, body = '' } = answer(request.method, request.path, query);
      return { response: { statusCode: status, headers, body: Readable.from([Buffer.from(body)]) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
  return { handler, asked };
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

function session(answer: Parameters<typeof fakeHttp>[0]) {
  const http = fakeHttp(answer);
  const s3 = createS3Connector({ clock: { now: () => new Date() }, requestHandler: http.handler as never }).connect({
    profile: 'p',
    region: 'us-east-1',
  });
  return { s3, asked: http.asked };
}

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
