import { describe, expect, it } from 'vitest';
import { joinFullWidthLines } from '../../src/ui/soft-wrap.js';

describe('joinFullWidthLines', () => {
  it('drops the line break after a line that fills the terminal', () => {
    expect(joinFullWidthLines('abcd\nefgh\nij\nnext', 4)).toBe('abcdefghij\nnext');
  });

  it('keeps breaks after shorter lines and before empty lines', () => {
    expect(joinFullWidthLines('abc\nabcd\n\nx', 4)).toBe('abc\nabcd\n\nx');
  });

  it('keeps the break when the next line starts with an escape sequence', () => {
    expect(joinFullWidthLines('abcd\n\u001b[2mdim', 4)).toBe('abcd\n\u001b[2mdim');
  });

  it('measures width without colour codes', () => {
    expect(joinFullWidthLines('\u001b[1mab\u001b[22m\nc', 2)).toBe('\u001b[1mab\u001b[22mc');
  });

  it('never joins lines with wide or emoji characters, whose width terminals disagree on', () => {
    expect(joinFullWidthLines('ファ\nイル', 4)).toBe('ファ\nイル');
    expect(joinFullWidthLines(' 📄 ab\n next', 6)).toBe(' 📄 ab\n next');
  });

  it('leaves text alone without a known width', () => {
    expect(joinFullWidthLines('abcd\nefgh', undefined)).toBe('abcd\nefgh');
  });
});
