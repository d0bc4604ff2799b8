import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';

// "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", Amazon S3 API
// Reference: the published example request and its signature.
const EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  signature: 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
};

describe('presigning through the project path', () => {
  const saved = { ...process.env };

  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-sigv4-'));
    writeFileSync(join(dir, 'config'), '[profile example]\nregion = us-east-1\n');
    writeFileSync(
      join(dir, 'credentials'),
      `[example]\naws_access_key_id = ${EXAMPLE.accessKeyId}\naws_secret_access_key = ${EXAMPLE.secretAccessKey}\n`,
    );
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  });

  afterAll(() => {
    process.env = saved;
  });

  it('reproduces the published SigV4 example signature', async () => {
    const signingDate = new Date('2013-05-24T00:00:00Z');
    const session = createS3Connector({ clock: { now: () => signingDate } }).connect({
      profile: 'example',
      region: 'us-east-1',
    });
    const presigned = await session.presign({
      bucket: 'examplebucket',
      key: 'test.txt',
      expiresInSeconds: 86_400,
      bucketRegion: 'us-east-1',
    });
    const url = new URL(presigned.url);
    expect(url.origin + url.pathname).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
    expect([...url.searchParams.keys()]).toEqual([
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Expires',
      'X-Amz-Signature',
      'X-Amz-SignedHeaders',
    ]);
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request');
    expect(url.searchParams.get('X-Amz-Signature')).toBe(EXAMPLE.signature);
    expect(presigned.expiresAt.toISOString()).toBe('2013-05-25T00:00:00.000Z');
    expect(presigned.credentialsExpireAt).toBeUndefined();
  });
});
