/**
 * What RGW cannot produce, rewritten by the fault proxy in front of it: the link check's GET
 * answered as S3 answers an archived object, a KMS key the signer may not use, a Requester Pays
 * bucket, a bucket in another region, an expired session. One test per message, through the
 * built CLI, with the stable problem code from --json.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { homeWithProfiles, runCli } from '../support/cli.js';
import { FaultProxy, is, type Fault } from '../support/fault-proxy.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('linkfaults');
const KEY = 'reports/q1.csv';
const target = `s3://${bucket}/${KEY}`;
const KMS_KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
let proxy: FaultProxy;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, [KEY]);
  proxy = await FaultProxy.start(server.endpoint);
  env = homeWithProfiles({ ...server, endpoint: proxy.url }, ['default']);
}, 120_000);

afterEach(async () => {
  // A region learned from a faked redirect must not follow into the next test.
  rmSync(join(env.HOME as string, '.cache'), { recursive: true, force: true });
  await proxy.passThrough();
  proxy.resetCounts();
});

afterAll(async () => {
  await proxy?.close();
  rmSync(env.HOME as string, { recursive: true, force: true });
});

/** Only the link check (a ranged GET of the object) gets the fault; the rest reaches RGW. */
const linkCheck = (r: Parameters<typeof is.any>[0]) => r.operation === 'GetObject' && r.headers.range === 'bytes=0-0';

/** Runs the CLI twice (plain, --json) under `fault`: exit 1, one stderr line, and the problem code. */
async function refused(fault: Fault, args: readonly string[] = []) {
  proxy.fail(fault, linkCheck);
  const plain = await runCli([...args, target], env);
  expect(plain.code, plain.stderr).toBe(1);
  expect(plain.stdout).toBe('');
  const lines = plain.stderr.trimEnd().split('\n');
  expect(lines, plain.stderr).toHaveLength(1);
  expect(lines[0]?.startsWith(`s3share-tui: ${target}: `)).toBe(true);
  const json = await runCli(['--json', ...args, target], env);
  expect(json.code).toBe(1);
  const parsed = JSON.parse(json.stdout) as { checked: boolean; problem: string; message: string };
  expect(parsed.checked).toBe(true);
  expect(lines[0]).toContain(parsed.message);
  return { line: lines[0] as string, problem: parsed.problem };
}

describe('answers only AWS gives, each with its own message', () => {
  it('403 InvalidObjectState, x-amz-storage-class GLACIER: archived, works only after a restore', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 403,
      code: 'InvalidObjectState',
      message: "The operation is not valid for the object's storage class",
      headers: { 'x-amz-storage-class': 'GLACIER' },
    });
    expect(problem).toBe('archived');
    expect(line).toContain('The object is in GLACIER storage and not restored: the link works only after a restore');
  });

  it('403 InvalidObjectState with a restore in progress: says the restore is still running', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 403,
      code: 'InvalidObjectState',
      message: "The operation is not valid for the object's storage class",
      headers: { 'x-amz-storage-class': 'DEEP_ARCHIVE', 'x-amz-restore': 'ongoing-request="true"' },
    });
    expect(problem).toBe('archived');
    expect(line).toContain('DEEP_ARCHIVE storage and its restore is still in progress');
  });

  it('403 AccessDenied for kms:Decrypt: names the key and the missing permission', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 403,
      code: 'AccessDenied',
      message: `User: arn:aws:iam::111122223333:user/sharer is not authorized to perform: kms:Decrypt on resource: ${KMS_KEY} because no identity-based policy allows the kms:Decrypt action`,
    });
    expect(problem).toBe('kms-denied');
    expect(line).toContain(
      `The object is encrypted with KMS key ${KMS_KEY} that profile “default” may not use (kms:Decrypt denied)`,
    );
  });

  it('403 from a Requester Pays bucket: explains and suggests --request-payer', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 403,
      code: 'AccessDenied',
      message: 'Bucket is a Requester Pays bucket; the request must include x-amz-request-payer=requester',
    });
    expect(problem).toBe('requester-pays');
    expect(line).toContain('The bucket is Requester Pays');
    expect(line).toContain('Sign with --request-payer');
  });

  it('--request-payer signs x-amz-request-payer=requester into the link, and the link still works', async () => {
    const run = await runCli(['--request-payer', target], env);
    expect(run.code, run.stderr).toBe(0);
    const url = run.stdout.trim();
    expect(new URL(url).searchParams.get('x-amz-request-payer')).toBe('requester');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(KEY));
  });

  it('301 with x-amz-bucket-region: signed again for that region, proven, and printed', async () => {
    proxy.failNext(
      1,
      {
        kind: 'status',
        status: 301,
        code: 'PermanentRedirect',
        message: 'The bucket you are attempting to access must be addressed using the specified endpoint.',
        headers: { 'x-amz-bucket-region': 'eu-west-1' },
      },
      linkCheck,
    );
    const run = await runCli(['--json', target], env);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as { url: string; region: string; checked: boolean };
    expect(json).toMatchObject({ region: 'eu-west-1', checked: true });
    expect(new URL(json.url).searchParams.get('X-Amz-Credential')?.split('/')[2]).toBe('eu-west-1');
    expect(proxy.count(linkCheck)).toBe(2);
  });

  it('301 to another region, every time: says the bucket lives elsewhere and what to do', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 301,
      code: 'PermanentRedirect',
      message: 'The bucket you are attempting to access must be addressed using the specified endpoint.',
    });
    expect(problem).toBe('wrong-region');
    expect(line).toContain(`The bucket lives in another region, not ${server.region} where the link was signed`);
  });

  it('400 ExpiredToken: the credentials of the profile expired, with the aws sso login to run', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 400,
      code: 'ExpiredToken',
      message: 'The provided token has expired.',
    });
    expect(problem).toBe('credentials-expired');
    expect(line).toContain(
      'The credentials of profile “default” have expired or were revoked: run `aws sso login --profile default`',
    );
  });

  it('403 AccessDenied: the profile may not read the object', async () => {
    const { line, problem } = await refused({
      kind: 'status',
      status: 403,
      code: 'AccessDenied',
      message: 'Access Denied',
    });
    expect(problem).toBe('access-denied');
    expect(line).toContain('The credentials of profile “default” may not read this object (AccessDenied)');
  });

  it('--no-check prints the link without asking S3 anything about it', async () => {
    proxy.fail({ kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied' }, linkCheck);
    const run = await runCli(['--no-check', target], env);
    expect(run.code).toBe(0);
    expect(proxy.count(linkCheck)).toBe(0);
  });
});
