/**
 * NO_COLOR (any non-empty value, https://no-color.org), FORCE_COLOR=0 and --no-color turn every
 * colour off. Ink colours through chalk, which reads FORCE_COLOR (not NO_COLOR) once, when it is
 * first loaded: so this runs before the screens are imported. Bold and inverse go with it.
 */
export function colorsWanted(env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
}

export function turnColorsOff(env: NodeJS.ProcessEnv): void {
  env.FORCE_COLOR = '0';
}
