import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDefaults, type DefaultsReading } from '../core/defaults.js';
import { printable } from '../core/printable.js';
import { configDir } from './app-dirs.js';

function defaultsPath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'config.toml');
}

/** The defaults file; a missing one is no defaults and no problem. */
export function loadDefaults(env: NodeJS.ProcessEnv): DefaultsReading {
  const path = defaultsPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { defaults: {} };
    return {
      defaults: {},
      problem: `${printable(path)}: cannot be read (${code ?? 'error'}); none of its settings apply`,
    };
  }
  return readDefaults(path, text);
}
