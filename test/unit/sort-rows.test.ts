import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/core/listing.js';
import { DEFAULT_SORT, nextSort, SORT_CYCLE, sortLabel, sortRows } from '../../src/core/sort-rows.js';

const folder = (name: string): Row => ({ kind: 'folder', prefix: `p/${name}`, name, match: name.toLowerCase() });
const object = (name: string, size: number, modifiedAt?: number): Row => ({
  kind: 'object',
  key: `p/${name}`,
  name,
  match: name.toLowerCase(),
  size,
  ...(modifiedAt !== undefined ? { modifiedAt } : {}),
});

const rows: Row[] = [
  folder('a/'),
  folder('b/'),
  object('B.txt', 10, 3000),
  object('a.txt', 300, 1000),
  object('c.txt', 20, 2000),
  object('d.txt', 20),
];
const names = (list: readonly Row[]) => list.map((row) => row.name);

describe('sortRows', () => {
  it('leaves the listing order alone for name ascending', () => {
    expect(sortRows(rows, DEFAULT_SORT)).toBe(rows);
  });

  it('reverses names, folders still first', () => {
    expect(names(sortRows(rows, { field: 'name', direction: 'descending' }))).toEqual([
      'b/',
      'a/',
      'd.txt',
      'c.txt',
      'a.txt',
      'B.txt',
    ]);
  });

  it('sorts by last modified both ways; objects without a date go last', () => {
    expect(names(sortRows(rows, { field: 'modified', direction: 'descending' }))).toEqual([
      'a/',
      'b/',
      'B.txt',
      'c.txt',
      'a.txt',
      'd.txt',
    ]);
    expect(names(sortRows(rows, { field: 'modified', direction: 'ascending' }))).toEqual([
      'a/',
      'b/',
      'a.txt',
      'c.txt',
      'B.txt',
      'd.txt',
    ]);
  });

  it('sorts by size both ways, ties in name order', () => {
    expect(names(sortRows(rows, { field: 'size', direction: 'descending' }))).toEqual([
      'a/',
      'b/',
      'a.txt',
      'c.txt',
      'd.txt',
      'B.txt',
    ]);
    expect(names(sortRows(rows, { field: 'size', direction: 'ascending' }))).toEqual([
      'a/',
      'b/',
      'B.txt',
      'c.txt',
      'd.txt',
      'a.txt',
    ]);
  });

  it('sorts a row array once per order and never changes it', () => {
    const before = names(rows);
    const first = sortRows(rows, { field: 'size', direction: 'ascending' });
    expect(sortRows(rows, { field: 'size', direction: 'ascending' })).toBe(first);
    expect(names(rows)).toEqual(before);
  });

  it('sorts 100,000 rows fast enough for a key press', () => {
    const many: Row[] = Array.from({ length: 100_000 }, (_, i) =>
      object(`k${(i * 7919) % 100_000}`, (i * 31) % 5000, 1_700_000_000_000 + ((i * 17) % 100_000)),
    );
    const started = performance.now();
    const result = sortRows(many, { field: 'size', direction: 'descending' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toHaveLength(100_000);
    const sizes = result.map((row) => (row.kind === 'object' ? row.size : 0));
    for (let i = 1; i < sizes.length; i += 1) expect(sizes[i - 1]! >= sizes[i]!).toBe(true);
  });
});

describe('nextSort and sortLabel', () => {
  it('cycles through every order and back', () => {
    let order = DEFAULT_SORT;
    const seen: string[] = [];
    for (let i = 0; i < SORT_CYCLE.length; i += 1) {
      seen.push(sortLabel(order));
      order = nextSort(order);
    }
    expect(order).toEqual(DEFAULT_SORT);
    expect(seen).toEqual([
      'sorted by name, A→Z',
      'sorted by name, Z→A',
      'sorted by last modified, newest first',
      'sorted by last modified, oldest first',
      'sorted by size, largest first',
      'sorted by size, smallest first',
    ]);
  });

  it('says the sort covers only what is loaded while more pages exist', () => {
    const order = { field: 'size', direction: 'descending' } as const;
    expect(sortLabel(order, { rows: 3000, more: true })).toBe('sorted by size, largest first (the 3,000 loaded)');
    expect(sortLabel(order, { rows: 3000, more: false })).toBe('sorted by size, largest first');
  });
});
