/**
 * The environment every measured child runs in, and the throw-away HOME whose ~/.aws files point
 * at the local server. Nothing from the machine's own AWS or CI settings leaks into a child.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface S3Server {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/**
 * The parent's environment without CI markers (Ink would draw only the final frame), AWS and S3
 * settings, Node options and colour switches; with a plain xterm and `overrides` on top.
 */
export function childEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) continue;
    if (name.startsWith('AWS_') || name.startsWith('S3_')) continue;
    if (name === 'NODE_OPTIONS' || name === 'FORCE_COLOR' || name === 'NO_COLOR' || name.startsWith('VITEST')) continue;
    env[name] = value;
  }
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  return { ...env, ...overrides };
}

export interface BenchHome {
  path: string;
  /** The environment of a child using this HOME. */
  env: Record<string, string>;
  remove(): void;
}

/** A temp HOME whose ~/.aws config and credentials hold each named profile, all on `server`. */
export function benchHome(server: S3Server, profiles: readonly string[]): BenchHome {
  const path = mkdtempSync(join(tmpdir(), 's3share-bench-home-'));
  const aws = join(path, '.aws');
  mkdirSync(aws, { recursive: true });
  const section = (name: string) => (name === 'default' ? 'default' : `profile ${name}`);
  const config = profiles
    .map((name) => `[${section(name)}]\nregion = ${server.region}\nendpoint_url = ${server.endpoint}\n`)
    .join('\n');
  const credentials = profiles
    .map((name) => `[${name}]\naws_access_key_id = ${server.accessKeyId}\naws_secret_access_key = ${server.secretAccessKey}\n`)
    .join('\n');
  writeFileSync(join(aws, 'config'), config, { mode: 0o600 });
  writeFileSync(join(aws, 'credentials'), credentials, { mode: 0o600 });
  return {
    path,
    // The app sets this for itself; set for every child so the SDK baselines match it.
    env: childEnvironment({ HOME: path, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
