/**
 * The bash completion script, run by bash the way bash runs it on Tab: COMP_WORDS, COMP_CWORD,
 * COMP_LINE and COMP_POINT set, the function called, COMPREPLY read back. It calls the built
 * app for profile names (config files) and bucket names (the local S3 server, then the cache).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { CLI } from '../support/app.js';
import { homeWithProfiles } from '../support/cli.js';
import { adminClient, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('cmpl');
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, ['a.txt']);
  env = homeWithProfiles(server, ['default', 'work', 'zeta']);
  // `s3share-tui` on the PATH, as an installed one would be.
  const bin = mkdtempSync(join(tmpdir(), 's3share-bin-'));
  writeFileSync(join(bin, 's3share-tui'), `#!/bin/sh\nexec '${process.execPath}' '${CLI}' "$@"\n`);
  chmodSync(join(bin, 's3share-tui'), 0o755);
  env.PATH = `${bin}:${env.PATH}`;
});

const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;

/** COMPREPLY after Tab at the end of `line`, split into words as bash splits them (at spaces and ':'). */
function complete(line: string, scriptArgs: readonly string[] = []): string[] {
  const words = line
    .split(' ')
    .flatMap((word) => word.split(/(:)/).filter((part, i, all) => part !== '' || all.length === 1));
  const script = [
    `source <(s3share-tui completion bash ${scriptArgs.join(' ')})`,
    `COMP_WORDS=(${words.map(quote).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    `COMP_LINE=${quote(line)}`,
    `COMP_POINT=${line.length}`,
    '_s3share_tui',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const out = execFileSync('bash', ['-c', script], { env, encoding: 'utf8', timeout: 30_000 });
  return out.split('\n').filter((word) => word !== '');
}

describe('bash completion', () => {
  test('flags', () => {
    expect(complete('s3share-tui --pro')).toEqual(['--profile']);
    expect(complete('s3share-tui --no-c').sort()).toEqual(['--no-check', '--no-clipboard', '--no-color']);
    expect(complete('s3share-tui --bucket b --exp').sort()).toEqual(['--expires', '--expires-in']);
  });

  test('profile names from the config files', () => {
    expect(complete('s3share-tui --profile ').sort()).toEqual(['default', 'work', 'zeta']);
    expect(complete('s3share-tui --json --profile w')).toEqual(['work']);
  });

  test('fixed values, and nothing offered for a value to type', () => {
    expect(complete('s3share-tui --method ').sort()).toEqual(['GET', 'PUT']);
    expect(complete('s3share-tui --hours ')).toEqual([]);
  });

  test('the completion command and its shells', () => {
    expect(complete('s3share-tui comp')).toEqual(['completion']);
    expect(complete('s3share-tui completion ').sort()).toEqual(['--complete-buckets', 'bash', 'fish', 'zsh']);
  });

  test('bucket names only when asked for', () => {
    expect(complete('s3share-tui s3://cmpl')).toEqual([]);
    expect(complete('s3share-tui --bucket cmpl')).toEqual([]);
  });

  test('with --complete-buckets: s3:// and --bucket complete bucket names, then from the cache', () => {
    // bash splits `s3://cmpl-…` at the colon: the reply is what follows it.
    expect(complete(`s3share-tui s3://${bucket.slice(0, 8)}`, ['--complete-buckets'])).toContain(`//${bucket}/`);
    expect(complete(`s3share-tui --profile work s3://${bucket}`, ['--complete-buckets'])).toEqual([`//${bucket}/`]);
    expect(complete(`s3share-tui --bucket ${bucket.slice(0, 8)}`, ['--complete-buckets'])).toContain(bucket);

    const cache = join(env.HOME as string, '.cache', 's3share-tui', 'completion-buckets.json');
    expect(statSync(cache).mode & 0o777).toBe(0o600);
    expect(readFileSync(cache, 'utf8')).toContain(bucket);
    // Keys the server refuses: the names still come, from the cache, without asking S3.
    const credentials = join(env.HOME as string, '.aws', 'credentials');
    writeFileSync(credentials, readFileSync(credentials, 'utf8').replaceAll(server.secretAccessKey, 'wrong-secret'));
    expect(complete(`s3share-tui --bucket ${bucket}`, ['--complete-buckets'])).toEqual([bucket]);
  });

  test.each([[[]], [['--complete-buckets']]])('the zsh script parses (zsh -n) %j', (args) => {
    const script = execFileSync(process.execPath, [CLI, 'completion', 'zsh', ...args], { env, encoding: 'utf8' });
    expect(script).toContain('s3share-tui __complete profiles');
    expect(script).toContain("'--no-color:no colours (also NO_COLOR=1 or FORCE_COLOR=0)'");
    execFileSync('zsh', ['-n'], { input: script, env });
  });
});

describe('fish completion', () => {
  /** Candidates fish offers for the command line `line` (`complete -C`), without descriptions. */
  function fishComplete(line: string, scriptArgs: readonly string[] = []): string[] {
    const script = `s3share-tui completion fish ${scriptArgs.join(' ')} | source; complete -C ${quote(line)}`;
    const out = execFileSync('fish', ['--no-config', '-c', script], { env, encoding: 'utf8', timeout: 30_000 });
    return out
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t')[0] as string);
  }

  test('flags, with their descriptions from --help', () => {
    expect(fishComplete('s3share-tui --no-c').sort()).toEqual(['--no-check', '--no-clipboard', '--no-color']);
    const script = execFileSync(process.execPath, [CLI, 'completion', 'fish'], { env, encoding: 'utf8' });
    expect(script).toContain("-l json -d 'one JSON object per line: url, method, bucket, key, region, expiresIn,");
  });

  test('profile names, --method values, the completion command', () => {
    expect(fishComplete('s3share-tui --profile ').sort()).toEqual(['default', 'work', 'zeta']);
    expect(fishComplete('s3share-tui --method ').sort()).toEqual(['GET', 'PUT']);
    expect(fishComplete('s3share-tui comp')).toEqual(['completion']);
  });

  test('bucket names for s3:// only with --complete-buckets', () => {
    expect(fishComplete(`s3share-tui s3://${bucket.slice(0, 8)}`)).toEqual([]);
    expect(fishComplete(`s3share-tui --profile default s3://${bucket.slice(0, 8)}`, ['--complete-buckets'])).toContain(
      `s3://${bucket}/`,
    );
  });

  test('an unknown shell is one line and exit code 2', () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [CLI, 'completion', 'tcsh'], { env, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr).toBe(
      's3share-tui: completion takes one of bash, zsh, fish (and optionally --complete-buckets)\n',
    );
  });
});
