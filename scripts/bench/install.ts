/**
 * Install figures: what `npm install -g <tarball>` costs a user (time with a warm npm cache, size
 * on disk, packages) and what each runtime dependency brings with it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface InstallFigures {
  /** Seconds per timed install (the warm-up install is not among them). */
  seconds: number[];
  /** Disk use of the installed package with its node_modules (du -sk), in bytes. */
  bytes: number;
  packages: number;
  tarballBytes: number;
  /** Per direct dependency: disk use of everything only it brings in, and of what it shares. */
  dependencies: { name: string; ownBytes: number; packages: number; sharedBytes: number }[];
}

function npm(args: readonly string[], cwd: string): string {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  const result = spawnSync('npm', [...args], { cwd, env, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

function diskBytes(path: string): number {
  const out = spawnSync('du', ['-sk', path], { encoding: 'utf8' }).stdout;
  return Number(out.split('\t')[0]) * 1024;
}

/** Packs dist/ as it is (`--ignore-scripts`: the bench has just built it) and installs it `runs` + 1 times. */
export function measureInstall(root: string, runs: number, log: (line: string) => void): InstallFigures {
  const work = mkdtempSync(join(tmpdir(), 's3share-bench-install-'));
  try {
    const packed = npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', work], root)
      .trim()
      .split('\n')
      .pop() as string;
    const tarball = join(work, packed);
    const install = (prefix: string) => {
      const started = performance.now();
      npm(
        [
          'install',
          '--global',
          '--prefix',
          prefix,
          tarball,
          '--prefer-offline',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
        ],
        work,
      );
      return (performance.now() - started) / 1000;
    };
    log('install: a warm-up install fills the npm cache');
    install(join(work, 'warm'));
    const seconds: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const prefix = join(work, `run-${i}`);
      seconds.push(install(prefix));
      if (i < runs - 1) rmSync(prefix, { recursive: true, force: true });
    }
    const installed = join(work, `run-${runs - 1}`, 'lib', 'node_modules', 's3share-tui');
    const tree = packageTree(installed);
    return {
      seconds,
      bytes: diskBytes(installed),
      packages: tree.size - 1,
      tarballBytes: diskBytes(tarball),
      dependencies: dependencyCosts(installed, tree),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Node {
  path: string;
  dependencies: string[];
}

/** Every installed package by directory, with the directories its dependencies resolve to (Node's lookup). */
function packageTree(root: string): Map<string, Node> {
  const tree = new Map<string, Node>();
  const visit = (dir: string) => {
    if (tree.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    const node: Node = { path: dir, dependencies: [] };
    tree.set(dir, node);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = resolve(dir, name, root);
      if (found) {
        node.dependencies.push(found);
        visit(found);
      }
    }
  };
  visit(root);
  return tree;
}

function resolve(from: string, name: string, root: string): string | undefined {
  for (let dir = from; dir.startsWith(root); dir = join(dir, '..')) {
    const candidate = join(dir, 'node_modules', name);
    try {
      readFileSync(join(candidate, 'package.json'));
      return candidate;
    } catch {
      // Not here: one level up.
    }
    if (dir === root) break;
  }
  return undefined;
}

/** A package's own files (its nested node_modules are other packages). */
function ownBytes(dir: string): number {
  const nested = join(dir, 'node_modules');
  const total = diskBytes(dir);
  try {
    readdirSync(nested);
    return total - diskBytes(nested);
  } catch {
    return total;
  }
}

function dependencyCosts(root: string, tree: Map<string, Node>) {
  const direct = tree.get(root)?.dependencies ?? [];
  const closure = (start: string) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const dir = stack.pop() as string;
      if (seen.has(dir)) continue;
      seen.add(dir);
      stack.push(...(tree.get(dir)?.dependencies ?? []));
    }
    return seen;
  };
  const closures = direct.map((dir) => ({ dir, all: closure(dir) }));
  const users = new Map<string, number>();
  for (const { all } of closures) for (const dir of all) users.set(dir, (users.get(dir) ?? 0) + 1);
  const sizes = new Map<string, number>();
  const size = (dir: string): number => {
    let bytes = sizes.get(dir);
    if (bytes === undefined) sizes.set(dir, (bytes = ownBytes(dir)));
    return bytes;
  };
  return closures
    .map(({ dir, all }) => {
      const only = [...all].filter((d) => users.get(d) === 1);
      const shared = [...all].filter((d) => (users.get(d) ?? 0) > 1);
      return {
        name: dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length),
        ownBytes: only.reduce((sum, d) => sum + size(d), 0),
        packages: only.length,
        sharedBytes: shared.reduce((sum, d) => sum + size(d), 0),
      };
    })
    .sort((a, b) => b.ownBytes - a.ownBytes);
}
