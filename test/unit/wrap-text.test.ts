import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/ui/wrap-text.js';

describe('wrapWords', () => {
  it('breaks between words, each line at most the width', () => {
    expect(wrapWords('the link works only after a restore', 12)).toEqual([
      'the link',
      'works only',
      'after a',
      'restore',
    ]);
  });

  it('cuts a word wider than a line, and keeps going after it', () => {
    expect(wrapWords('key abcdefghij end', 4)).toEqual(['key', 'abcd', 'efgh', 'ij', 'end']);
  });

  it('counts wide characters by their columns', () => {
    expect(wrapWords('ファイル x', 4)).toEqual(['ファ', 'イル', 'x']);
  });

  it('gives one empty line for no text', () => {
    expect(wrapWords('', 10)).toEqual(['']);
  });
});
