/**
 * Installs as a user would: a clean copy of the working tree (no node_modules, no dist) is packed
 * with `npm pack` (its prepare script builds), the tarball is installed with `npm install -g` into
 * a temporary prefix, and the installed `s3share-tui` runs: --version, a presigned URL against
 * the local S3 server, and the first frame of the screens in a real terminal.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { homeWithProfiles } from '../support/cli.js';
import { PROJECT_ROOT } from '../support/app.js';
import { PtySession } from '../support/terminal/pty-session.js';
import { adminClient, bodyFor, createBucket, s3ServerFromEnv, uniqueBucket } from '../support/s3-fixture.js';

const server = s3ServerFromEnv();
const bucket = uniqueBucket('install');
const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

let work: string;
let tarball: string;
let bin: string;
const sessions: PtySession[] = [];

/** The environment for npm and the installed command: the Node under test first on PATH, no npm_* leftovers. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return { ...env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...extra };
}

function npm(args: readonly string[], cwd: string): string {
  const result = spawnSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  await createBucket(adminClient(server), bucket, ['shared/report.pdf']);
  work = mkdtempSync(join(tmpdir(), 's3share-install-'));
  // What a fresh clone holds: the files git tracks (and new ones not ignored), nothing built.
  const clone = join(work, 'clone');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(PROJECT_ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(PROJECT_ROOT, file), join(clone, file));
  }
  expect(existsSync(join(clone, 'dist'))).toBe(false);
  expect(existsSync(join(clone, 'node_modules'))).toBe(false);

  const packed = npm(['pack', '--pack-destination', work], clone).trim().split('\n').pop() as string;
  tarball = join(work, packed);
  npm(['install', '--global', '--prefix', join(work, 'prefix'), tarball], work);
  bin = join(work, 'prefix', 'bin', 's3share-tui');
}, 600_000);

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.dispose()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack, npm install -g', () => {
  test('the tarball holds what runs: dist/, package.json, README.md', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toContain('package/dist/cli.js');
    expect(listed.filter((file) => !file.startsWith('package/dist/')).sort()).toEqual([
      'package/README.md',
      'package/package.json',
    ]);
    expect(listed.some((file) => file.endsWith('.ts') || file.endsWith('.map'))).toBe(false);
  });

  test('installs no build or test tools', () => {
    const modules = readdirSync(join(work, 'prefix', 'lib', 'node_modules', 's3share-tui', 'node_modules'));
    expect(modules).toContain('clipboardy');
    for (const tool of ['esbuild', 'typescript', 'vitest', 'tsx', '@lydell', 's3rver'])
      expect(modules).not.toContain(tool);
  });

  test('s3share-tui --version', () => {
    const out = execFileSync(bin, ['--version'], { env: cleanEnv(), encoding: 'utf8' });
    expect(out).toBe(`s3share-tui ${version}\n`);
  });

  test('s3share-tui s3://BUCKET/KEY prints a URL that serves the object', async () => {
    const env = cleanEnv(homeWithProfiles(server));
    // The app's own compile cache is what this checks, not the one the test run shares.
    delete env.NODE_COMPILE_CACHE;
    const run = spawnSync(bin, [`s3://${bucket}/shared/report.pdf`], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const response = await fetch(run.stdout.trim());
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bodyFor('shared/report.pdf'));
    // Node 22 and later keep the compiled code under the app's cache directory; Node 20 has no such cache.
    const compileCache = join(env.HOME as string, '.cache', 's3share-tui', 'compile-cache');
    const major = Number(process.versions.node.split('.')[0]);
    expect(existsSync(compileCache) && readdirSync(compileCache).length > 0).toBe(major >= 22);
  });

  test('the screens draw their first frame in a terminal', async () => {
    const env = homeWithProfiles(server, ['default', 'work']);
    const session = new PtySession(bin, [], { env: { HOME: env.HOME, PATH: cleanEnv().PATH } });
    sessions.push(session);
    const screen = await session.waitFor('2 of 2 profiles', 20_000);
    expect(screen).toMatch(/❯ default/);
    expect(screen).toContain('work');
    session.press('CtrlC');
    expect((await session.waitForExit()).exitCode).toBe(130);
  });

  test('npx ./the-tarball.tgz runs it too', () => {
    const out = execFileSync('npx', ['--yes', '--prefer-offline', `./${tarball.split('/').pop()}`, '--version'], {
      cwd: work,
      env: cleanEnv(),
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(out.trim().split('\n').pop()).toBe(`s3share-tui ${version}`);
  }, 300_000);
});
