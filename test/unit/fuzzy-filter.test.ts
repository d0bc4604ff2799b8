import { describe, expect, it } from 'vitest';
import { FUZZY_RANKED_LIMIT, fuzzyFilter, matchCountText } from '../../src/core/fuzzy-filter.js';

const rows = (...names: string[]) => names.map((name) => ({ name, match: name.toLowerCase() }));
const names = (list: { name: string }[]) => list.map((row) => row.name);

describe('fuzzyFilter', () => {
  it('finds customer-exports with cex, and highlights the letters that matched', () => {
    const list = rows('archive', 'customer-exports', 'logs');
    const result = fuzzyFilter(list, 'cex');
    expect(names(result.rows)).toEqual(['customer-exports']);
    expect(result.exactCount).toBe(0);
    const positions = [...result.positions(result.rows[0]!)].sort((a, b) => a - b);
    expect(positions.map((i) => 'customer-exports'[i]).join('')).toBe('cex');
  });

  it('ranks substring matches first, in list order, then fuzzy ones', () => {
    const list = rows('c-e-x-1', 'zz-cex', 'customer-exports', 'cex-tools', 'other');
    const result = fuzzyFilter(list, 'cex');
    expect(names(result.rows).slice(0, 2)).toEqual(['zz-cex', 'cex-tools']);
    expect(result.exactCount).toBe(2);
    expect(names(result.rows).slice(2).sort()).toEqual(['c-e-x-1', 'customer-exports']);
    expect(names(result.rows)).not.toContain('other');
    expect([...result.positions(list[1]!)]).toEqual([3, 4, 5]);
  });

  it('is case-insensitive, and returns the rows themselves', () => {
    const list = rows('Rechnung März.pdf', 'readme');
    const result = fuzzyFilter(list, 'MÄRZ');
    expect(result.rows).toEqual([list[0]]);
    expect(result.rows[0]).toBe(list[0]);
    expect([...result.positions(list[0]!)]).toEqual([9, 10, 11, 12]);
  });

  it('counts positions in characters, an emoji being one', () => {
    const list = rows('🧾 invoice.pdf');
    expect([...fuzzyFilter(list, 'inv').positions(list[0]!)]).toEqual([2, 3, 4]);
  });

  it('returns the list as it is for an empty filter', () => {
    const list = rows('a', 'b');
    const result = fuzzyFilter(list, '');
    expect(result.rows).toBe(list);
    expect(result.positions(list[0]!).size).toBe(0);
  });

  it('gives the same answer typing on as from scratch, and after erasing', () => {
    const list = rows(...Array.from({ length: 300 }, (_, i) => `report-${i}-${i % 7 === 0 ? 'cex' : 'x'}.txt`));
    for (const filter of ['r', 're', 'rep', 'rep1', 'rep1x', 'rep1', 're', 'cx', 'cex']) {
      const typed = fuzzyFilter(list, filter);
      const fresh = fuzzyFilter([...list], filter);
      expect(names(typed.rows).sort()).toEqual(names(fresh.rows).sort());
      expect(typed.exactCount).toBe(fresh.exactCount);
    }
  });

  it('past the ranking limit keeps every fuzzy match, in list order, with positions when asked', () => {
    const list = rows(...Array.from({ length: FUZZY_RANKED_LIMIT + 50 }, (_, i) => `c${i}e${i}x`));
    const result = fuzzyFilter(list, 'cex');
    expect(result.rows).toHaveLength(list.length);
    expect(result.rows).toEqual(list);
    const last = list[list.length - 1]!;
    const shown = [...result.positions(last)].sort((a, b) => a - b);
    expect(shown.map((i) => [...last.name][i]).join('')).toBe('cex');
  });

  it('counts fuzzy positions in characters too (fzf counts UTF-16 units), after an emoji or an accent', () => {
    const list = rows('🧾-c-e-x', 'Ré-c-e-x', 'e\u0301-c-e-x');
    const result = fuzzyFilter(list, 'cex');
    expect(result.exactCount).toBe(0);
    for (const row of list) {
      const chars = [...row.name];
      const shown = [...result.positions(row)].sort((a, b) => a - b).map((i) => chars[i]);
      expect(shown.join(''), row.name).toBe('cex');
    }
  });

  it('searches the lower-cased name a row carries', () => {
    const list = [
      { name: 'README.md', match: 'readme.md' },
      { name: 'notes', match: 'notes' },
    ];
    expect(names(fuzzyFilter(list, 'ReAd').rows)).toEqual(['README.md']);
    expect(names(fuzzyFilter([{ name: 'shown', match: 'searched' }], 'searched').rows)).toEqual(['shown']);
  });

  it('over 100,000 keys gives every substring match in list order, then the fuzzy ones', () => {
    const big = rows(...Array.from({ length: 100_000 }, (_, i) => `${String(i).padStart(6, '0')}.log`));
    const result = fuzzyFilter(big, '777');
    const holding = big.filter((row) => row.name.includes('777'));
    expect(result.rows.slice(0, result.exactCount)).toEqual(holding);
    expect(result.rows.length).toBe(big.filter((row) => /7.*7.*7/.test(row.name)).length);
  });
});

describe('matchCountText', () => {
  it.each([
    [0, 'no match'],
    [1, '1 match'],
    [2, '2 matches'],
    [124, '124 matches'],
    [1204, '1,204 matches'],
  ])('%i → %s', (count, text) => {
    expect(matchCountText(count)).toBe(text);
  });
});
