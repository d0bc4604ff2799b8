import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverProfiles, malformedLines } from '../../src/adapters/aws-profiles.js';

function fixture(files: { config?: string; credentials?: string }) {
  const home = mkdtempSync(join(tmpdir(), 's3share-profiles-'));
  const config = join(home, 'config');
  const credentials = join(home, 'credentials');
  if (files.config !== undefined) writeFileSync(config, files.config);
  if (files.credentials !== undefined) writeFileSync(credentials, files.credentials);
  return { HOME: home, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
}

const CONFIG = `
[default]
region = us-east-1

[profile prod]
region = eu-west-1
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin

[sso-session corp]
sso_start_url = https://corp.awsapps.example/start
sso_region = eu-west-1

[profile deploy]
role_arn = arn:aws:iam::111122223333:role/deploy
source_profile = default
region = ap-south-1

[profile tool]
credential_process = /usr/local/bin/creds
services = local

[services local]
s3 =
  endpoint_url = http://127.0.0.1:9000

[profile minio]
region = us-east-1
s3 =
  endpoint_url = http://minio:9000
  addressing_style = path

[profile plain]
endpoint_url = http://plain:9000

[not-a-profile]
region = nowhere
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = secret

[ci]
aws_access_key_id = AKIDCI
aws_secret_access_key = secret2
region = us-west-2
`;

describe('discoverProfiles', () => {
  it('merges both files, de-duplicated, default first, each with region, kind and endpoint', async () => {
    const { profiles, files } = await discoverProfiles(fixture({ config: CONFIG, credentials: CREDENTIALS }));
    expect(profiles).toEqual([
      { name: 'default', kind: 'keys', region: 'us-east-1' },
      { name: 'ci', kind: 'keys', region: 'us-west-2' },
      { name: 'deploy', kind: 'role', region: 'ap-south-1' },
      { name: 'minio', kind: 'none', region: 'us-east-1', endpointUrl: 'http://minio:9000' },
      { name: 'plain', kind: 'none', endpointUrl: 'http://plain:9000' },
      { name: 'prod', kind: 'sso', region: 'eu-west-1' },
      { name: 'tool', kind: 'process', endpointUrl: 'http://127.0.0.1:9000' },
    ]);
    expect(files.map((f) => f.state)).toEqual(['read', 'read']);
  });

  it('preselects AWS_PROFILE, else default', async () => {
    const env = fixture({ config: CONFIG, credentials: CREDENTIALS });
    expect((await discoverProfiles(env)).preferred).toBe('default');
    expect((await discoverProfiles({ ...env, AWS_PROFILE: 'prod' })).preferred).toBe('prod');
  });

  it('lists environment credentials first', async () => {
    const env = {
      ...fixture({ credentials: CREDENTIALS }),
      AWS_ACCESS_KEY_ID: 'AKID',
      AWS_SECRET_ACCESS_KEY: 's',
      AWS_REGION: 'eu-north-1',
    };
    const { profiles } = await discoverProfiles(env);
    expect(profiles[0]).toEqual({ name: '(environment)', kind: 'environment', region: 'eu-north-1' });
  });

  it('gives environment credentials the endpoint and region of AWS_PROFILE, else of default', async () => {
    const config = `[default]\nregion = us-west-2\nendpoint_url = http://default.example:9000\n\n[profile rgw]\nregion = eu-west-3\nendpoint_url = http://127.0.0.1:7480\n`;
    const keys = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 's' };
    const env = { ...fixture({ config }), ...keys };
    const named = await discoverProfiles({ ...env, AWS_PROFILE: 'rgw' });
    expect(named.profiles[0]).toEqual({
      name: '(environment)',
      kind: 'environment',
      region: 'eu-west-3',
      endpointUrl: 'http://127.0.0.1:7480',
    });
    const byDefault = await discoverProfiles(env);
    expect(byDefault.profiles[0]).toMatchObject({ endpointUrl: 'http://default.example:9000', region: 'us-west-2' });
    // AWS_REGION still wins over the profile's region.
    const withRegion = await discoverProfiles({ ...env, AWS_PROFILE: 'rgw', AWS_REGION: 'ap-south-1' });
    expect(withRegion.profiles[0]).toMatchObject({ region: 'ap-south-1', endpointUrl: 'http://127.0.0.1:7480' });
  });

  it('reports where it looked when there is nothing', async () => {
    const env = fixture({});
    const discovery = await discoverProfiles(env);
    expect(discovery.profiles).toEqual([]);
    expect(discovery.files).toEqual([
      { path: env.AWS_CONFIG_FILE, state: 'missing' },
      { path: env.AWS_SHARED_CREDENTIALS_FILE, state: 'missing' },
    ]);
  });

  it('falls back to ~/.aws under HOME', async () => {
    const env = fixture({});
    const discovery = await discoverProfiles({ HOME: env.HOME });
    expect(discovery.files.map((f) => f.path)).toEqual([
      join(env.HOME, '.aws', 'config'),
      join(env.HOME, '.aws', 'credentials'),
    ]);
  });

  it('survives empty files and binary garbage, and says which file is not text', async () => {
    const garbage = Buffer.from([0, 255, 1, 91, 93, 10, 61, 61, 0]).toString('latin1');
    const env = fixture({ config: '', credentials: garbage });
    const { profiles, problems } = await discoverProfiles(env);
    expect(profiles).toEqual([]);
    expect(problems).toEqual([`${env.AWS_SHARED_CREDENTIALS_FILE}: not a text file`]);
  });

  it('names the file and line the AWS tools could not read', async () => {
    const env = fixture({ config: '[profile ok]\nregion = us-east-1\n\n[profile broken\nregion = x\n' });
    const { profiles, problems } = await discoverProfiles(env);
    expect(profiles.map((p) => p.name)).toEqual(['ok']);
    expect(problems).toEqual([`${env.AWS_CONFIG_FILE} line 4: cannot read “[profile broken”`]);
  });

  it('merges duplicate sections as the SDK does', async () => {
    const env = fixture({ config: '[profile a]\nregion = us-east-1\n[profile a]\nregion = eu-west-1\n' });
    const { profiles } = await discoverProfiles(env);
    expect(profiles).toEqual([{ name: 'a', kind: 'none', region: 'eu-west-1' }]);
  });

  it('never reads a config "file" that is a FIFO (it would block for ever): says what it is instead', async () => {
    const env = fixture({});
    execFileSync('mkfifo', [env.AWS_CONFIG_FILE]);
    const discovery = await discoverProfiles(env);
    expect(discovery.files[0]).toEqual({ path: env.AWS_CONFIG_FILE, state: 'unreadable' });
    expect(discovery.problems).toEqual([`${env.AWS_CONFIG_FILE}: not a regular file`]);
  });

  it('accepts comments, sub-sections and blank lines', () => {
    expect(malformedLines('f', '# c\n; c\n[default]\ns3 =\n  endpoint_url = http://x\n\n')).toEqual([]);
  });
});
