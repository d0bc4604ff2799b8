/**
 * The benchmark's S3 server: a Ceph RADOS Gateway (scripts/rgw/start.sh) kept running in
 * .bench-cache/rgw between runs, because its data lives in memory and seeding 100,000 objects
 * takes a while. A run reuses it when it still answers and the big prefix is complete; otherwise it
 * (re)starts it and seeds what is missing.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { adminClient, type S3Server } from '../../test/support/s3-fixture.js';
import { runProcess } from '../../test/support/terminal/run-process.js';

export interface ServerHandle {
  server: S3Server;
  dir: string;
  /** 'reused' when the cached server answered and held the data already. */
  state: 'reused' | 'started' | 'restarted';
}

export interface SeedReport {
  /** Objects written by this run (0 when the cache was complete). */
  written: number;
  seconds: number;
  perSecond: number;
  concurrency: number;
}

/** Runs one of scripts/rgw/, failing when it does not finish in `limitMs`. */
async function rgwScript(script: string, dir: string, limitMs: number) {
  // Detached: the daemons start.sh launches must outlive this process (and a Ctrl-C to npm).
  const run = await runProcess('bash', [script, dir], { limitMs, detached: true });
  if (run.killedAtLimit) throw new Error(`${script} did not finish within ${limitMs} ms`);
  return run;
}

function readEnv(dir: string): S3Server | undefined {
  const file = join(dir, 'env');
  if (!existsSync(file)) return undefined;
  const values = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  const endpoint = values.get('S3_ENDPOINT');
  const accessKeyId = values.get('S3_ACCESS_KEY_ID');
  const secretAccessKey = values.get('S3_SECRET_ACCESS_KEY');
  if (!endpoint || !accessKeyId || !secretAccessKey) return undefined;
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint))
    throw new Error(`${file}: endpoint ${endpoint} is not on 127.0.0.1`);
  return { endpoint, accessKeyId, secretAccessKey, region: values.get('S3_REGION') ?? 'us-east-1' };
}

export function client(server: S3Server, maxSockets = 16): S3Client {
  return adminClient(server, {
    maxAttempts: 5,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets }), requestTimeout: 30_000 },
  });
}

async function answers(server: S3Server): Promise<boolean> {
  try {
    const response = await fetch(`${server.endpoint}/`, { signal: AbortSignal.timeout(3000) });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

/** The cached server if it answers, else a fresh one in `dir` (the old one stopped first). */
export async function ensureServer(
  rgwScripts: string,
  dir: string,
  log: (line: string) => void,
): Promise<ServerHandle> {
  const cached = readEnv(dir);
  if (cached && (await answers(cached))) {
    log(`S3 server: reusing the cached Ceph RGW at ${cached.endpoint} (${dir})`);
    return { server: cached, dir, state: 'reused' };
  }
  const restarting = existsSync(dir);
  if (restarting) {
    log(`S3 server: the cached one in ${dir} does not answer; stopping what is left of it and starting afresh`);
    await rgwScript(join(rgwScripts, 'stop.sh'), dir, 60_000);
    rmSync(dir, { recursive: true, force: true });
  }
  const started = performance.now();
  const result = await rgwScript(join(rgwScripts, 'start.sh'), dir, 180_000);
  if (result.code !== 0) throw new Error(`scripts/rgw/start.sh failed (${result.code}): ${result.stderr.trim()}`);
  const server = readEnv(dir);
  if (!server) throw new Error(`scripts/rgw/start.sh left no usable ${dir}/env`);
  log(
    `S3 server: started Ceph RGW at ${server.endpoint} in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir}; left running: --stop stops it)`,
  );
  return { server, dir, state: restarting ? 'restarted' : 'started' };
}

/** Stops the cached server (idempotent) and removes its directory. */
export async function stopServer(rgwScripts: string, dir: string): Promise<boolean> {
  if (!existsSync(dir)) return false;
  await rgwScript(join(rgwScripts, 'stop.sh'), dir, 120_000);
  rmSync(dir, { recursive: true, force: true });
  return true;
}

export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
}

/** Every key under `prefix` (no delimiter), at most `maxPages` pages. */
export async function listKeys(s3: S3Client, bucket: string, prefix: string, maxPages: number): Promise<Set<string>> {
  const keys = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    for (const object of answer.Contents ?? []) if (object.Key) keys.add(object.Key);
    token = answer.IsTruncated ? answer.NextContinuationToken : undefined;
    if (!token) return keys;
  }
  throw new Error(`s3://${bucket}/${prefix} has more than ${maxPages} pages`);
}

function bodyFor(key: string): Buffer {
  return Buffer.from(`benchmark object ${key}\n`, 'utf8');
}

/** One PUT, sent by the AWS SDK (Buffer body; no checksum headers with WHEN_REQUIRED). */
export function sdkPutter(server: S3Server, bucket: string, concurrency: number): (key: string) => Promise<void> {
  const s3 = client(server, concurrency);
  return async (key) => {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bodyFor(key), ContentType: 'text/plain' }));
  };
}

/**
 * One PUT over plain node:http, signed with SigV4 here (header auth, payload hash signed, no
 * checksum headers). RGW verifies the signature, so a wrong one fails the seeding. On this
 * 2-CPU machine the SDK's per-request CPU cost, not RGW, capped seeding at about 250 objects/s;
 * this path reaches what RGW itself allows (see bench/RESULTS.md for the rate measured).
 */
export function httpPutter(server: S3Server, bucket: string, concurrency: number): (key: string) => Promise<void> {
  const url = new URL(server.endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
  const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  let keyDate = '';
  let signingKey = Buffer.alloc(0);
  const signedHeaders = 'content-type;host;x-amz-content-sha256;x-amz-date';
  return (key) => {
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const date = amzDate.slice(0, 8);
    if (date !== keyDate) {
      keyDate = date;
      signingKey = hmac(hmac(hmac(hmac(`AWS4${server.secretAccessKey}`, date), server.region), 's3'), 'aws4_request');
    }
    const body = bodyFor(key);
    const path = `/${bucket}/${key.split('/').map(encodeRfc3986).join('/')}`;
    const hash = sha256(body);
    const canonical = [
      'PUT',
      path,
      '',
      'content-type:text/plain',
      `host:${url.host}`,
      `x-amz-content-sha256:${hash}`,
      `x-amz-date:${amzDate}`,
      '',
      signedHeaders,
      hash,
    ].join('\n');
    const scope = `${date}/${server.region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
    const signature = createHmac('sha256', signingKey).update(toSign).digest('hex');
    return new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          method: 'PUT',
          path,
          agent,
          timeout: 30_000,
          headers: {
            'content-type': 'text/plain',
            'content-length': body.length,
            'x-amz-content-sha256': hash,
            'x-amz-date': amzDate,
            authorization: `AWS4-HMAC-SHA256 Credential=${server.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () =>
            res.statusCode === 200
              ? resolve()
              : reject(new Error(`PUT ${path}: HTTP ${res.statusCode} ${text.slice(0, 200)}`)),
          );
        },
      );
      req.on('timeout', () => req.destroy(new Error(`PUT ${path}: no answer in 30 s`)));
      req.on('error', reject);
      req.end(body);
    });
  };
}

function encodeRfc3986(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * PUTs `keys` with `concurrency` requests in flight, each retried up to 3 times, and reports the
 * rate. Progress goes to `log` about every 10 s.
 */
export async function putMany(
  put: (key: string) => Promise<void>,
  keys: readonly string[],
  concurrency: number,
  log: (line: string) => void,
): Promise<SeedReport> {
  const started = performance.now();
  let next = 0;
  let done = 0;
  let lastLog = started;
  const worker = async () => {
    while (next < keys.length) {
      const key = keys[next++] as string;
      for (let attempt = 1; ; attempt += 1) {
        try {
          await put(key);
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
      done += 1;
      const now = performance.now();
      if (now - lastLog > 10_000) {
        lastLog = now;
        const rate = Math.round(done / ((now - started) / 1000));
        log(`  seeded ${done.toLocaleString('en-US')} of ${keys.length.toLocaleString('en-US')} (${rate}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keys.length) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { written: keys.length, seconds, perSecond: keys.length / Math.max(seconds, 1e-9), concurrency };
}
