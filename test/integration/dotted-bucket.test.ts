/**
 * A bucket with dots in its name (`rt-a.b-c`) behind a custom endpoint: a virtual-hosted URL
 * (`rt-a.b-c.127.0.0.1:7480`) is no URL at all, so it must be addressed path-style, also when
 * the keys come from the environment and the endpoint from the profile AWS_PROFILE names.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { homeWithProfiles, runCli } from '../support/cli.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = `rt-a.${uniqueBucket('dots')}`.slice(0, 63).replace(/-$/, 'x');
const key = 'reports/q1.txt';

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, [key]);
});

describe('a dotted bucket name on a custom endpoint', () => {
  it('signs a path-style URL that serves the object, with keys from the environment and the endpoint from AWS_PROFILE', async () => {
    const home = homeWithProfiles(server, ['rgw']);
    const env = {
      ...home,
      AWS_PROFILE: 'rgw',
      AWS_ACCESS_KEY_ID: server.accessKeyId,
      AWS_SECRET_ACCESS_KEY: server.secretAccessKey,
    };
    const run = await runCli([`s3://${bucket}/${key}`], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const url = new URL(run.stdout.trim());
    expect(`${url.protocol}//${url.host}`).toBe(server.endpoint);
    expect(url.pathname).toBe(`/${bucket}/${key}`);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(key));
  });

  it('does the same for a named profile with endpoint_url', async () => {
    const run = await runCli(['--profile', 'rgw', `s3://${bucket}/${key}`], homeWithProfiles(server, ['rgw']));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(new URL(run.stdout.trim()).pathname).toBe(`/${bucket}/${key}`);
    expect((await fetch(run.stdout.trim())).status).toBe(200);
  });
});
