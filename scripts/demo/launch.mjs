// `npm run demo` (through scripts/demo.sh, which installs and builds first): the app against a
// local, seeded S3 server, with no AWS account.
//
//   1. starts scripts/demo/s3-server.mjs (s3rver) in a child process on a free port of 127.0.0.1
//      and waits until it has seeded its buckets and listens;
//   2. writes a throw-away AWS config and credentials file (profiles `demo` and `demo-eu`, both
//      with endpoint_url set to that server) in a new temporary directory;
//   3. runs `node dist/cli.js [ARGS...]` on this terminal with only those files as its AWS
//      settings (the user's own AWS_* variables are removed, so real credentials never leak in);
//   4. when the app exits, or this process gets SIGINT/SIGTERM/SIGHUP, stops the server, removes
//      the temporary directory and exits with the app's exit code.
//
// usage: node scripts/demo/launch.mjs [s3share-tui options...]
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CREDENTIALS, DEMO_PROFILES } from './seed-plan.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const SERVER = fileURLToPath(new URL('./s3-server.mjs', import.meta.url));
const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
/** How long the app gets to react to a signal that reached it too (terminal, process group). */
const SIGNAL_GRACE_MS = 1000;

let server; // the s3rver child
let app; // the s3share-tui child
let temp; // our temporary directory (the AWS files, and the server's store unless on a RAM disk)
let dataDir; // the server's store
let shuttingDown = false;
let serverLost = false; // the server ended while the app ran

function say(line) {
  try {
    process.stderr.write(`demo: ${line}\n`);
  } catch {
    // the terminal is gone (SIGHUP): nothing to tell
  }
}

/** Stops the server and removes the temporary files, then exits with `code`. Runs once. */
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (serverLost) say('the local S3 server stopped unexpectedly');
  await stopServer();
  removeTemporaryFiles();
  process.exit(code);
}

function removeTemporaryFiles() {
  for (const dir of [dataDir, temp]) if (dir) rmSync(dir, { recursive: true, force: true });
  dataDir = temp = undefined;
}

async function stopServer() {
  const child = server;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

// Last resort (an exception on the way): never leave the server or the files behind.
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  removeTemporaryFiles();
});

for (const signal of Object.keys(SIGNAL_NUMBERS)) {
  process.on(signal, () => {
    if (!app) {
      void shutdown(128 + SIGNAL_NUMBERS[signal]);
      return;
    }
    // A signal sent to the whole process group (a closed terminal) reaches the app as well and it
    // restores the terminal before leaving; one sent only to us is passed on if the app stays.
    const child = app;
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }, SIGNAL_GRACE_MS).unref();
  });
}

/**
 * Where s3rver keeps the objects: it stores each one as three small files, so on Linux a RAM disk
 * (/dev/shm, when it has room) seeds and removes its ~9,000 files several times faster than a
 * busy disk does (about 50 MB of RAM while the demo runs). Elsewhere, inside our temporary directory.
 */
function makeDataDir() {
  if (process.platform === 'linux') {
    try {
      const { bavail, bsize } = statfsSync('/dev/shm');
      if (bavail * bsize >= 128 * 1024 * 1024) return mkdtempSync('/dev/shm/s3share-demo-');
    } catch {
      // no usable /dev/shm: use the temporary directory
    }
  }
  const dir = join(temp, 's3');
  mkdirSync(dir);
  return dir;
}

/** Starts the server child and resolves with its port once it is seeded and listening. */
function startServer() {
  let stderr = '';
  // After the store: what the server removes should this process vanish without stopping it.
  server = fork(SERVER, [dataDir, dataDir, temp], {
    cwd: ROOT,
    execArgv: ['--openssl-legacy-provider'],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // Its own process group: Ctrl-C or a hang-up on the terminal is ours to handle, in order.
    detached: process.platform !== 'win32',
  });
  server.stderr.setEncoding('utf8');
  server.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    const fail = (reason) => {
      const detail = stderr.trim() ? `\n${stderr.trim()}` : '';
      reject(new Error(`could not start the local S3 server: ${reason}${detail}`));
    };
    const timer = setTimeout(() => fail('no answer within 60 s'), 60_000);
    server.on('message', (message) => {
      clearTimeout(timer);
      if (message?.type === 'ready') resolve(message);
      else fail(message?.message ?? 'unexpected message');
    });
    server.on('error', (error) => fail(error.message));
    server.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(signal ? `it was killed by ${signal}` : `it exited with code ${code}`);
      // Said after the app has left, not over its screen.
      if (app && !shuttingDown) serverLost = true;
    });
  });
}

/** The throw-away AWS config and credentials files, readable only by this user. */
function writeProfiles(endpoint) {
  const dir = join(temp, 'aws');
  mkdirSync(dir, { mode: 0o700 });
  const header = '# Written by `npm run demo` for its local S3 server; removed when the demo ends.\n';
  const config = DEMO_PROFILES.map(
    ({ name, region }) => `[profile ${name}]\nregion = ${region}\nendpoint_url = ${endpoint}\n`,
  ).join('\n');
  const credentials = DEMO_PROFILES.map(
    ({ name }) =>
      `[${name}]\naws_access_key_id = ${DEMO_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEMO_CREDENTIALS.secretAccessKey}\n`,
  ).join('\n');
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(configFile, `${header}\n${config}`, { mode: 0o600 });
  writeFileSync(credentialsFile, `${header}\n${credentials}`, { mode: 0o600 });
  return { configFile, credentialsFile, cacheDir: join(temp, 'cache') };
}

/** The user's environment without any AWS setting, plus the demo's two files. */
function appEnvironment(files) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('AWS_')) env[name] = value;
  }
  env.AWS_CONFIG_FILE = files.configFile;
  env.AWS_SHARED_CREDENTIALS_FILE = files.credentialsFile;
  // The demo server's port changes every run: keep its bucket regions out of the real cache.
  env.XDG_CACHE_HOME = files.cacheDir;
  return env;
}

async function main() {
  if (!existsSync(CLI)) {
    say('dist/cli.js is missing: run `npm run build` first (`npm run demo` does it for you)');
    process.exit(1);
  }
  temp = mkdtempSync(join(tmpdir(), 's3share-demo-'));
  dataDir = makeDataDir();
  const ready = await startServer();
  if (shuttingDown) return;
  const endpoint = `http://127.0.0.1:${ready.port}`;
  const files = writeProfiles(endpoint);
  const profiles = DEMO_PROFILES.map((p) => p.name).join(', ');
  say(`local S3 at ${endpoint} with ${ready.buckets} buckets; profiles ${profiles}`);

  app = spawn(process.execPath, [CLI, ...process.argv.slice(2)], { stdio: 'inherit', env: appEnvironment(files) });
  if (app.pid !== undefined) server.send({ type: 'app', pid: app.pid });
  app.on('error', (error) => {
    say(`could not start the app: ${error.message}`);
    void shutdown(1);
  });
  app.on('exit', (code, signal) => {
    void shutdown(code ?? 128 + (SIGNAL_NUMBERS[signal] ?? 9));
  });
}

main().catch((error) => {
  // While shutting down (a signal during start-up), the server's exit is expected.
  if (shuttingDown) return;
  say(error instanceof Error ? error.message : String(error));
  void shutdown(1);
});
