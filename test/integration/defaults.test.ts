/**
 * The defaults file read by the built CLI: its expiry and profile apply, flags win, and a broken
 * file is one line on stderr while the built-in defaults apply.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { homeWithProfiles, runCli } from '../support/cli.js';
import { adminClient, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('defaults');
const target = `s3://${bucket}/a.txt`;

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, ['a.txt']);
});

/** A home with profiles `default` and `work` (`work` with keys the server refuses) and this config.toml. */
function homeWithDefaults(toml: string, where: 'xdg' | 'home' = 'home'): NodeJS.ProcessEnv {
  const env = homeWithProfiles(server, ['default', 'work']);
  const home = env.HOME as string;
  const credentials = join(home, '.aws', 'credentials');
  writeFileSync(
    credentials,
    `[default]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n\n[work]\naws_access_key_id = NOTAKEY0000000000000\naws_secret_access_key = wrong\n`,
  );
  const dir = where === 'xdg' ? join(home, 'xdg-config') : join(home, '.config');
  mkdirSync(join(dir, 's3share-tui'), { recursive: true });
  writeFileSync(join(dir, 's3share-tui', 'config.toml'), toml);
  return where === 'xdg' ? { ...env, XDG_CONFIG_HOME: dir } : env;
}

const expiresOf = (stdout: string) => new URL(stdout.trim()).searchParams.get('X-Amz-Expires');

describe('the defaults file', () => {
  test('its expiry applies; a flag wins', async () => {
    const env = homeWithDefaults('expiry = "2d"\n');
    const run = await runCli([target], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(expiresOf(run.stdout)).toBe('172800');
    expect(expiresOf((await runCli(['--hours', '3', target], env)).stdout)).toBe('10800');
  });

  test('is read from $XDG_CONFIG_HOME/s3share-tui/config.toml', async () => {
    const run = await runCli([target], homeWithDefaults('expiry = 6\n', 'xdg'));
    expect(expiresOf(run.stdout)).toBe('21600');
  });

  test('its profile is used unless --profile or AWS_PROFILE names another', async () => {
    const env = homeWithDefaults('profile = "work"\n');
    const refused = await runCli([target], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^s3share-tui: s3:\/\/.+\n$/);
    expect((await runCli(['--profile', 'default', target], env)).code).toBe(0);
    expect((await runCli([target], { ...env, AWS_PROFILE: 'default' })).code).toBe(0);
  });

  test('a file that is not TOML: one line naming file and line, and the built-in defaults apply', async () => {
    const env = homeWithDefaults('expiry = "2d"\nprofile = = "work"\n');
    const run = await runCli([target], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^s3share-tui: \/.+\/\.config\/s3share-tui\/config\.toml line 2: not valid TOML \(.+\); none of its settings apply\n$/,
    );
    expect(expiresOf(run.stdout)).toBe('3600');
  });

  test('a wrong value: one line, the other settings still apply', async () => {
    const run = await runCli([target], homeWithDefaults('expiry = "12h"\nlink_kind = "zip"\n'));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /config\.toml line 2: link_kind takes one of "download", "attachment", "upload", not "zip"; ignored\n$/,
    );
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(expiresOf(run.stdout)).toBe('43200');
  });

  test('--help and --version do not read it', async () => {
    const env = homeWithDefaults('not toml at all');
    for (const flag of ['--help', '--version']) {
      const run = await runCli([flag], env);
      expect(run).toMatchObject({ code: 0, stderr: '' });
    }
  });
});
