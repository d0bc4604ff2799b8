import module from 'node:module';
import { join } from 'node:path';
import { cacheDir } from './adapters/app-dirs.js';

/**
 * Node 22.1+ can keep the compiled code of the modules it loads on disk: the next start skips
 * compiling the bundle's chunks (`npm run bench` measures it). The cache holds code only, never
 * data. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as for any Node program; older Node has no cache.
 */
export function enableCompileCache(env: NodeJS.ProcessEnv): void {
  const enable = (module as { enableCompileCache?: (directory?: string) => unknown }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(join(cacheDir(env), 'compile-cache'));
  } catch {
    // An unwritable cache directory only costs speed.
  }
}
