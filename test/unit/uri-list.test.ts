import { describe, expect, it } from 'vitest';
import { parseUriList } from '../../src/core/uri-list.js';

describe('parseUriList', () => {
  it('keeps one URI per line with its line number, skipping blank lines and # comments', () => {
    const text = '# from aws s3 ls\ns3://b/one.txt\n\n   \ns3://b/two.txt\n  # indented comment\ns3://b/three.txt';
    expect(parseUriList(text)).toEqual([
      { line: 2, text: 's3://b/one.txt' },
      { line: 5, text: 's3://b/two.txt' },
      { line: 7, text: 's3://b/three.txt' },
    ]);
  });

  it('drops Windows line ends and leading spaces, keeps trailing spaces (a key may end with one)', () => {
    expect(parseUriList('s3://b/a\r\n  s3://b/b \r\n\r\n')).toEqual([
      { line: 1, text: 's3://b/a' },
      { line: 2, text: 's3://b/b ' },
    ]);
  });

  it('keeps a # inside a key, and lines that are not URIs (they are reported later, by number)', () => {
    expect(parseUriList('s3://b/x#y.txt\nnot a uri\n')).toEqual([
      { line: 1, text: 's3://b/x#y.txt' },
      { line: 2, text: 'not a uri' },
    ]);
  });

  it('reads nothing from empty input', () => {
    expect(parseUriList('')).toEqual([]);
    expect(parseUriList('\n\n# only comments\n')).toEqual([]);
  });
});
