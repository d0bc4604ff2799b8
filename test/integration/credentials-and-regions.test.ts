import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { homeWithProfiles, runCli } from '../support/cli.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('regions');
const KEY = 'exports/report.csv';

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, [KEY]);
});

/** A config whose profiles are written by the test; credentials come from `credentials`. */
function home(config: string, credentials = ''): NodeJS.ProcessEnv {
  const env = homeWithProfiles(server, []);
  writeFileSync(join(env.HOME as string, '.aws', 'config'), config);
  writeFileSync(join(env.HOME as string, '.aws', 'credentials'), credentials);
  return env;
}

describe("the bucket's own region", () => {
  it('signs for the region the bucket lives in, not the profile region', async () => {
    const env = home(
      `[profile far]\nregion = ap-south-1\nendpoint_url = ${server.endpoint}\n`,
      `[far]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n`,
    );
    const run = await runCli(['--profile', 'far', '--json', `s3://${bucket}/${KEY}`], env);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { url: string; region: string };
    expect(json.region).toBe(server.region);
    expect(server.region).not.toBe('ap-south-1');
    const credential = new URL(json.url).searchParams.get('X-Amz-Credential') ?? '';
    expect(credential.split('/')[2]).toBe(server.region);
    const response = await fetch(json.url);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor(KEY));
  });
});

describe('credential problems, one line each', () => {
  const CONFIG =
    '[profile corp]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\nregion = eu-west-1\n' +
    '[sso-session corp]\nsso_start_url = https://corp.awsapps.example/start\nsso_region = eu-west-1\n' +
    '[profile loop-a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = loop-b\n' +
    '[profile loop-b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = loop-a\n' +
    '[profile mfa]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n' +
    '[profile base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = not-used\n';

  it.each([
    ['corp', 'run `aws sso login --profile corp`'],
    ['loop-a', 'Detected a cycle attempting to resolve credentials for profile loop-a'],
    ['mfa', 'needs an MFA code (mfa_serial): run s3share-tui without s3:// to type it on screen'],
  ])('profile %s: %s', async (profile, message) => {
    const run = await runCli(['--profile', profile, '--no-check', `s3://${bucket}/${KEY}`], home(CONFIG));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });
});

describe('temporary credentials', () => {
  function processProfile(hoursLeft: number) {
    const dir = mkdtempSync(join(tmpdir(), 's3share-process-'));
    const script = join(dir, 'creds.mjs');
    writeFileSync(
      script,
      `console.log(JSON.stringify({ Version: 1, AccessKeyId: ${JSON.stringify(server.accessKeyId)}, ` +
        `SecretAccessKey: ${JSON.stringify(server.secretAccessKey)}, SessionToken: 'session-token-from-process', ` +
        `Expiration: new Date(Date.now() + ${hoursLeft} * 3600e3).toISOString() }));\n`,
    );
    chmodSync(script, 0o700);
    return home(
      `[profile temp]\nregion = ${server.region}\nendpoint_url = ${server.endpoint}\n` +
        `credential_process = ${process.execPath} ${script}\n`,
    );
  }

  it('cuts the expiry to when the credentials end, and says so', async () => {
    const before = Date.now();
    const run = await runCli(
      ['--profile', 'temp', '--json', '--hours', '24', '--no-check', `s3://${bucket}/${KEY}`],
      processProfile(2),
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, string | number>;
    const expiresAt = Date.parse(json.expiresAt as string);
    expect(Math.abs(expiresAt - (before + 2 * 3600e3))).toBeLessThan(15_000);
    expect(json.credentialsExpireAt).toBe(json.expiresAt);
    expect(json.requestedExpiresIn).toBe(86_400);
    expect(json.expiresIn).toBeGreaterThan(7_100);
    expect(json.expiresIn).toBeLessThanOrEqual(7_200);
    expect(json.warning).toMatch(/temporary credentials .* expire at/);
    // The URL still asks for 24 hours; it is the session token that ends it.
    const query = new URL(json.url as string).searchParams;
    expect(query.get('X-Amz-Expires')).toBe('86400');
    expect(query.get('X-Amz-Security-Token')).toBe('session-token-from-process');
  });

  it('--debug logs each request with no secret in it', async () => {
    const run = await runCli(
      ['--profile', 'temp', '--debug', `s3://${bucket}/${KEY}`, '--no-check'],
      processProfile(2),
    );
    const url = new URL(run.stdout.trim());
    const secrets = [
      server.accessKeyId,
      server.secretAccessKey,
      'session-token-from-process',
      url.searchParams.get('X-Amz-Signature') ?? 'missing',
    ];
    expect(run.stderr).toMatch(/s3share-tui debug: .*presigned GET/);
    expect(run.stderr).toContain('X-Amz-Signature=REDACTED');
    for (const secret of secrets) expect(run.stderr).not.toContain(secret);
  });

  it('warns on stderr in plain mode too', async () => {
    const run = await runCli(
      ['--profile', 'temp', '--hours', '24', '--no-check', `s3://${bucket}/${KEY}`],
      processProfile(2),
    );
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^s3share-tui: warning: the temporary credentials/);
  });

  it('keeps the asked expiry when the credentials outlive it', async () => {
    const run = await runCli(
      ['--profile', 'temp', '--json', '--hours', '1', '--no-check', `s3://${bucket}/${KEY}`],
      processProfile(5),
    );
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json.expiresIn).toBe(3600);
    expect(json.warning).toBeUndefined();
  });

  it("reports a failing credential_process with its stderr's first line", async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-process-'));
    const script = join(dir, 'fail.mjs');
    writeFileSync(script, "console.error('token file /x/y is unreadable\\nsecond line'); process.exit(3);\n");
    const env = home(
      `[profile broken]\nregion = ${server.region}\nendpoint_url = ${server.endpoint}\ncredential_process = ${process.execPath} ${script}\n`,
    );
    const run = await runCli(['--profile', 'broken', `s3://${bucket}/${KEY}`], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('token file /x/y is unreadable');
  });
});
