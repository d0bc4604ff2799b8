import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from '../../src/adapters/aws-presign.js';
import { attachmentDisposition } from '../../src/core/content-disposition.js';
import type { Connection, HttpMethod } from '../../src/core/ports.js';

// The client-free signer must produce, byte for byte, the URL the S3 client would presign with
// the same settings (no x-id, UNSIGNED-PAYLOAD implicit), across endpoints, regions and keys.
const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const SIGNED_AT = new Date('2026-11-28T12:34:56Z');
// Version ids are opaque strings; RGW's hold characters that need escaping in a query.
const VERSION_ID = 'Z.8k+x/y=3LqF~_-!';

async function sdkUrl(
  connection: Connection,
  region: string,
  bucket: string,
  key: string,
  method: HttpMethod,
  downloadName?: string,
  versionId?: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = KEYS,
) {
  const client = new S3Client({
    region,
    credentials,
    ...(connection.endpointUrl ? { endpoint: connection.endpointUrl } : {}),
    forcePathStyle: connection.pathStyle === true,
    useGlobalEndpoint: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const command =
    method === 'PUT'
      ? new PutObjectCommand({ Bucket: bucket, Key: key })
      : new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ...(downloadName ? { ResponseContentDisposition: attachmentDisposition(downloadName) } : {}),
          ...(versionId ? { VersionId: versionId } : {}),
        });
  type Args = { request: { query?: Record<string, unknown> } };
  const stack = command.middlewareStack as unknown as {
    add(
      middleware: (next: (args: Args) => Promise<unknown>) => (args: Args) => Promise<unknown>,
      options: object,
    ): void;
  };
  stack.add(
    (next) => async (args) => {
      delete args.request.query?.['x-id'];
      return next(args);
    },
    { step: 'build', name: 'dropOperationId' },
  );
  return getSignedUrl(client, command, {
    expiresIn: 3600,
    signingDate: SIGNED_AT,
    unhoistableHeaders: new Set(['x-amz-content-sha256']),
    unsignableHeaders: new Set(['x-amz-content-sha256']),
  });
}

describe('the client-free signer', () => {
  const saved = { ...process.env };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-equivalence-'));
    writeFileSync(join(dir, 'config'), '[profile p]\nregion = eu-west-1\n');
    writeFileSync(
      join(dir, 'credentials'),
      `[p]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    );
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    for (const name of ['AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT', 'AWS_PROFILE']) delete process.env[name];
  });

  afterAll(() => {
    process.env = saved;
  });

  const connections: Array<[string, Omit<Connection, 'profile'>]> = [
    ['AWS', {}],
    ['AWS, path-style', { pathStyle: true }],
    ['a local server', { endpointUrl: 'http://127.0.0.1:7480', pathStyle: true }],
    ['a named server, virtual-hosted', { endpointUrl: 'https://objects.example.com' }],
    ['a server under a path', { endpointUrl: 'https://gw.example.com/s3', pathStyle: true }],
  ];
  const keys = [
    'report.csv',
    'dir/sub/file name (1).pdf',
    'üñí©ødé/ключ 雪.txt',
    "quote'star*!~tilde.txt",
    '/leading/slash',
    'double//slash/',
    'plus+and=equals&amp;?.txt',
    // Already percent-encoded text stays text: %2F is not a slash.
    'percent%2Fslash/%25%20.txt',
  ];

  for (const [label, settings] of connections) {
    for (const region of ['us-east-1', 'eu-west-1']) {
      for (const bucket of ['exports-bucket', 'dotted.bucket.name']) {
        it(`signs like the S3 client: ${label}, ${region}, ${bucket}`, async () => {
          const connection: Connection = { profile: 'p', ...settings };
          const signer = createSigner(connection, { clock: { now: () => SIGNED_AT } });
          for (const key of keys) {
            const cases = [
              ['GET'],
              ['GET', 'Q3 résumé.pdf'],
              ['PUT'],
              ['GET', undefined, VERSION_ID],
              ['GET', 'a.pdf', '3'],
            ];
            for (const [method, downloadName, versionId] of cases as Array<[HttpMethod, string?, string?]>) {
              const request = {
                bucket,
                key,
                method,
                expiresInSeconds: 3600,
                ...(downloadName ? { downloadName } : {}),
                ...(versionId ? { versionId } : {}),
              };
              const ours = await signer.presign(request, region);
              const sdk = await sdkUrl(connection, region, bucket, key, method, downloadName, versionId);
              expect(ours.url, `${method} ${key}`).toBe(sdk);
              expect(ours.versionId).toBe(versionId);
            }
          }
        });
      }
    }
  }

  it('signs with a session token, and a prepared batch signs each link as presign does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-equivalence-'));
    const token = 'FwoGZXIvYXdzEJr//////////wEaDH+token/with=odd&chars';
    writeFileSync(
      join(dir, 'credentials'),
      `[temp]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\naws_session_token = ${token}\n`,
    );
    const shared = process.env.AWS_SHARED_CREDENTIALS_FILE;
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    try {
      const connection: Connection = { profile: 'temp', endpointUrl: 'http://127.0.0.1:7480', pathStyle: true };
      const signer = createSigner(connection, { clock: { now: () => SIGNED_AT } });
      const sign = await signer.prepare('eu-west-1');
      for (const key of keys) {
        const request = { bucket: 'exports-bucket', key, expiresInSeconds: 3600, versionId: VERSION_ID };
        const batch = sign(request);
        expect(batch.url).toBe((await signer.presign(request, 'eu-west-1')).url);
        const sdk = await sdkUrl(connection, 'eu-west-1', 'exports-bucket', key, 'GET', undefined, VERSION_ID, {
          ...KEYS,
          sessionToken: token,
        });
        expect(batch.url).toBe(sdk);
        expect(new URL(batch.url).searchParams.get('X-Amz-Security-Token')).toBe(token);
      }
    } finally {
      process.env.AWS_SHARED_CREDENTIALS_FILE = shared;
    }
  });

  it('follows the profile’s use_dualstack_endpoint and use_fips_endpoint, as the client does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-equivalence-'));
    writeFileSync(
      join(dir, 'config'),
      `[profile fast]\nregion = us-west-2\nuse_dualstack_endpoint = true\nuse_fips_endpoint = true\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`,
    );
    const shared = process.env.AWS_CONFIG_FILE;
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    try {
      const signer = createSigner({ profile: 'fast' }, { clock: { now: () => SIGNED_AT } });
      const presigned = await signer.presign({ bucket: 'bucket', key: 'k', expiresInSeconds: 60 }, 'us-west-2');
      expect(new URL(presigned.url).host).toBe('bucket.s3-fips.dualstack.us-west-2.amazonaws.com');
    } finally {
      process.env.AWS_CONFIG_FILE = shared;
    }
  });
});
