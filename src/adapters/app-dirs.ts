import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const APP = 's3share-tui';

/** `$XDG_CACHE_HOME/s3share-tui`, else `~/.cache/s3share-tui` (a relative XDG path is ignored, as XDG says). */
export function cacheDir(env: NodeJS.ProcessEnv): string {
  return join(xdgBase(env.XDG_CACHE_HOME, env, '.cache'), APP);
}

/** `$XDG_CONFIG_HOME/s3share-tui`, else `~/.config/s3share-tui`. */
export function configDir(env: NodeJS.ProcessEnv): string {
  return join(xdgBase(env.XDG_CONFIG_HOME, env, '.config'), APP);
}

function xdgBase(value: string | undefined, env: NodeJS.ProcessEnv, fallback: string): string {
  return value && isAbsolute(value) ? value : join(env.HOME || homedir(), fallback);
}
