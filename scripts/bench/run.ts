/**
 * npm run bench: start-up, listing and redraw figures for s3share-tui, each measured several times
 * in one run on one machine, with medians, ratios to their baselines and the targets of the issue.
 * Prints the table and writes bench/RESULTS.md. A benchmark script, not a test: CI does not run it.
 *
 *   npm run bench                 everything (first run seeds 100,000 objects into a cached RGW)
 *   npm run bench -- --stop       stop the cached Ceph RGW (.bench-cache/rgw) and remove it
 *   npm run bench -- --help       the other options
 *
 * Only 127.0.0.1 is contacted. Every loop is bounded in count and time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { homeEnvironment, homeWithProfiles } from '../../test/support/aws-home.js';
import type { S3Server } from '../../test/support/s3-fixture.js';
import { childEnvironment } from '../../test/support/terminal/child-environment.js';
import { Key } from '../../test/support/terminal/keys.js';
import { PtySession } from '../../test/support/terminal/pty-session.js';
import { hostileFigures } from './hostile.js';
import { measureInstall } from './install.js';
import { sample, timeProcess, type Info, type Row, type Sample } from './measure.js';
import {
  client,
  ensureBucket,
  ensureServer,
  httpPutter,
  listKeys,
  putMany,
  sdkPutter,
  stopServer,
  type SeedReport,
} from './server.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CACHE_DIR = join(ROOT, '.bench-cache', 'rgw');
/** How the cached server's big prefix was seeded (kept with the server, gone when it is). */
const SEED_RECORD = join(CACHE_DIR, 'bench-seed.txt');
const RGW_SCRIPTS = join(ROOT, 'scripts', 'rgw');
// The app is measured from a copy of dist/ (a build by someone else mid-run cannot pull it away).
const APP_DIR = join(ROOT, '.bench-cache', 'app');
const CLI = join(APP_DIR, 'dist', 'cli.js');
const LIST_ONCE = join(ROOT, 'scripts', 'bench', 'list-once.mjs');
const ECHO_KEYS = join(ROOT, 'scripts', 'bench', 'echo-keys.mjs');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const APP_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NODE = process.execPath;
const AWS_CLI = '/usr/bin/aws';

const SMALL_BUCKET = 'bench-small';
const SMALL_KEY = 'reports/2026/summary.csv';
const BIG_BUCKET = 'bench-big';
const BIG_PREFIX = 'big/';
const BIG_COUNT = 100_000;
const bigKey = (i: number) => `${BIG_PREFIX}${String(i).padStart(6, '0')}.log`;
const PROFILES = ['default', 'bench-eu'];

// ---------------------------------------------------------------- options

interface Options {
  stop: boolean;
  runs: number;
  ptyRuns: number;
  keyRuns: number;
  memoryRuns: number;
  hostileRuns: number;
  skipBig: boolean;
  build: boolean;
  concurrency: number;
  seeder: 'http' | 'sdk';
  write: boolean;
  /** Figure groups to measure; all when empty. */
  only: Set<Group>;
}

const GROUPS = ['startup', 'sign', 'frame', 'rows', 'list', 'install', 'cache', 'hostile'] as const;
/** Node.js LTS lines measured for the compile cache besides the running node (official binaries, scripts/fetch-node.sh). */
const NODE_LINES = ['22', '24'];
type Group = (typeof GROUPS)[number];
/** Groups measured without the Ceph RGW. */
const WITHOUT_RGW: readonly Group[] = ['install', 'hostile'];

const HELP = `usage: npm run bench [-- options]
  --stop             stop the cached Ceph RGW (.bench-cache/rgw), remove its directory, exit
  --runs N           runs of each start-up command (default 15; 2 warm-up rounds come first)
  --pty-runs N       runs of each pseudo-terminal launch (default 10; 1 warm-up round first)
  --key-runs N       redraw samples per kind of key (default 30; 3 warm-ups first)
  --memory-runs N    app sessions that page through all 100,000 keys for figure f (default 3)
  --skip-big         skip the 100,000-object prefix (figures d, e, f)
  --no-build         do not run the build first (measure dist/ as it is)
  --concurrency N    PUTs in flight while seeding (default 64)
  --seeder http|sdk  seed over plain node:http with SigV4 signed here (default), or with the AWS SDK
  --no-write         print the table only; leave bench/RESULTS.md alone
  --only G[,G]       measure only these groups (implies --no-write): startup (a, a2, b, aws),
                     sign (g), frame (c), rows (d), list (e, f), cache, install,
                     hostile (h: 100,000 buckets from a loopback impostor; no RGW needed)
  --hostile-runs N   rounds of the hostile-input sessions (default 5; 1 warm-up round first)
`;

class UsageError extends Error {}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    stop: false,
    runs: 15,
    ptyRuns: 10,
    keyRuns: 30,
    memoryRuns: 3,
    hostileRuns: 5,
    skipBig: false,
    build: true,
    concurrency: 64,
    seeder: 'http',
    write: true,
    only: new Set(),
  };
  const count = (name: string, value: string | undefined, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${name} needs a whole number from 1 to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    switch (arg) {
      case '--stop':
        options.stop = true;
        break;
      case '--runs':
        options.runs = count(arg, argv[++i], 200);
        break;
      case '--pty-runs':
        options.ptyRuns = count(arg, argv[++i], 100);
        break;
      case '--key-runs':
        options.keyRuns = count(arg, argv[++i], 500);
        break;
      case '--memory-runs':
        options.memoryRuns = count(arg, argv[++i], 20);
        break;
      case '--hostile-runs':
        options.hostileRuns = count(arg, argv[++i], 50);
        break;
      case '--skip-big':
        options.skipBig = true;
        break;
      case '--no-build':
        options.build = false;
        break;
      case '--concurrency':
        options.concurrency = count(arg, argv[++i], 512);
        break;
      case '--seeder': {
        const value = argv[++i];
        if (value !== 'http' && value !== 'sdk') throw new UsageError('--seeder is http or sdk');
        options.seeder = value;
        break;
      }
      case '--no-write':
        options.write = false;
        break;
      case '--only': {
        for (const name of (argv[++i] ?? '').split(',')) {
          if (!(GROUPS as readonly string[]).includes(name)) throw new UsageError(`--only takes ${GROUPS.join(', ')}`);
          options.only.add(name as Group);
        }
        options.write = false;
        break;
      }
      case '-h':
      case '--help':
        process.stdout.write(HELP);
        process.exit(0);
      // falls through (process.exit never returns)
      default:
        throw new UsageError(`unknown option ${arg}\n${HELP}`);
    }
  }
  return options;
}

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

// ---------------------------------------------------------------- results

const rows: Row[] = [];
const info: Info[] = [];

function ratioOf(row: Row): number | undefined {
  if (row.target.kind !== 'ratio' || !row.value || !row.baseline?.value) return undefined;
  return row.value.median / row.baseline.value.median;
}

function verdict(row: Row): string {
  if (!row.value) return 'not measured';
  if (row.target.kind === 'ratio') {
    const ratio = ratioOf(row);
    if (ratio === undefined) return 'not measured';
    return ratio <= row.target.max ? 'pass' : 'FAIL';
  }
  if (row.target.kind === 'at-least') return row.value.median >= row.target.min ? 'pass' : 'FAIL';
  return row.value.median < row.target.max ? 'pass' : 'FAIL';
}

const fmt = (value: number, unit: string) =>
  unit === 'MB'
    ? `${value.toFixed(1)} MB`
    : unit === 'links/s'
      ? `${Math.round(value).toLocaleString('en')} links/s`
      : `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;

function table(): string {
  const header =
    '| | measurement | median | runs | compared with | its median | ratio | target | result | ratio of fastest runs |';
  const rule = '| --- | --- | ---: | ---: | --- | ---: | ---: | --- | --- | ---: |';
  const lines = rows.map((row) => {
    const value = row.value ? fmt(row.value.median, row.unit) : '–';
    const runs = row.value ? String(row.value.values.length) : '–';
    const base = row.baseline?.what ?? '–';
    const baseValue = row.baseline?.value ? fmt(row.baseline.value.median, row.unit) : '–';
    const ratio = ratioOf(row);
    const target =
      row.target.kind === 'ratio'
        ? `≤ ${row.target.max}×`
        : row.target.kind === 'at-least'
          ? `≥ ${row.target.min.toLocaleString('en')} ${row.unit}`
          : `< ${row.target.max} ${row.unit}`;
    const result = verdict(row);
    const fastest =
      row.target.kind === 'ratio' && row.value && row.baseline?.value
        ? `${(row.value.min / row.baseline.value.min).toFixed(2)}×`
        : '–';
    return `| ${row.id} | ${row.what} | ${value} | ${runs} | ${base} | ${baseValue} | ${ratio === undefined ? '–' : `${ratio.toFixed(2)}×`} | ${target} | ${result === 'FAIL' ? '**FAIL**' : result} | ${fastest} |`;
  });
  return [header, rule, ...lines].join('\n');
}

function infoTable(): string {
  return ['| figure | value |', '| --- | --- |', ...info.map((i) => `| ${i.what} | ${i.value} |`)].join('\n');
}

const spread = (s: Sample | undefined, unit: 'ms' | 'MB' | 'links/s' = 'ms') =>
  s
    ? `median ${fmt(s.median, unit)}, min ${fmt(s.min, unit)}, p90 ${fmt(s.p90, unit)}, max ${fmt(s.max, unit)} (${s.values.length} runs)`
    : 'not measured';

// ---------------------------------------------------------------- machine

function machine(): Info[] {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || String(cpus().length);
  const version = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000, env: childEnvironment() });
    return r.status === 0 ? (`${r.stdout}${r.stderr}`.trim().split('\n')[0] ?? '') : 'not available';
  };
  const commit = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync(
    'git',
    ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'scripts/build.mjs', 'package.json'],
    { encoding: 'utf8' },
  ).stdout.trim();
  return [
    { what: 'date', value: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') },
    { what: 'CPU', value: `${model}, nproc ${nproc}` },
    { what: 'memory', value: `${(totalmem() / 2 ** 30).toFixed(1)} GiB` },
    {
      what: 'load average at start (1/5/15 min)',
      value: loadavg()
        .map((l) => l.toFixed(2))
        .join(' / '),
    },
    { what: 'Node.js', value: process.version },
    {
      what: 'app',
      value: `s3share-tui ${APP_VERSION}, commit ${commit || '?'}${dirty ? ' (with uncommitted changes in src/)' : ''}`,
    },
    {
      what: 'command',
      value: `\`tsx scripts/bench/run.ts${process.argv
        .slice(2)
        .map((a) => ` ${a}`)
        .join('')}\``,
    },
    { what: 'AWS CLI', value: existsSync(AWS_CLI) ? version(AWS_CLI, ['--version']) : 'not installed' },
    { what: 'S3 server', value: `Ceph RADOS Gateway (${version('radosgw', ['--version'])}), memstore, 127.0.0.1` },
  ];
}

// ---------------------------------------------------------------- steps

function build(): void {
  log('building (node scripts/build.mjs)');
  const result = spawnSync(NODE, [join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error('the build failed');
}

/** Copies dist/ to .bench-cache/app/dist, checking that every chunk a file imports is there. */
async function snapshotDist(): Promise<void> {
  const source = join(ROOT, 'dist');
  const target = join(APP_DIR, 'dist');
  for (let attempt = 1; ; attempt += 1) {
    rmSync(APP_DIR, { recursive: true, force: true });
    mkdirSync(APP_DIR, { recursive: true });
    let problem: string | undefined;
    try {
      cpSync(source, target, { recursive: true });
      const files = ['cli.js', ...readdirSync(join(target, 'chunks')).map((f) => `chunks/${f}`)].filter((f) =>
        f.endsWith('.js'),
      );
      for (const file of files) {
        const text = readFileSync(join(target, file), 'utf8');
        for (const match of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
          const wanted = join(target, file, '..', match[1] as string);
          if (!existsSync(wanted)) problem = `${file} imports ${match[1]}, which is missing`;
        }
      }
    } catch (error) {
      problem = (error as Error).message;
    }
    if (!problem) return;
    if (attempt >= 5) throw new Error(`dist/ is incomplete (${problem}): run npm run build`);
    log(`dist/ looks mid-build (${problem}); copying again in 2 s`);
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** Installs Debian's awscli when it is missing and we are root (as scripts/test.sh does for its packages). */
function ensureAwsCli(): boolean {
  if (existsSync(AWS_CLI)) return true;
  if (process.getuid?.() !== 0) {
    log(
      `${AWS_CLI} is missing; install it with: sudo apt-get install -y --no-install-recommends awscli (the comparison is skipped)`,
    );
    return false;
  }
  log(`${AWS_CLI} is missing: apt-get install -y --no-install-recommends awscli`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'awscli'], {
      stdio: 'ignore',
      env,
      timeout: 600_000,
    });
  if (install().status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 600_000 });
    install();
  }
  return existsSync(AWS_CLI);
}

async function seedBig(server: S3Server, options: Options): Promise<void> {
  const s3 = client(server);
  await ensureBucket(s3, BIG_BUCKET);
  const checkStarted = performance.now();
  const present = await listKeys(s3, BIG_BUCKET, BIG_PREFIX, 2 * (BIG_COUNT / 1000) + 10);
  const checkSeconds = (performance.now() - checkStarted) / 1000;
  const wanted = Array.from({ length: BIG_COUNT }, (_, i) => bigKey(i));
  const missing = wanted.filter((key) => !present.has(key));
  const extra = present.size - (BIG_COUNT - missing.length);
  if (extra > 0)
    throw new Error(
      `s3://${BIG_BUCKET}/${BIG_PREFIX} holds ${extra} keys the benchmark did not write; run npm run bench -- --stop`,
    );
  if (missing.length === 0) {
    log(
      `big prefix: s3://${BIG_BUCKET}/${BIG_PREFIX} already holds ${BIG_COUNT.toLocaleString('en-US')} objects (counted in ${checkSeconds.toFixed(1)} s)`,
    );
    const earlier = existsSync(SEED_RECORD) ? ` It was seeded ${readFileSync(SEED_RECORD, 'utf8').trim()}.` : '';
    info.push({
      what: 'seeding',
      value: `not needed this run: the cached server already held ${BIG_COUNT.toLocaleString('en-US')} objects (listing them all to check took ${checkSeconds.toFixed(1)} s).${earlier}`,
    });
    return;
  }
  log(
    `big prefix: seeding ${missing.length.toLocaleString('en-US')} objects into s3://${BIG_BUCKET}/${BIG_PREFIX} (${options.concurrency} in flight, ${options.seeder})`,
  );
  const put =
    options.seeder === 'http'
      ? httpPutter(server, BIG_BUCKET, options.concurrency)
      : sdkPutter(server, BIG_BUCKET, options.concurrency);
  const report: SeedReport = await putMany(put, missing, options.concurrency, log);
  const verify = await listKeys(s3, BIG_BUCKET, BIG_PREFIX, 2 * (BIG_COUNT / 1000) + 10);
  if (verify.size !== BIG_COUNT)
    throw new Error(`after seeding, s3://${BIG_BUCKET}/${BIG_PREFIX} lists ${verify.size} keys, not ${BIG_COUNT}`);
  log(
    `big prefix: seeded ${report.written.toLocaleString('en-US')} objects in ${report.seconds.toFixed(1)} s (${report.perSecond.toFixed(0)}/s)`,
  );
  const seeded = `${report.written.toLocaleString('en-US')} objects PUT in ${report.seconds.toFixed(1)} s = ${report.perSecond.toFixed(0)} objects/s (${report.concurrency} in flight, ${options.seeder === 'http' ? 'node:http + SigV4 signed in the script' : 'AWS SDK'}, Buffer bodies, no checksums)`;
  writeFileSync(SEED_RECORD, `on ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}: ${seeded}\n`);
  info.push({ what: 'seeding', value: seeded });
}

async function seedSmall(server: S3Server): Promise<void> {
  const s3 = client(server);
  await ensureBucket(s3, SMALL_BUCKET).catch(() => s3.send(new CreateBucketCommand({ Bucket: SMALL_BUCKET })));
  await s3.send(
    new PutObjectCommand({ Bucket: SMALL_BUCKET, Key: SMALL_KEY, Body: Buffer.from('quarter,total\nq1,42\n') }),
  );
}

/** Fetches a presigned URL once: the benchmark measures a path that yields a working link. */
async function assertWorks(url: string, who: string): Promise<void> {
  if (!url.startsWith('http://127.0.0.1:')) throw new Error(`${who} printed an unexpected URL: ${url}`);
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${who}'s URL answered ${response.status}`);
}

async function startUp(
  server: S3Server,
  envHome: Record<string, string>,
  options: Options,
  awsAvailable: boolean,
): Promise<void> {
  const target = `s3://${SMALL_BUCKET}/${SMALL_KEY}`;
  const isUrl = (out: string) => out.includes('\n') && out.startsWith('http');
  const commands = {
    nodeZero: { file: NODE, args: ['-e', '0'], until: undefined as ((s: string) => boolean) | undefined },
    version: { file: NODE, args: [CLI, '--version'], until: (s: string) => s.includes('\n') },
    presign: { file: NODE, args: [CLI, '--no-check', target], until: isUrl },
    presignChecked: { file: NODE, args: [CLI, target], until: isUrl },
    // The first call for a bucket: no region remembered from an earlier run, so it is looked up.
    presignCold: { file: NODE, args: [CLI, '--no-check', target], until: isUrl },
    aws: { file: AWS_CLI, args: ['s3', 'presign', target, '--endpoint-url', server.endpoint], until: isUrl },
  };
  type Name = keyof typeof commands;
  const names = (Object.keys(commands) as Name[]).filter((n) => n !== 'aws' || awsAvailable);
  const toExit: Record<Name, number[]> = {
    nodeZero: [],
    version: [],
    presign: [],
    presignChecked: [],
    presignCold: [],
    aws: [],
  };
  const toOutput: Record<Name, number[]> = {
    nodeZero: [],
    version: [],
    presign: [],
    presignChecked: [],
    presignCold: [],
    aws: [],
  };
  const coldCache = join(ROOT, '.bench-cache', 'cold-cache');
  const envFor = (name: Name) => {
    if (name !== 'presignCold') return envHome;
    rmSync(coldCache, { recursive: true, force: true });
    return { ...envHome, XDG_CACHE_HOME: coldCache };
  };

  // Correctness first: each command's output is what it should be, and the links work.
  const check = async (name: Name) => {
    const c = commands[name];
    const r = await timeProcess(c.file, c.args, { env: envFor(name), cwd: ROOT, until: c.until });
    if (r.code !== 0) throw new Error(`${c.file} ${c.args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
    return r;
  };
  const v = await check('version');
  if (v.stdout.trim() !== `s3share-tui ${APP_VERSION}`)
    throw new Error(`--version printed ${JSON.stringify(v.stdout)}`);
  await assertWorks((await check('presign')).stdout.trim(), 's3share-tui --no-check');
  await assertWorks((await check('presignChecked')).stdout.trim(), 's3share-tui');
  await assertWorks((await check('presignCold')).stdout.trim(), 's3share-tui --no-check, no remembered region');
  if (awsAvailable) await assertWorks((await check('aws')).stdout.trim(), 'aws s3 presign');

  const warmups = 2;
  log(`start-up: ${warmups} warm-up + ${options.runs} measured rounds of ${names.join(', ')}, interleaved`);
  for (let round = 0; round < warmups + options.runs; round += 1) {
    // Rotate the order each round so no command always follows the same one.
    for (let j = 0; j < names.length; j += 1) {
      const name = names[(round + j) % names.length] as Name;
      const c = commands[name];
      const r = await timeProcess(c.file, c.args, { env: envFor(name), cwd: ROOT, until: c.until });
      if (r.code !== 0) throw new Error(`${c.file} ${c.args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
      if (c.until && r.toOutput === undefined)
        throw new Error(`${c.file} ${c.args.join(' ')} printed ${JSON.stringify(r.stdout)}`);
      if (round < warmups) continue;
      toExit[name].push(r.toExit);
      if (r.toOutput !== undefined) toOutput[name].push(r.toOutput);
    }
  }
  const s = (values: number[]) => (values.length ? sample(values) : undefined);
  const nodeZero = s(toExit.nodeZero);
  rows.push({
    id: 'a',
    what: 'presign, non-interactive: `node dist/cli.js --no-check s3://B/K` (bucket region remembered by an earlier call), spawn → URL on stdout',
    value: s(toOutput.presign),
    unit: 'ms',
    baseline: { what: '`node -e 0` (spawn → exit)', value: nodeZero },
    target: { kind: 'ratio', max: 2.5 },
  });
  rows.push({
    id: 'a2',
    what: 'presign with the link check, non-interactive: `node dist/cli.js s3://B/K` (bucket region remembered; the link itself fetched with Range bytes=0-0 before it is printed), spawn → URL on stdout',
    value: s(toOutput.presignChecked),
    unit: 'ms',
    baseline: { what: '`node -e 0` (spawn → exit)', value: nodeZero },
    target: { kind: 'ratio', max: 2.5 },
  });
  rows.push({
    id: 'b',
    what: '`node dist/cli.js --version`, spawn → exit',
    value: s(toExit.version),
    unit: 'ms',
    baseline: { what: '`node -e 0` (spawn → exit)', value: nodeZero },
    target: { kind: 'ratio', max: 1.5 },
  });
  if (awsAvailable) {
    rows.push({
      id: 'aws',
      what: 'presign, non-interactive, spawn → exit: ours (`--no-check`) vs the AWS CLI',
      value: s(toExit.presign),
      unit: 'ms',
      baseline: { what: '`aws s3 presign s3://B/K --endpoint-url URL` (spawn → exit)', value: s(toExit.aws) },
      target: { kind: 'ratio', max: 0.3 },
    });
  } else {
    rows.push({
      id: 'aws',
      what: 'presign vs the AWS CLI',
      value: undefined,
      unit: 'ms',
      target: { kind: 'ratio', max: 0.3 },
      note: `${AWS_CLI} missing`,
    });
  }
  info.push(
    { what: '`node -e 0`, spawn → exit', value: spread(nodeZero) },
    { what: '`--version`, spawn → exit', value: spread(s(toExit.version)) },
    { what: 'presign `--no-check`, spawn → URL on stdout', value: spread(s(toOutput.presign)) },
    { what: 'presign `--no-check`, spawn → exit', value: spread(s(toExit.presign)) },
    {
      what: 'presign with the link check (the link fetched, Range bytes=0-0), spawn → exit',
      value: spread(s(toExit.presignChecked)),
    },
    {
      what: 'presign `--no-check` as the first call for the bucket (its region looked up: HeadBucket, GetBucketLocation), spawn → exit',
      value: spread(s(toExit.presignCold)),
    },
  );
  if (awsAvailable) {
    info.push(
      { what: '`aws s3 presign`, spawn → URL on stdout', value: spread(s(toOutput.aws)) },
      { what: '`aws s3 presign`, spawn → exit', value: spread(s(toExit.aws)) },
    );
  }
}

/**
 * Figure g: how fast links are signed once the program runs. 10,000 URIs on stdin and 1 URI on
 * stdin, both `--no-check` with the bucket's region remembered, are timed spawn → exit in
 * alternation; each round's rate is 9,999 links over the difference, so start-up cancels out.
 */
async function signingRate(envHome: Record<string, string>, options: Options): Promise<void> {
  const COUNT = 10_000;
  // The real object first (its link is fetched to prove the output works), then distinct keys.
  const uris = [
    `s3://${SMALL_BUCKET}/${SMALL_KEY}`,
    ...Array.from({ length: COUNT - 1 }, (_, i) => `s3://${SMALL_BUCKET}/rate/${String(i).padStart(5, '0')} ü.log`),
  ];
  const many = `${uris.join('\n')}\n`;
  const one = `${uris[0]}\n`;
  const args = [CLI, '--no-check', '-'];
  const run = async (input: string, lines: number) => {
    const r = await timeProcess(NODE, args, { env: envHome, cwd: ROOT, input, timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`${args.join(' ')} with ${lines} URIs exited ${r.code}: ${r.stderr.trim()}`);
    const printed = r.stdout.trimEnd().split('\n');
    if (printed.length !== lines) throw new Error(`${lines} URIs on stdin printed ${printed.length} lines`);
    return { ms: r.toExit, first: printed[0] as string };
  };
  // The first call remembers the bucket's region; the measured ones find it remembered.
  await assertWorks((await run(one, 1)).first, 's3share-tui --no-check - (1 URI)');
  await assertWorks((await run(many, COUNT)).first, `s3share-tui --no-check - (${COUNT} URIs)`);
  const warmups = 2;
  log(
    `signing rate: ${warmups} warm-up + ${options.runs} measured pairs of 1 and ${COUNT.toLocaleString('en')} URIs on stdin`,
  );
  const rates: number[] = [];
  const singles: number[] = [];
  const manys: number[] = [];
  for (let round = 0; round < warmups + options.runs; round += 1) {
    const order = round % 2 === 0 ? [1, COUNT] : [COUNT, 1];
    const times: Record<number, number> = {};
    for (const lines of order) times[lines] = (await run(lines === 1 ? one : many, lines)).ms;
    if (round < warmups) continue;
    const extra = (times[COUNT] as number) - (times[1] as number);
    singles.push(times[1] as number);
    manys.push(times[COUNT] as number);
    rates.push(((COUNT - 1) / Math.max(extra, 0.001)) * 1000);
  }
  rows.push({
    id: 'g',
    what: `signing rate, non-interactive: \`node dist/cli.js --no-check -\` with ${COUNT.toLocaleString('en')} URIs on stdin vs 1 URI (region remembered), ${(COUNT - 1).toLocaleString('en')} links ÷ (time(${COUNT.toLocaleString('en')}) − time(1)), spawn → exit`,
    value: sample(rates),
    unit: 'links/s',
    target: { kind: 'at-least', min: 20_000 },
  });
  info.push(
    { what: `\`--no-check -\`, 1 URI on stdin, spawn → exit`, value: spread(sample(singles)) },
    {
      what: `\`--no-check -\`, ${COUNT.toLocaleString('en')} URIs on stdin, spawn → exit`,
      value: spread(sample(manys)),
    },
  );
}

/** Launches `args` in a pty and times spawn → the screen passing `test`; the program is then killed. */
async function ptyLaunch(
  file: string,
  args: readonly string[],
  env: Record<string, string>,
  test: RegExp | string,
  timeoutMs: number,
): Promise<number> {
  const term = new PtySession(file, args, { env, cwd: ROOT, cols: 100, rows: 30 });
  try {
    const { at } = await term.waitForMatch(test, timeoutMs);
    return at - term.spawnedAt;
  } finally {
    await term.dispose();
  }
}

async function firstFrame(envHome: Record<string, string>, options: Options): Promise<void> {
  const profilesShown = new RegExp(`${PROFILES.length} of ${PROFILES.length} profiles`);
  const app: number[] = [];
  const base: number[] = [];
  log(`first frame: 1 warm-up + ${options.ptyRuns} measured launches each, interleaved`);
  for (let round = 0; round < 1 + options.ptyRuns; round += 1) {
    const pair = [
      async () => ptyLaunch(NODE, [CLI], envHome, profilesShown, 15_000),
      async () => ptyLaunch(NODE, ['-e', "console.log('ready')"], envHome, /^ready$/m, 15_000),
    ] as const;
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    const times: number[] = [];
    for (const i of order) times[i] = await pair[i as 0 | 1]();
    if (round === 0) continue;
    app.push(times[0] as number);
    base.push(times[1] as number);
  }
  rows.push({
    id: 'c',
    what: 'first interactive frame: app in a pty, spawn → profile list on screen (“2 of 2 profiles”)',
    value: sample(app),
    unit: 'ms',
    baseline: {
      what: '`node -e "console.log(\'ready\')"` in the same pty harness, spawn → `ready` on screen',
      value: sample(base),
    },
    target: { kind: 'ratio', max: 2.5 },
  });
  info.push(
    { what: 'first frame (profiles), pty', value: spread(sample(app)) },
    { what: '`ready` baseline, pty', value: spread(sample(base)) },
  );
}

const OBJECT_ROW = /^ [ ❯] 📄 /m;
const bigArgs = () => [CLI, '--profile', 'default', '--bucket', BIG_BUCKET, '--prefix', BIG_PREFIX];

async function firstRows(server: S3Server, envHome: Record<string, string>, options: Options): Promise<void> {
  const listEnv = {
    ...envHome,
    BENCH_S3_ENDPOINT: server.endpoint,
    BENCH_S3_ACCESS_KEY_ID: server.accessKeyId,
    BENCH_S3_SECRET_ACCESS_KEY: server.secretAccessKey,
    BENCH_S3_REGION: server.region,
  };
  const app: number[] = [];
  const fresh: number[] = [];
  // The app's own first call asks for a few screens of keys (MaxKeys 100 in this 30-row pty).
  const freshSmall: number[] = [];
  log(`first object rows: 1 warm-up + ${options.ptyRuns} measured launches each, interleaved`);
  for (let round = 0; round < 1 + options.ptyRuns; round += 1) {
    const runApp = () => ptyLaunch(NODE, bigArgs(), envHome, OBJECT_ROW, 30_000);
    const runList = async (maxKeys = 1000) => {
      const args = [LIST_ONCE, BIG_BUCKET, BIG_PREFIX, ...(maxKeys === 1000 ? [] : [String(maxKeys)])];
      const r = await timeProcess(NODE, args, { env: listEnv, cwd: ROOT, until: (s) => /^listed \d+$/m.test(s) });
      if (r.code !== 0 || r.toOutput === undefined)
        throw new Error(`list-once.mjs failed (${r.code}): ${r.stdout} ${r.stderr}`);
      if (!new RegExp(`^listed ${maxKeys}$`, 'm').test(r.stdout))
        throw new Error(`list-once.mjs listed ${r.stdout.trim()}, expected a page of ${maxKeys}`);
      return r.toOutput;
    };
    let a: number;
    let b: number;
    if (round % 2 === 0) {
      a = await runApp();
      b = await runList();
    } else {
      b = await runList();
      a = await runApp();
    }
    const small = await runList(100);
    if (round === 0) continue;
    app.push(a);
    fresh.push(b);
    freshSmall.push(small);
  }
  // The bare call, inside this process (SDK loaded, client built): one cold call, then warm ones.
  const s3 = client(server);
  const list = () => s3.send(new ListObjectsV2Command({ Bucket: BIG_BUCKET, Prefix: BIG_PREFIX, Delimiter: '/' }));
  let started = performance.now();
  await list();
  const cold = performance.now() - started;
  const warm: number[] = [];
  for (let i = 0; i < options.ptyRuns; i += 1) {
    started = performance.now();
    await list();
    warm.push(performance.now() - started);
  }
  rows.push({
    id: 'd',
    what: `first object rows: \`--profile P --bucket B --prefix ${BIG_PREFIX}\` (${BIG_COUNT.toLocaleString('en-US')} objects) in a pty, spawn → first object row on screen`,
    value: sample(app),
    unit: 'ms',
    baseline: {
      what: 'fresh `node` importing @aws-sdk/client-s3, one ListObjectsV2 (Delimiter `/`, S3’s default 1,000 keys), spawn → result on stdout',
      value: sample(fresh),
    },
    target: { kind: 'ratio', max: 1.5 },
  });
  info.push(
    { what: 'first object rows, pty', value: spread(sample(app)) },
    { what: 'fresh node + SDK + one ListObjectsV2 (1,000 keys)', value: spread(sample(fresh)) },
    {
      what: 'fresh node + SDK + one ListObjectsV2 of MaxKeys 100, the size of the app’s first call here (ratio of d against it in brackets)',
      value: `${spread(sample(freshSmall))} (${(sample(app).median / sample(freshSmall).median).toFixed(2)}×)`,
    },
    {
      what: 'one ListObjectsV2 in-process (SDK loaded, client built): first call / then',
      value: `${fmt(cold, 'ms')} / ${spread(sample(warm))}`,
    },
  );
}

interface KeyTimes {
  moves: number[];
  typed: number[];
  erased: number[];
}

/**
 * Times keys one at a time, each after the screen has been quiet for 150 ms (a person's pace; Ink
 * draws at most one frame every 34 ms, so a key sent sooner could wait for that throttle): Up/Down
 * between rows `a` (the cursor's row now) and `b`, then the filter `7` and Backspace.
 */
async function timeKeys(term: PtySession, a: string, b: string, runs: number, label: string): Promise<KeyTimes> {
  const timeKey = async (key: string, expect: (screen: string) => boolean, what: string) => {
    await term.quiet(150, 5000);
    const sent = term.write(key);
    const { at: shown } = await term.waitForMatch(expect, 10_000, what);
    if (shown < sent) throw new Error(`the screen already showed ${what} before the key was sent`);
    return shown - sent;
  };
  const cursorOn = (name: string) => (s: string) => s.includes(`❯ 📄 ${name}`);
  const down = a < b;
  const warm = 3;
  log(`redraw with ${label}: ${warm} warm-up + ${runs} cursor moves, then as many filter keystrokes and Backspaces`);
  const result: KeyTimes = { moves: [], typed: [], erased: [] };
  for (let i = 0; i < warm + runs; i += 1) {
    const away = i % 2 === 0;
    const key = away === down ? Key.Down : Key.Up;
    const ms = await timeKey(key, cursorOn(away ? b : a), `the cursor on ${away ? b : a}`);
    if (i >= warm) result.moves.push(ms);
  }
  const filtered = (s: string) => s.includes('filter: 7▏') && /[\d,]+ match(es)? · /.test(s);
  const unfiltered = (s: string) => s.includes('type to filter') && !/ match(es)? · /.test(s);
  for (let i = 0; i < warm + runs; i += 1) {
    const t = await timeKey('7', filtered, 'the filter “7”');
    const e = await timeKey(Key.Backspace, unfiltered, 'the filter cleared');
    if (i < warm) continue;
    result.typed.push(t);
    result.erased.push(e);
  }
  return result;
}

function readStatus(pid: number): { rss: number; hwm: number; cmdline: string } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024, cmdline };
}

/** Loads every page of the big prefix: one End goes on to the end as the pages arrive. */
async function pageAll(term: PtySession): Promise<{ seconds: number }> {
  const statusLine = () => term.lines().find((line) => / objects? · /.test(line)) ?? '';
  const loaded = () => Number((/([\d,]+) objects? · /.exec(statusLine())?.[1] ?? '0').replace(/,/g, ''));
  const complete = () => !/more|to the end/.test(statusLine()) && loaded() === BIG_COUNT;
  const started = performance.now();
  term.write(Key.End);
  await term.waitForMatch(complete, 15 * 60_000, `End to load all ${BIG_COUNT} rows`);
  const seconds = (performance.now() - started) / 1000;
  const last = bigKey(BIG_COUNT - 1).slice(BIG_PREFIX.length);
  await term.waitForMatch((s) => s.includes(`❯ 📄 ${last}`), 10_000, `the cursor on ${last}`);
  return { seconds };
}

/**
 * Figures e and f. Each of `options.memoryRuns` sessions opens the big prefix and pages through
 * every key, then reads the app's memory; the first also times keys, with the first page loaded
 * and then with every row loaded.
 */
async function bigList(envHome: Record<string, string>, options: Options): Promise<void> {
  const name = (i: number) => bigKey(i).slice(BIG_PREFIX.length);
  const count = BIG_COUNT.toLocaleString('en-US');
  const rss: number[] = [];
  const hwm: number[] = [];
  const firstPageRss: number[] = [];
  const pagingSeconds: number[] = [];
  let small: KeyTimes | undefined;
  let big: KeyTimes | undefined;
  let afterKeys: ReturnType<typeof readStatus> | undefined;
  for (let session = 0; session < options.memoryRuns; session += 1) {
    const term = new PtySession(NODE, bigArgs(), { env: envHome, cwd: ROOT, cols: 100, rows: 30 });
    try {
      await term.waitForMatch(
        (s) => s.includes(`❯ 📄 ${name(0)}`) && /[\d,]+ objects · .*more/.test(s),
        30_000,
        'the first page',
      );
      await term.quiet(300, 5000);
      firstPageRss.push(readStatus(term.pid).rss);
      // The same keys with only the first page loaded, for scale.
      if (session === 0) small = await timeKeys(term, name(0), name(1), options.keyRuns, 'the first page loaded');

      log(`big list (session ${session + 1} of ${options.memoryRuns}): End, until all ${count} rows are loaded`);
      const paged = await pageAll(term);
      pagingSeconds.push(paged.seconds);
      await term.quiet(500, 5000);
      const proc = readStatus(term.pid);
      if (!proc.cmdline.includes('dist/cli.js')) throw new Error(`pid ${term.pid} is not the app: ${proc.cmdline}`);
      rss.push(proc.rss);
      hwm.push(proc.hwm);

      if (session === 0) {
        big = await timeKeys(
          term,
          name(BIG_COUNT - 1),
          name(BIG_COUNT - 2),
          options.keyRuns,
          `all ${count} rows loaded`,
        );
        afterKeys = readStatus(term.pid);
      }
    } finally {
      await term.dispose();
    }
  }
  if (!small || !big || !afterKeys) throw new Error('the key timings are missing');
  rows.push(
    {
      id: 'e1',
      what: `cursor move (Up / Down, alternating) with ${count} rows loaded: key written → cursor row redrawn`,
      value: sample(big.moves),
      unit: 'ms',
      target: { kind: 'absolute', max: 30, strict: true },
    },
    {
      id: 'e2',
      what: `filter keystroke (\`7\`) over ${count} rows: key written → filtered list and “N match” on screen`,
      value: sample(big.typed),
      unit: 'ms',
      target: { kind: 'absolute', max: 30, strict: true },
    },
    {
      id: 'e3',
      what: 'Backspace clearing that filter: key written → full list on screen',
      value: sample(big.erased),
      unit: 'ms',
      target: { kind: 'absolute', max: 30, strict: true },
    },
    {
      id: 'f',
      what: `memory: the app's resident set (VmRSS) after paging through all ${count} keys (one app session per run)`,
      value: sample(rss),
      unit: 'MB',
      target: { kind: 'absolute', max: 150, strict: true },
    },
  );
  info.push(
    {
      what: `loading all ${count} rows with one End (about ${BIG_COUNT / 1000} pages)`,
      value: `${spread(sample(pagingSeconds.map((s) => s * 1000)))}`,
    },
    { what: 'memory with the first page loaded (100 rows): VmRSS', value: spread(sample(firstPageRss), 'MB') },
    { what: `memory after loading ${count} rows: VmRSS`, value: spread(sample(rss), 'MB') },
    { what: `memory after loading ${count} rows: peak VmHWM`, value: spread(sample(hwm), 'MB') },
    {
      what: 'memory after the redraw tests (first session): VmRSS / VmHWM',
      value: `${afterKeys.rss.toFixed(1)} MB / ${afterKeys.hwm.toFixed(1)} MB`,
    },
    { what: `cursor move redraw, ${count} rows`, value: spread(sample(big.moves)) },
    { what: `filter keystroke redraw, ${count} rows`, value: spread(sample(big.typed)) },
    { what: `Backspace (clear filter) redraw, ${count} rows`, value: spread(sample(big.erased)) },
    {
      what: 'cursor move redraw, 100 rows (first page; timed first, with less JIT warm-up)',
      value: spread(sample(small.moves)),
    },
    { what: 'filter keystroke redraw, 100 rows', value: spread(sample(small.typed)) },
    { what: 'Backspace (clear filter) redraw, 100 rows', value: spread(sample(small.erased)) },
  );
}

/** The harness's floor: a key to a raw-mode node process until its answer is on screen. */
async function keyFloor(envHome: Record<string, string>, options: Options): Promise<void> {
  const term = new PtySession(NODE, [ECHO_KEYS], { env: envHome, cwd: ROOT, cols: 100, rows: 30 });
  try {
    await term.waitFor(/^ready$/m, 10_000);
    const times: number[] = [];
    for (let i = 1; i <= 3 + options.keyRuns; i += 1) {
      await term.quiet(150, 5000);
      const sent = term.write(i % 2 === 0 ? Key.Down : Key.Up);
      const { at: shown } = await term.waitForMatch(new RegExp(`^got ${i}$`, 'm'), 10_000);
      if (i > 3) times.push(shown - sent);
    }
    info.push({
      what: 'harness floor: key → answer on screen from a raw-mode `node` (scripts/bench/echo-keys.mjs)',
      value: spread(sample(times)),
    });
  } finally {
    await term.dispose();
  }
}

/** `npm install -g <tarball>` with a warm npm cache: time, size on disk, packages, and each dependency's share. */
function installFigures(): void {
  const runs = 3;
  log(`install: npm pack, then ${runs} timed \`npm install -g\` of the tarball into fresh prefixes`);
  const figures = measureInstall(ROOT, runs, log);
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const seconds = sample(figures.seconds.map((s) => s * 1000));
  info.push(
    {
      what: '`npm install -g s3share-tui-VERSION.tgz`, warm npm cache (`--prefer-offline`), wall time',
      value: `median ${(seconds.median / 1000).toFixed(1)} s, min ${(seconds.min / 1000).toFixed(1)} s (${runs} runs)`,
    },
    {
      what: 'installed size on disk (du of lib/node_modules/s3share-tui)',
      value: `${mb(figures.bytes)}, ${figures.packages} packages; the tarball ${mb(figures.tarballBytes)}`,
    },
    {
      what: 'on disk per runtime dependency: what only it brings in (packages), + shared with others',
      value: figures.dependencies
        .map(
          (d) => `${d.name} ${mb(d.ownBytes)} (${d.packages})${d.sharedBytes ? ` + ${mb(d.sharedBytes)} shared` : ''}`,
        )
        .join('; '),
    },
  );
}

/** A node binary for each measured line: the running one, then the official builds of NODE_LINES. */
function nodeBinaries(): { version: string; path: string }[] {
  const found = [{ version: process.version, path: NODE }];
  for (const major of NODE_LINES) {
    const fetched = spawnSync('bash', [join(ROOT, 'scripts', 'fetch-node.sh'), major], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    const path = fetched.stdout.trim().split('\n').pop();
    if (fetched.status !== 0 || !path) {
      log(`could not fetch Node.js ${major} (${fetched.stderr.trim()}); its compile-cache figures are skipped`);
      continue;
    }
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (version !== process.version) found.push({ version, path });
  }
  return found;
}

/**
 * The compile cache (module.enableCompileCache, Node ≥ 22.1) on and off, per Node.js line: the
 * non-interactive presign and the first frame. Off is NODE_DISABLE_COMPILE_CACHE=1; on is the
 * cache under the bench HOME, filled by the warm-up runs.
 */
async function compileCache(envHome: Record<string, string>, options: Options): Promise<void> {
  const target = `s3://${SMALL_BUCKET}/${SMALL_KEY}`;
  const profilesShown = new RegExp(`${PROFILES.length} of ${PROFILES.length} profiles`);
  const envs = { off: { ...envHome, NODE_DISABLE_COMPILE_CACHE: '1' }, on: envHome };
  for (const node of nodeBinaries()) {
    const presign: Record<'off' | 'on', number[]> = { off: [], on: [] };
    const frame: Record<'off' | 'on', number[]> = { off: [], on: [] };
    log(
      `compile cache, Node.js ${node.version}: ${options.runs} presigns and ${options.ptyRuns} first frames each way, after warm-ups`,
    );
    for (let round = 0; round < 2 + options.runs; round += 1) {
      for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const r = await timeProcess(node.path, [CLI, '--no-check', target], {
          env: envs[mode],
          cwd: ROOT,
          until: (out) => out.startsWith('http') && out.includes('\n'),
        });
        if (r.code !== 0 || r.toOutput === undefined)
          throw new Error(`presign on ${node.version} failed: ${r.stderr.trim()}`);
        if (round >= 2) presign[mode].push(r.toOutput);
      }
    }
    for (let round = 0; round < 1 + options.ptyRuns; round += 1) {
      for (const mode of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        const ms = await ptyLaunch(node.path, [CLI], envs[mode], profilesShown, 15_000);
        if (round >= 1) frame[mode].push(ms);
      }
    }
    const change = (values: Record<'off' | 'on', number[]>) => {
      const off = sample(values.off).median;
      const on = sample(values.on).median;
      return `${fmt(off, 'ms')} → ${fmt(on, 'ms')} (${on <= off ? '−' : '+'}${Math.abs((1 - on / off) * 100).toFixed(0)}%)`;
    };
    const supported = Number(/^v(\d+)/.exec(node.version)?.[1]) >= 22;
    info.push(
      {
        what: `compile cache off → on, Node.js ${node.version}${supported ? '' : ' (no compile cache before 22: both runs alike)'}: presign \`--no-check\`, spawn → URL`,
        value: change(presign),
      },
      { what: `compile cache off → on, Node.js ${node.version}: first frame in a pty`, value: change(frame) },
    );
  }
}

// ---------------------------------------------------------------- report

function report(machineInfo: Info[], options: Options, serverState: string): string {
  const failed = rows.filter((r) => verdict(r) === 'FAIL').map((r) => r.id);
  return `# Benchmark results

Produced by \`npm run bench\` (scripts/bench/run.ts) on ${machineInfo[0]?.value}. Every figure is a median of
repeated runs in this one run on this one machine; ratios compare medians taken in the same run,
interleaved with their baselines.

## Machine

${['| | |', '| --- | --- |', ...machineInfo.map((m) => `| ${m.what} | ${m.value} |`)].join('\n')}

## Figures against the targets

${table()}

${failed.length ? `Targets missed: ${failed.join(', ')}.` : 'Every target measured was met.'}

## Details

${infoTable()}

## How it was measured

- Processes are spawned from Node (\`child_process.spawn\`, stdin ignored, stdout and stderr piped),
  timed with \`performance.now()\` from just before the spawn to the URL's line arriving on stdout
  (or to the process's exit). Commands are run in rounds, each round in a rotated order, after
  2 warm-up rounds that are not counted. Each child gets a temp HOME whose \`~/.aws/config\` and
  \`~/.aws/credentials\` hold two profiles (\`default\`, \`bench-eu\`) on the local server, and an
  environment without \`CI\`, \`CI_*\`, \`AWS_*\`, \`S3_*\` or \`NODE_OPTIONS\`. The AWS CLI is
  \`${AWS_CLI}\` (Debian awscli), given the server with \`--endpoint-url\`. Each command's link is
  fetched once before timing and must answer 200.
- Screens are read from a pseudo-terminal (@lydell/node-pty, 100×30) fed into @xterm/headless. A time
  is taken when the chunk of output that completes the awaited screen arrives from the pty; the
  screen is tested after every chunk, without polling. The app's start-up baseline is
  \`node -e "console.log('ready')"\` in the same harness.
- The big prefix is ${BIG_COUNT.toLocaleString('en-US')} objects directly under \`s3://${BIG_BUCKET}/${BIG_PREFIX}\`
  (no sub-folders) on a Ceph RGW left running in \`.bench-cache/rgw\` between runs (${serverState} this run).
  Figure d's baseline is \`scripts/bench/list-once.mjs\`: a fresh \`node\` that imports
  @aws-sdk/client-s3 (unbundled) and makes one ListObjectsV2 call with Delimiter \`/\`.
- Redraws (e): all rows are loaded by one End (it goes on as the pages arrive, until the status
  line no longer says “more”); then keys are sent one at a time, each after 150 ms without output
  (a person's pace; Ink draws at most one frame per 34 ms), and timed from the write to the pty until the expected screen (cursor
  on the next row; the filter and its “N match” count; the filter gone) has arrived.
- Memory (f): VmRSS of the app's node process (the pty's child is node itself), read from
  /proc/PID/status after all rows are loaded and output has been quiet for 500 ms.
- The machine may be shared: the load averages are in the table above. A busy machine slows every
  figure, its baseline included, so the ratios are the figures to compare. The verdicts use the
  ratio of medians; the last column (fastest run / fastest baseline run) is less sensitive to other
  load and is given for context only.
- Hostile input (h): 100,000 buckets come from a loopback impostor (scripts/bench/bucket-server.ts)
  in ListBuckets pages of the size the app asks for (at most 10,000) with a ContinuationToken and no
  BucketRegion, so the app looks up the regions of the buckets it shows (HeadBucket); each session
  starts with no regions remembered (a fresh XDG_CACHE_HOME). The list's time runs from the server handing the
  last page's last byte to its socket to the screen with the bucket count. Ctrl-C times run from the
  write to the pty until the pty reports the app's exit (code 130). The paste is 1 MiB of \`x\` in one
  write, Ctrl-C written right after it, so it waits in the pty behind the paste.
- Figure f is read once per app session, in ${options.memoryRuns} sessions; the keys of figure e
  are timed in the first session only.

## Reproduce

\`\`\`sh
npm run bench                  # builds, starts or reuses the cached RGW, measures, writes this file
npm run bench -- --stop        # stop the cached RGW in .bench-cache/rgw
npm run bench -- --help        # run counts, --skip-big, --seeder, --concurrency
\`\`\`

Needs root for the Ceph packages (\`apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd\`)
and Debian's \`awscli\` (installed by the script when missing and run as root).
`;
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.stop) {
    const stopped = await stopServer(RGW_SCRIPTS, CACHE_DIR);
    log(stopped ? `stopped the cached Ceph RGW and removed ${CACHE_DIR}` : `no cached server in ${CACHE_DIR}`);
    return 0;
  }
  const machineInfo = machine();
  if (options.build) build();
  else {
    const appRow = machineInfo.find((m) => m.what === 'app');
    const built = statSync(join(ROOT, 'dist', 'cli.js'))
      .mtime.toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    if (appRow) appRow.value += `; --no-build: dist/ as found, built ${built}`;
  }
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build');
  await snapshotDist();
  const awsAvailable = ensureAwsCli();
  const awsRow = machineInfo.find((m) => m.what === 'AWS CLI');
  if (awsAvailable && awsRow?.value === 'not installed')
    awsRow.value = spawnSync(AWS_CLI, ['--version'], { encoding: 'utf8' }).stdout.trim();

  mkdirSync(join(ROOT, '.bench-cache'), { recursive: true });
  const wanted = (group: Group) => options.only.size === 0 || options.only.has(group);
  const needsRgw = GROUPS.some((group) => wanted(group) && !WITHOUT_RGW.includes(group));
  const handle = needsRgw ? await ensureServer(RGW_SCRIPTS, CACHE_DIR, log) : undefined;
  if (handle) {
    await seedSmall(handle.server);
    if (!options.skipBig) await seedBig(handle.server, options);
    const home = homeWithProfiles(
      handle.server,
      PROFILES.map((name) => ({ name, region: handle.server.region })),
    );
    const env = homeEnvironment(home);
    try {
      if (wanted('startup')) await startUp(handle.server, env, options, awsAvailable);
      if (wanted('sign')) await signingRate(env, options);
      if (wanted('frame')) await firstFrame(env, options);
      if (!options.skipBig) {
        if (wanted('rows')) await firstRows(handle.server, env, options);
        if (wanted('list')) await bigList(env, options);
      }
      if (wanted('list')) await keyFloor(env, options);
      if (wanted('cache')) await compileCache(env, options);
    } finally {
      home.remove();
    }
  }
  if (wanted('hostile')) {
    const figures = await hostileFigures({ node: NODE, cli: CLI, cwd: ROOT, runs: options.hostileRuns, log });
    rows.push(...figures.rows);
    info.push(...figures.info);
  }
  if (wanted('install')) installFigures();
  machineInfo.push({
    what: 'load average at the end (1/5/15 min)',
    value: loadavg()
      .map((l) => l.toFixed(2))
      .join(' / '),
  });

  const output = report(machineInfo, options, handle?.state ?? 'not needed');
  process.stdout.write(`\n${table()}\n\n${infoTable()}\n\n`);
  if (options.write) {
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(RESULTS, output);
    log(`wrote ${RESULTS}`);
  }
  if (handle)
    log(`the Ceph RGW stays up for the next run (${handle.server.endpoint}); npm run bench -- --stop stops it`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`bench: ${error.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
