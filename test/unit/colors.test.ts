import { describe, expect, test } from 'vitest';
import { colorsWanted, turnColorsOff } from '../../src/colors.js';

describe('colour preferences', () => {
  test.each([
    [{}, false, true],
    [{ NO_COLOR: '1' }, false, false],
    [{ NO_COLOR: 'anything' }, false, false],
    [{ NO_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, false, false],
    [{ FORCE_COLOR: 'false' }, false, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '3', NO_COLOR: '1' }, false, false],
    [{}, true, false],
  ])('%o with --no-color %s: colours %s', (env, flag, wanted) => {
    expect(colorsWanted(env, flag)).toBe(wanted);
  });

  test('turning colours off sets what chalk reads', () => {
    const env: NodeJS.ProcessEnv = { FORCE_COLOR: '3' };
    turnColorsOff(env);
    expect(env.FORCE_COLOR).toBe('0');
  });
});
