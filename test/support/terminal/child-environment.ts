/**
 * The environment for a program the tests or the benchmark run: no CI markers (Ink would draw only
 * the final frame), no AWS or S3 settings from the machine running them (an AWS_ACCESS_KEY_ID would
 * add an "(environment)" profile, AWS_PROFILE would pick one), no XDG_CACHE_HOME or XDG_CONFIG_HOME (the
 * bucket-region cache and the defaults file go under the child's HOME, never into the cache of the person running them), no Node
 * options or colour switches, a plain xterm. `overrides` go on top; undefined removes a variable.
 */
export function childEnvironment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_')) continue;
    if (name.startsWith('AWS_') || name.startsWith('S3_')) continue;
    if (name === 'XDG_CACHE_HOME' || name === 'XDG_CONFIG_HOME') continue;
    if (name.startsWith('VITEST') || name === 'NODE_OPTIONS' || name === 'FORCE_COLOR' || name === 'NO_COLOR') continue;
    env[name] = value;
  }
  // The compile cache shared by the run (see global-setup.ts), not a cold one in every temp HOME.
  if (process.env.S3SHARE_TEST_COMPILE_CACHE) env.NODE_COMPILE_CACHE = process.env.S3SHARE_TEST_COMPILE_CACHE;
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
