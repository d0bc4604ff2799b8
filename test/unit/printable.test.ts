import { describe, expect, it } from 'vitest';
import { printable } from '../../src/core/printable.js';

describe('printable', () => {
  it('leaves ordinary and non-ASCII text alone', () => {
    expect(printable('unicodé/ファイル 😀.txt')).toBe('unicodé/ファイル 😀.txt');
  });

  it('escapes control characters so a key cannot drive the terminal', () => {
    const key = 'evil\u001b]52;c;aGk=\u0007name\n\r\t\u009b';
    const shown = printable(key);
    expect(shown).toBe('evil\\e]52;c;aGk=\\x07name\\n\\r\\t\\x9b');
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('escapes bidirectional controls that would reorder what is shown', () => {
    expect(printable('invoice\u202Efdp.exe')).toBe('invoice\\u202efdp.exe');
  });
});
