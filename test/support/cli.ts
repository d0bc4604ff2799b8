import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { S3Server } from './s3-fixture.js';

export const CLI = resolve('dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary to completion, with a time limit, in a new session: no terminal at all. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, nodeArgs: readonly string[] = []): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeArgs, CLI, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`s3share-tui ${args.join(' ')} did not finish in 30 s`));
    }, 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/**
 * A clean environment with a temp HOME whose ~/.aws files hold one profile per name, all
 * pointing at the local server. The machine's own AWS variables never leak in, nor its
 * XDG_CACHE_HOME: the bucket-region cache lands under the temp HOME (~/.cache), not in the
 * cache of the person running the tests.
 */
export function homeWithProfiles(server: S3Server, names: readonly string[] = ['default']): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 's3share-home-'));
  const aws = join(home, '.aws');
  const config = names
    .map((name) => `[${name === 'default' ? 'default' : `profile ${name}`}]\nregion = ${server.region}\nendpoint_url = ${server.endpoint}\n`)
    .join('\n');
  const credentials = names
    .map((name) => `[${name}]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n`)
    .join('\n');
  mkdirSync(aws, { recursive: true });
  writeFileSync(join(aws, 'config'), config, { mode: 0o600 });
  writeFileSync(join(aws, 'credentials'), credentials, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_') && !key.startsWith('S3_') && key !== 'XDG_CACHE_HOME' && key !== 'XDG_CONFIG_HOME') env[key] = value;
  }
  return { ...env, HOME: home, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
}
