import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NOTHING_REMEMBERED, rememberedFrom, type Remembered } from '../core/remembered.js';
import { cacheDir } from './app-dirs.js';

/** Beside the bucket-region cache: `$XDG_CACHE_HOME/s3share-tui/last-location.json`. */
export function rememberedPath(env: NodeJS.ProcessEnv): string {
  return join(cacheDir(env), 'last-location.json');
}

/** What the file holds; a missing, unreadable or malformed file remembers nothing. */
export function readRemembered(path: string): Remembered {
  try {
    return rememberedFrom(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return NOTHING_REMEMBERED;
  }
}

/**
 * Replaces the file in one step (a temporary file renamed over it), readable by its owner only.
 * Failing to write only means the next start remembers less: it is never an error.
 */
export function writeRemembered(path: string, remembered: Remembered): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${JSON.stringify(remembered)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
