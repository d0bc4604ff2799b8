import { CreateBucketCommand, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** The local S3 server started by test/support/global-setup.ts (or the environment). */
export function s3ServerFromEnv(env: NodeJS.ProcessEnv = process.env): S3Server {
  const { S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION } = env;
  if (!S3_ENDPOINT || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error('no local S3 server: run the tests through `npm test` (it starts one)');
  }
  return {
    endpoint: S3_ENDPOINT,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    region: S3_REGION ?? 'us-east-1',
  };
}

/** A client with the server's own keys, for seeding and checking (no checksums: RGW refuses some). */
export function adminClient(server: S3Server, config: S3ClientConfig = {}): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...config,
  });
}

/** Keys that have tripped up presigners: spaces, `+`, `#`, `?`, `%`, non-ASCII. */
export const TRICKY_KEYS = ['dir/sub dir/a b+c.txt', 'unicodé/ファイル.txt', 'x#y?z%.txt'] as const;

export function bodyFor(key: string): Buffer {
  return Buffer.from(`contents of ${key}\n`, 'utf8');
}

/** A unique bucket name per test run, so tests never see each other's objects. */
export function uniqueBucket(label: string): string {
  return `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
}

export async function createBucket(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  await putAll(client, bucket, keys);
}

/** Uploads with bounded concurrency (Buffers: the server refuses streams under default checksums). */
async function putAll(client: S3Client, bucket: string, keys: readonly string[], concurrency = 16) {
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++] as string;
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bodyFor(key) }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
}

export function numberedKeys(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(5, '0')}.log`);
}
