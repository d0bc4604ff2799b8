/**
 * Links proven before they are shown, against Ceph RGW: the built CLI fetches each GET link with
 * `Range: bytes=0-0` and says, in words, what a recipient would hit. What RGW can produce is
 * produced here (an SSE-C object, a versioned delete, a wrong clock, a wrong secret); what it
 * cannot (archive tiers, KMS, Requester Pays, another region) is in link-check-faults.test.ts.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DeleteObjectCommand, PutBucketVersioningCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Connector } from '../../src/adapters/aws-s3.js';
import type { S3Session } from '../../src/core/ports.js';
import { CLI } from '../support/app.js';
import { useSdkProfileIt } from '../support/aws-home.js';
import { homeWithProfiles, runCli, type CliRun } from '../support/cli.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('linkcheck');
const PLAIN = 'docs/plain.txt';
const SSE_C = 'secret/customer-key.bin';
const GONE = 'versioned/deleted.txt';
const PDF = 'docs/manual.pdf';
const CUSTOMER_KEY = Buffer.alloc(32, 7);
let env: NodeJS.ProcessEnv;
let removeSdkProfile: () => void;

beforeAll(async () => {
  const admin = adminClient(server);
  await createBucket(admin, bucket, [PLAIN]);
  await admin.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
  await admin.send(new PutObjectCommand({ Bucket: bucket, Key: GONE, Body: bodyFor(GONE) }));
  await admin.send(new DeleteObjectCommand({ Bucket: bucket, Key: GONE }));
  await admin.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: PDF,
      Body: Buffer.from('%PDF-1.4\n'),
      ContentType: 'application/octet-stream',
    }),
  );
  await admin.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: SSE_C,
      Body: bodyFor(SSE_C),
      SSECustomerAlgorithm: 'AES256',
      SSECustomerKey: CUSTOMER_KEY.toString('base64'),
      SSECustomerKeyMD5: createHash('md5').update(CUSTOMER_KEY).digest('base64'),
    }),
  );
  env = homeWithProfiles(server, ['default']);
  removeSdkProfile = useSdkProfileIt(server);
}, 120_000);

afterAll(() => {
  rmSync(env.HOME as string, { recursive: true, force: true });
  removeSdkProfile();
  delete process.env.AWS_CONFIG_FILE;
  delete process.env.AWS_SHARED_CREDENTIALS_FILE;
});

function session(): S3Session {
  return createS3Connector({ clock: { now: () => new Date() } }).connect({
    profile: 'it',
    region: server.region,
    endpointUrl: server.endpoint,
    pathStyle: true,
  });
}

/** Exit 1, nothing on stdout, one line on stderr: the program's name, the object, the reason. */
function expectProblem(run: CliRun, key: string, words: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]?.startsWith(`s3share-tui: s3://${bucket}/${key}: `)).toBe(true);
  expect(lines[0]).toMatch(words);
}

/** The built CLI under `faketime -f OFFSET`: the whole process sees a shifted clock. */
function runUnderFaketime(offset: string, args: readonly string[], environment: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn('faketime', ['-f', offset, process.execPath, CLI, ...args], {
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`faketime ${offset} s3share-tui ${args.join(' ')} did not finish in 30 s`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('a good link', () => {
  it('is proven by one ranged GET of the link itself, and --json says checked: true', async () => {
    const run = await runCli(['--json', '--debug', `s3://${bucket}/${PLAIN}`], env);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ checked: true, key: PLAIN });
    const checks = run.stderr.split('\n').filter((line) => line.includes('(link check'));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatch(/→ 206 /);
    expect(run.stderr).not.toMatch(/HEAD \S+docs\/plain\.txt/);
    expect(run.stderr).not.toMatch(/X-Amz-Signature=(?!REDACTED)/);
  });

  it('--no-check signs without any check, and --json says checked: false', async () => {
    const run = await runCli(['--json', '--no-check', `s3://${bucket}/missing-yet.txt`], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ checked: false });
  });

  it('--content-type signs response-content-type: a PDF stored as octet-stream is served as application/pdf', async () => {
    const run = await runCli(['--content-type', 'application/pdf', `s3://${bucket}/${PDF}`], env);
    expect(run.code, run.stderr).toBe(0);
    const url = run.stdout.trim();
    expect(new URL(url).searchParams.get('response-content-type')).toBe('application/pdf');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
  });
});

describe('an object encrypted with a customer-provided key (SSE-C)', () => {
  it('non-interactive: exit 1 naming SSE-C and the headers a recipient must send', async () => {
    expectProblem(
      await runCli([`s3://${bucket}/${SSE_C}`], env),
      SSE_C,
      /customer-provided key \(SSE-C\).*x-amz-server-side-encryption-customer-\*/,
    );
  });

  it('--json: the URL, checked: true, problem "sse-c" and the message', async () => {
    const run = await runCli(['--json', `s3://${bucket}/${SSE_C}`], env);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ checked: true, problem: 'sse-c' });
    expect(json.message).toMatch(/SSE-C/);
    // The link really is refused, as the check said.
    expect((await fetch(json.url as string)).status).toBe(400);
  });

  it('is known before signing: describeObject names SSE-C from HeadObject’s bare 400', async () => {
    const facts = await session().describeObject(bucket, SSE_C);
    expect(facts).toMatchObject({ encryption: 'SSE-C', problem: { code: 'sse-c' } });
  });
});

describe('an object deleted in a versioned bucket', () => {
  it('non-interactive: exit 1, the object is gone', async () => {
    expectProblem(await runCli([`s3://${bucket}/${GONE}`], env), GONE, /deleted|does not exist/);
  });

  it('--json says object-gone', async () => {
    const run = await runCli(['--json', `s3://${bucket}/${GONE}`], env);
    expect(JSON.parse(run.stdout)).toMatchObject({ checked: true, problem: 'object-gone' });
  });
});

describe('what the expiry screen shows: describeObject', () => {
  it('size, content type, last modified, storage class, encryption, version, and a viewable type', async () => {
    const facts = await session().describeObject(bucket, PDF);
    expect(facts).toMatchObject({
      bucket,
      key: PDF,
      size: 9,
      contentType: 'application/octet-stream',
      storageClass: 'STANDARD',
      suggestedContentType: 'application/pdf',
    });
    expect(facts.lastModified).toBeInstanceOf(Date);
    expect(facts.versionId).toEqual(expect.any(String));
    expect(facts.encryption).toEqual(expect.any(String));
    expect(facts.problem).toBeUndefined();
  });

  it('a missing object rejects with one line', async () => {
    await expect(session().describeObject(bucket, 'nothing/here')).rejects.toThrow(/HTTP 404/);
  });
});

describe('a local clock 3 hours off', () => {
  it.each([
    ['-3h', 'behind'],
    ['+3h', 'ahead of'],
  ])('faketime %s: the link is signed with S3’s time, fetches 200, and stderr warns', async (offset, direction) => {
    const home = homeWithProfiles(server, ['default']);
    try {
      // Twice: first with the bucket's region to look up (the SDK's answer teaches the offset),
      // then with it remembered (the link check's own answer teaches it).
      for (const round of [1, 2]) {
        const run = await runUnderFaketime(offset, ['--json', `s3://${bucket}/${PLAIN}`], home);
        expect(run.code, `round ${round}: ${run.stderr}`).toBe(0);
        expect(run.stderr).toBe(
          `s3share-tui: warning: your clock is 3 h 0 m ${direction} S3's; links are signed with S3's time\n`,
        );
        const json = JSON.parse(run.stdout) as { url: string; expiresAt: string; checked: boolean };
        expect(json.checked).toBe(true);
        // Expiry times in S3's (here: the real) time.
        expect(Math.abs(Date.parse(json.expiresAt) - (Date.now() + 3600_000))).toBeLessThan(120_000);
        const response = await fetch(json.url);
        expect(response.status).toBe(200);
        expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(PLAIN));
      }
    } finally {
      rmSync(home.HOME as string, { recursive: true, force: true });
    }
  });
});

describe('a wrong signature', () => {
  it('a tampered link is still caught by the check', async () => {
    const s3 = session();
    const presigned = await s3.presign({ bucket, key: PLAIN, expiresInSeconds: 600 });
    const url = new URL(presigned.url);
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    url.searchParams.set('X-Amz-Signature', `${signature.startsWith('0') ? '1' : '0'}${signature.slice(1)}`);
    const check = await s3.checkLink({ ...presigned, url: url.toString() });
    expect(check).toMatchObject({ ok: false, scope: 'link', status: 403, problem: { code: 'signature-mismatch' } });
  });

  it('a profile with the wrong secret: exit 1 saying the secret key does not match', async () => {
    const wrong = homeWithProfiles({ ...server, secretAccessKey: 'not-the-secret-key-at-all-0123456789abcd' }, [
      'default',
    ]);
    try {
      expectProblem(
        await runCli([`s3://${bucket}/${PLAIN}`], wrong),
        PLAIN,
        /secret key of profile “default” does not match/,
      );
    } finally {
      rmSync(wrong.HOME as string, { recursive: true, force: true });
    }
  });
});

describe('upload links', () => {
  it('are not tried (that would write): the bucket is checked and stderr says so', async () => {
    const run = await runCli(['--json', '--method', 'PUT', `s3://${bucket}/incoming/new.bin`], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      's3share-tui: note: upload links are not tested (that would write to the bucket); the bucket exists and profile “default” can see it\n',
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ method: 'PUT', checked: false });
  });

  it('to a bucket that does not exist: exit 1 naming it', async () => {
    const missing = `${bucket}-nope`;
    const run = await runCli(['--method', 'PUT', `s3://${missing}/new.bin`], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/bucket does not exist/);
  });
});
