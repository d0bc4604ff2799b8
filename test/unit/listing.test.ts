import { describe, expect, it } from 'vitest';
import { appendPage, countRows, formatBytes, formatTimestamp, rowId } from '../../src/core/listing.js';

const object = (key: string, size = 1) => ({ key, size, lastModified: new Date('2026-04-02T09:14:00Z') });

describe('appendPage', () => {
  it('puts folders first and names rows relative to the prefix', () => {
    const rows = appendPage([], 'invoices/', {
      folders: ['invoices/drafts/'],
      objects: [object('invoices/2026-q1.pdf')],
    });
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['folder', 'drafts/'],
      ['object', '2026-q1.pdf'],
    ]);
  });

  it('keeps folders grouped first when a later page brings one', () => {
    let rows = appendPage([], '', { folders: ['a/'], objects: [object('b.txt')], nextToken: 't' });
    rows = appendPage(rows, '', { folders: ['c/'], objects: [object('d.txt')] });
    expect(rows.map((r) => r.name)).toEqual(['a/', 'c/', 'b.txt', 'd.txt']);
  });

  it('drops folders repeated across pages and the folder marker object', () => {
    let rows = appendPage([], 'logs/', { folders: ['logs/x/'], objects: [object('logs/', 0), object('logs/1')] });
    rows = appendPage(rows, 'logs/', { folders: ['logs/x/'], objects: [object('logs/2')] });
    expect(rows.map((r) => r.name)).toEqual(['x/', '1', '2']);
    expect(countRows(rows)).toEqual({ folders: 1, objects: 2 });
  });

  it('keeps an object with content whose key is the folder prefix itself', () => {
    const rows = appendPage([], 'dir/', { folders: [], objects: [object('dir/', 12)] });
    expect(rows).toMatchObject([{ kind: 'object', key: 'dir/', name: '(object named like this folder)' }]);
  });

  it('gives the same rows when the same list is extended twice (a reducer run again on old state)', () => {
    const first = appendPage([], '', { folders: ['a/'], objects: [object('b.txt')], nextToken: 't' });
    const once = appendPage(first, '', { folders: ['c/'], objects: [object('d.txt')], nextToken: 'u' });
    const again = appendPage(first, '', { folders: ['c/'], objects: [object('d.txt')], nextToken: 'u' });
    expect(again.map(rowId)).toEqual(once.map(rowId));
    expect(again.map(rowId)).toEqual(['d:a/', 'd:c/', 'o:b.txt', 'o:d.txt']);
    // Both branches go on deduplicating against their own history.
    expect(appendPage(once, '', { folders: ['c/'], objects: [object('d.txt'), object('e.txt')] }).map(rowId)).toEqual([
      'd:a/',
      'd:c/',
      'o:b.txt',
      'o:d.txt',
      'o:e.txt',
    ]);
    expect(appendPage(again, '', { folders: ['a/'], objects: [object('b.txt')] })).toHaveLength(4);
  });

  it('keeps the rows of earlier pages as the same objects', () => {
    const first = appendPage([], 'p/', { folders: [], objects: [object('p/1'), object('p/2')], nextToken: 't' });
    const next = appendPage(first, 'p/', { folders: ['p/f/'], objects: [object('p/3')] });
    expect(next[1]).toBe(first[0]);
    expect(next[2]).toBe(first[1]);
  });

  it('tells a folder from an object with the same key', () => {
    const rows = appendPage([], '', { folders: ['x/'], objects: [object('x/', 5)] });
    expect(rows.map(rowId)).toEqual(['d:x/', 'o:x/']);
  });

  it('keeps the modification time as epoch milliseconds and leaves it out when unknown', () => {
    const rows = appendPage([], '', { folders: [], objects: [object('a'), { key: 'b', size: 1 }] });
    expect(rows[0]).toMatchObject({ modifiedAt: Date.parse('2026-04-02T09:14:00Z') });
    expect(rows[1]).not.toHaveProperty('modifiedAt');
  });
});

describe('rows for the filter', () => {
  it('carry the lower-cased name the filter searches', () => {
    const rows = appendPage([], '', { folders: ['Logs/'], objects: [object('README.md'), object('notes.txt')] });
    expect(rows.map((r) => r.match)).toEqual(['logs/', 'readme.md', 'notes.txt']);
  });
});

describe('helpers', () => {
  it('formats sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(18_100)).toBe('18.1 kB');
    expect(formatBytes(2_400_000)).toBe('2.4 MB');
    expect(formatBytes(5_000_000_000_000)).toBe('5 TB');
  });

  it('formats timestamps as date and minute', () => {
    expect(formatTimestamp(new Date('2026-04-02T09:14:59Z'), 'UTC')).toBe('2026-04-02 09:14');
    expect(formatTimestamp(Date.parse('2026-04-02T09:14:59Z'), 'Asia/Kolkata')).toBe('2026-04-02 14:44');
  });
});
