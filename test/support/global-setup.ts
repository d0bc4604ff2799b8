import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts a throw-away Ceph RGW for the integration and end-to-end tests, unless S3_ENDPOINT
 * already names one, and hands its address and keys to the test workers through the environment.
 */
export default function setup(): () => void {
  // One Node compile cache for every app the tests start (Node 22+), warm after the first, as a
  // user's is: a cold cache in each test's fresh HOME would make every start pay for filling it.
  const compileCache = mkdtempSync(join(tmpdir(), 's3share-compile-cache-'));
  process.env.S3SHARE_TEST_COMPILE_CACHE = compileCache;
  const removeCompileCache = () =>
    rmSync(compileCache, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  if (process.env.S3_ENDPOINT) return removeCompileCache;
  const dir = mkdtempSync(join(tmpdir(), 's3share-rgw-'));
  rmSync(dir, { recursive: true, force: true });
  try {
    execFileSync('bash', ['scripts/rgw/start.sh', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    throw new Error(`could not start the local S3 server (Ceph RGW); logs in ${dir}`);
  }
  for (const line of readFileSync(join(dir, 'env'), 'utf8').split('\n')) {
    const match = /^(\w+)=(.*)$/.exec(line);
    if (match) process.env[match[1] as string] = match[2];
  }
  return () => {
    execFileSync('bash', ['scripts/rgw/stop.sh', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
    removeCompileCache();
  };
}
