/**
 * NO_COLOR, FORCE_COLOR=0 and --no-color: the screens carry no colour escape at all (bold and
 * inverse may stay, and the filter's matches keep their underline), checked on the raw bytes the
 * app writes to a real terminal.
 */
import { describe, expect, test } from 'vitest';
import { twoProfiles, useE2E } from '../support/e2e.js';
import type { SpawnOptions } from '../support/pty.js';

const e2e = useE2E();

/** The SGR parameters that set a colour: 30–38, 40–48, 90–97, 100–107 (39 and 49 reset it). */
function colourSequences(raw: string): string[] {
  const found: string[] = [];
  for (const match of raw.matchAll(/\x1b\[([\d;:]*)m/g)) {
    const params = (match[1] ?? '').split(/[;:]/).map(Number);
    const colour = params.some(
      (n) => (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107),
    );
    if (colour) found.push(JSON.stringify(match[0]));
  }
  return found;
}

async function profilesScreen(options: SpawnOptions) {
  const session = e2e.launch(e2e.home(twoProfiles()), options);
  await session.waitFor('2 of 2 profiles');
  // The cursor row and the header are drawn by then; move once so a redraw is included too.
  session.press('Down');
  await session.waitFor(/❯ zeta/);
  await session.settled();
  return session;
}

describe('colour', () => {
  test('is on by default (the check below can fail)', async () => {
    const session = await profilesScreen({});
    expect(colourSequences(session.raw).length).toBeGreaterThan(0);
  });

  test.each<[string, SpawnOptions]>([
    ['NO_COLOR=1', { env: { NO_COLOR: '1' } }],
    ['NO_COLOR=yes with FORCE_COLOR=3', { env: { NO_COLOR: 'yes', FORCE_COLOR: '3' } }],
    ['FORCE_COLOR=0', { env: { FORCE_COLOR: '0' } }],
    ['--no-color', { args: ['--no-color'] }],
  ])('%s: no colour escape sequence anywhere in the output', async (_name, options) => {
    const session = await profilesScreen(options);
    expect(session.screen()).toContain('❯ zeta');
    expect(colourSequences(session.raw)).toEqual([]);
  });
});

describe('the filter highlight', () => {
  test('NO_COLOR=1: the matched characters are still underlined, with no colour', async () => {
    const session = await profilesScreen({ env: { NO_COLOR: '1' } });
    const before = session.raw.length;
    session.press('zt');
    await session.waitFor('1 match · 2 profiles');
    await session.settled();
    const drawn = session.raw.slice(before);
    // z and t of "zeta", each underlined (and bold).
    expect(drawn.match(/\x1b\[4m[zt]\x1b\[24m/g)).toHaveLength(2);
    expect(colourSequences(session.raw)).toEqual([]);
  });
});
