/**
 * The built CLI, non-interactively, against hostile input: a server whose error codes hold escape
 * sequences, an endpoint URL with a password, a credential_process that never exits or gives an
 * expiration that is not a date, a FIFO or /dev/zero or a 11 MB file as the config file, keys
 * with dot segments.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliWithin } from '../support/bounded-cli.js';
import { HostileServer, xml, type Answer } from '../support/hostile-server.js';

let server: HostileServer;
const dirs: string[] = [];

const plainS3: Answer = (request, res) => {
  if (request.method === 'HEAD') {
    res.writeHead(200, { 'x-amz-bucket-region': 'us-east-1' });
    res.end();
    return;
  }
  xml(res, 404, '<Error><Code>NoSuchKey</Code></Error>');
};

beforeAll(async () => {
  server = await HostileServer.start(plainS3);
});

beforeEach(() => server.answerWith(plainS3));

afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A HOME with the given config and credentials text, and an environment using it and nothing else of AWS. */
function home(config: string, credentials = ''): { env: NodeJS.ProcessEnv; path: string } {
  const path = mkdtempSync(join(tmpdir(), 's3share-hostile-home-'));
  dirs.push(path);
  execFileSync('mkdir', ['-p', join(path, '.aws')]);
  writeFileSync(join(path, '.aws', 'config'), config);
  writeFileSync(join(path, '.aws', 'credentials'), credentials);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && key !== 'XDG_CACHE_HOME') env[key] = value;
  }
  return { env: { ...env, HOME: path, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, path };
}

const keys = '[default]\naws_access_key_id = AKID\naws_secret_access_key = secret\n';
const ESC = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('server words and endpoints in messages', () => {
  it('--debug and the error line escape a server error code holding an OSC 52 sequence', async () => {
    server.answerWith((request, res) => {
      if (request.method === 'HEAD') {
        // HeadBucket refused without a region, so GetBucketLocation is asked; the object is missing.
        res.writeHead(request.path === '/bkt' ? 403 : 404);
        res.end();
        return;
      }
      xml(res, 400, '<Error><Code>Evil\u001b]52;c;aGk=\u0007Code</Code><Message>m\u001b]0;t\u0007</Message></Error>');
    });
    const { env } = home(`[default]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n`, keys);
    const checked = await runCliWithin(['--debug', 's3://bkt/k'], env, 20_000);
    expect(checked.stderr).not.toMatch(ESC);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/debug: GET .*→ Evil\\e\]52;c;aGk=\\x07Code/);
  });

  it('hides the password of an endpoint URL in "cannot connect" and timeout messages', async () => {
    const { env } = home('[default]\nregion = us-east-1\n', keys);
    const refused = await runCliWithin(
      ['--endpoint-url', 'http://admin:hunter2@127.0.0.1:1', 's3://bkt/k'],
      env,
      20_000,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Cannot connect to http:\/\/…@127\.0\.0\.1:1/);
    expect(refused.stderr).not.toMatch(/hunter2|admin/);

    server.answerWith(() => {}); // never answers
    const silent = await runCliWithin(
      [
        '--timeout',
        '1',
        '--endpoint-url',
        `http://admin:hunter2@${server.endpoint.slice('http://'.length)}`,
        's3://bkt/k',
      ],
      env,
      20_000,
    );
    expect(silent.code).toBe(1);
    expect(silent.stderr).toMatch(/No answer from http:\/\/…@127\.0\.0\.1:\d+ in 1 s/);
    expect(silent.stderr).not.toMatch(/hunter2|admin/);
  });

  it('escapes a profile name and a malformed config line in headless messages', async () => {
    const { env } = home('[default]\nregion = us-east-1\nthis line \u001b]0;title\u0007 is broken\n', keys);
    const run = await runCliWithin(['--profile', 'x\u001b]52;c;aGk=\u0007', 's3://bkt/k'], env, 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no AWS profile “x\\e]52;c;aGk=\\x07”');
    expect(run.stderr).toContain('\\e]0;title\\x07');
    expect(run.stderr).not.toMatch(ESC);
  });

  it('warns on stderr about a key with dot segments, and still prints the URL', async () => {
    const { env } = home(`[default]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\n`, keys);
    const run = await runCliWithin(['--no-check', 's3://bkt/a/../secret.txt'], env, 20_000);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bkt\/a\/\.\.\/secret\.txt\?/);
    expect(run.stderr).toMatch(/warning: s3:\/\/\S+: the key has "\." or "\.\." path segments.*--path-as-is/);
  });
});

describe('credential_process', () => {
  it('one that never exits is stopped at --timeout, with its process group, naming the profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-credproc-'));
    dirs.push(dir);
    const pidFile = join(dir, 'pid');
    const script = join(dir, 'creds.sh');
    // The shell starts a child of its own (sleep), as real helpers do: both must end.
    writeFileSync(script, `#!/bin/sh\nsleep 1000 &\necho $! > '${pidFile}'\nwait\n`, { mode: 0o755 });
    const { env } = home(
      `[profile slow]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\ncredential_process = ${script}\n`,
    );
    const run = await runCliWithin(['--profile', 'slow', '--timeout', '2', 's3://bkt/k'], env, 15_000);
    expect(run.killedAtLimit).toBe(false);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stderr).toMatch(/credential_process of profile “slow” did not answer in 2 s/);
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    await expect
      .poll(
        () => existsSync(`/proc/${sleeper}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${sleeper}/status`, 'utf8')),
        {
          timeout: 5000,
        },
      )
      .toBe(false);
  });

  it('an Expiration that is not a date is treated as unknown, said once naming the profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's3share-credproc-'));
    dirs.push(dir);
    const script = join(dir, 'creds.sh');
    writeFileSync(
      script,
      `#!/bin/sh\necho '{"Version": 1, "AccessKeyId": "AKID", "SecretAccessKey": "s", "SessionToken": "t", "Expiration": "not-a-date"}'\n`,
      { mode: 0o755 },
    );
    const { env } = home(
      `[profile odd]\nregion = us-east-1\nendpoint_url = ${server.endpoint}\ncredential_process = ${script}\n`,
    );
    const run = await runCliWithin(['--profile', 'odd', '--no-check', '--json', 's3://bkt/k'], env, 20_000);
    expect(run.stderr.match(/profile “odd” carry an expiration that is not a date/g)).toHaveLength(1);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json.credentialsExpireAt).toBeUndefined();
    expect(json.expiresIn).toBe(3600);
  });
});

describe('config files that are not files, or too big', () => {
  it('a FIFO or /dev/zero as AWS_CONFIG_FILE is refused at once, naming it', async () => {
    const { env, path } = home('', keys);
    const fifo = join(path, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    const zero = join(path, 'config.zero');
    symlinkSync('/dev/zero', zero);
    for (const file of [fifo, zero]) {
      const run = await runCliWithin(['--profile', 'nope', 's3://bkt/k'], { ...env, AWS_CONFIG_FILE: file }, 10_000);
      expect(run.killedAtLimit, file).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${file}: not a regular file`);
    }
  });

  it('an 11 MB config file gets one clear line naming it, quickly', async () => {
    const profiles: string[] = [];
    let size = 0;
    for (let i = 0; size < 11 * 1024 * 1024; i++) {
      profiles.push(`[profile p${i}]\nregion = us-east-1\n`);
      size += (profiles.at(-1) as string).length;
    }
    const { env, path } = home(profiles.join(''), keys);
    const run = await runCliWithin(['--profile', 'p1', 's3://bkt/k'], env, 20_000);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${join(path, '.aws', 'config')}: larger than 10 MB, not read`);
    expect(run.ms).toBeLessThan(10_000);
  });
});
