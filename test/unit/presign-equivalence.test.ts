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

async function sdkUrl(connection: Connection, region: string, bucket: string, key: string, method: HttpMethod, downloadName?: string) {
  const client = new S3Client({
    region,
    credentials: KEYS,
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
        });
  type Args = { request: { query?: Record<string, unknown> } };
  const stack = command.middlewareStack as unknown as {
    add(middleware: (next: (args: Args) => Promise<unknown>) => (args: Args) => Promise<unknown>, options: object): void;
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
    writeFileSync(join(dir, 'credentials'), `[p]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`);
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
  ];

  for (const [label, settings] of connections) {
    for (const region of ['us-east-1', 'eu-west-1']) {
      for (const bucket of ['exports-bucket', 'dotted.bucket.name']) {
        it(`signs like the S3 client: ${label}, ${region}, ${bucket}`, async () => {
          const connection: Connection = { profile: 'p', ...settings };
          const signer = createSigner(connection, { clock: { now: () => SIGNED_AT } });
          for (const key of keys) {
            for (const [method, downloadName] of [['GET'], ['GET', 'Q3 résumé.pdf'], ['PUT']] as Array<[HttpMethod, string?]>) {
              const ours = await signer.presign(
                { bucket, key, method, expiresInSeconds: 3600, ...(downloadName ? { downloadName } : {}) },
                region,
              );
              expect(ours.url, `${method} ${key}`).toBe(await sdkUrl(connection, region, bucket, key, method, downloadName));
            }
          }
        });
      }
    }
  }

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
