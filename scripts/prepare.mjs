// npm's `prepare`: builds dist/ before `npm pack`/`npm publish`, after `npm ci`, and when npm
// installs the package from a git repository or a folder. A fresh clone has no build tools yet
// (`git clone … && npm pack`, `npm install -g ./clone`, and `npm install -g git+…`, where npm
// does not install them: npm/cli#8440). Then the build runs in a scratch copy with the locked
// packages installed, and only dist/ comes back: npm may be filling the clone's own
// node_modules at the same moment.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

if (existsSync(join(root, 'node_modules', 'esbuild', 'package.json'))) {
  await import('./build.mjs');
} else {
  const scratch = mkdtempSync(join(tmpdir(), 's3share-tui-build-'));
  try {
    for (const part of ['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'scripts']) {
      cpSync(join(root, part), join(scratch, part), { recursive: true });
    }
    // Under `npm install -g` npm hands its global settings down; the scratch install is local.
    const env = { ...process.env };
    for (const name of ['npm_config_global', 'npm_config_location', 'npm_config_prefix', 'npm_config_omit'])
      delete env[name];
    run(['ci', '--ignore-scripts', '--include=dev', '--no-audit', '--no-fund', '--loglevel=error'], scratch, env);
    const build = spawnSync(process.execPath, [join(scratch, 'scripts', 'build.mjs')], {
      cwd: scratch,
      env,
      stdio: 'inherit',
    });
    if (build.status !== 0) fail('the build failed');
    rmSync(join(root, 'dist'), { recursive: true, force: true });
    cpSync(join(scratch, 'dist'), join(root, 'dist'), { recursive: true });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(args, cwd, env) {
  const npm = process.env.npm_execpath;
  const options = { cwd, env, stdio: 'inherit' };
  const result = npm?.endsWith('.js')
    ? spawnSync(process.execPath, [npm, ...args], options)
    : spawnSync('npm', args, { ...options, shell: process.platform === 'win32' });
  if (result.status !== 0) fail(`npm ${args[0]} of the build tools failed`);
}

function fail(message) {
  process.stderr.write(`s3share-tui: ${message}; run \`npm ci\` in the clone, then \`npm pack\` again\n`);
  process.exit(1);
}
