// npm's `prepare`: builds dist/ before `npm pack`/`npm publish`, after `npm ci`, and when npm
// installs the package from a git repository or a folder. A fresh clone has no node_modules yet
// (`git clone … && npm pack`, `npm install -g ./clone`): install the locked build tools first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

if (!existsSync(`${root}/node_modules/esbuild/package.json`)) {
  const npm = process.env.npm_execpath;
  // --ignore-scripts: this script is itself the package's prepare; the build runs once, below.
  // `install --no-save` keeps what npm may have put there already (a git install fills node_modules first).
  const args = ['install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  // Under `npm install -g ./clone` npm hands its global settings down; the clone's own install is local.
  const env = { ...process.env };
  for (const name of ['npm_config_global', 'npm_config_location', 'npm_config_prefix', 'npm_config_omit']) delete env[name];
  const options = { cwd: root, env, stdio: 'inherit' };
  const result = npm?.endsWith('.js')
    ? spawnSync(process.execPath, [npm, ...args], options)
    : spawnSync('npm', args, { ...options, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('s3share-tui: could not install the build tools (npm install); run `npm ci` in the clone, then retry\n');
    process.exit(1);
  }
}

await import('./build.mjs');
