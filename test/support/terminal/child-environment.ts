/**
 * The environment for a program the tests or the benchmark run: no CI markers (Ink would draw only
 * the final frame), no AWS or S3 settings from the machine running them (an AWS_ACCESS_KEY_ID would
 * add an "(environment)" profile, AWS_PROFILE would pick one), no XDG_CACHE_HOME (the bucket-region
 * cache goes under the child's HOME, never into the cache of the person running them), no Node
 * options or colour switches, a plain xterm. `overrides` go on top; undefined removes a variable.
 */
export function childEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) continue;
    if (name.startsWith('AWS_') || name.startsWith('S3_')) continue;
    if (name === 'XDG_CACHE_HOME') continue;
    if (name.startsWith('VITEST') || name === 'NODE_OPTIONS' || name === 'FORCE_COLOR' || name === 'NO_COLOR') continue;
    env[name] = value;
  }
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
