import { describe, expect, it } from 'vitest';
import { textField, type TextField } from '../../src/core/text-field.js';
import { parseKeys } from '../../src/ui/key-sequences.js';
import { editWithKey } from '../../src/ui/text-field-keys.js';

/** Feeds terminal bytes to a field as the app would, key by key; keys it does not take are listed. */
function type(field: TextField, bytes: string, maxLength?: number): { field: TextField; passed: string[] } {
  const passed: string[] = [];
  let current = field;
  for (const event of parseKeys(bytes, true).events) {
    const next = editWithKey(current, event, maxLength);
    if (next) current = next;
    else
      passed.push(
        Object.entries(event.key)
          .filter(([, on]) => on)
          .map(([name]) => name)
          .join('+') || event.input,
      );
  }
  return { field: current, passed };
}
const show = (field: TextField) =>
  field.selected ? `[${field.value}]` : `${field.value.slice(0, field.cursor)}|${field.value.slice(field.cursor)}`;

describe('editWithKey', () => {
  it('typing 24 on a prefilled 1 gives 24, not 124', () => {
    expect(show(type(textField('1', { selected: true }), '24').field)).toBe('24|');
  });

  it.each([
    ['←← then x', 'abc', '\u001b[D\u001b[Dx', 'ax|bc'],
    ['Ctrl-A then x', 'abc', '\u0001x', 'x|abc'],
    ['Home, End then x', 'abc', '\u001b[H\u001b[Fx', 'abcx|'],
    ['Ctrl-B, Ctrl-F', 'abc', '\u0002\u0002\u0006', 'ab|c'],
    ['Ctrl-E after Home', 'abc', '\u001b[H\u0005', 'abc|'],
    ['Backspace', 'abc', '\u007f', 'ab|'],
    ['Delete at the start', 'abc', '\u001b[H\u001b[3~', '|bc'],
    ['Ctrl-D at the start', 'abc', '\u0001\u0004', '|bc'],
    ['Ctrl-U', 'customer-exports', '\u0015', '|'],
    ['Ctrl-W', '2d 12h', '\u0017', '2d |'],
    ['Alt-Backspace', '2d 12h', '\u001b\u007f', '2d |'],
    ['→ at the end', 'abc', '\u001b[C', 'abc|'],
  ])('%s', (_name, value, bytes, expected) => {
    expect(show(type(textField(value), bytes).field)).toBe(expected);
  });

  it('leaves Enter, Esc, Tab, ↑↓, PgUp/PgDn, Ctrl-C and Alt-letters to the screen', () => {
    const { field, passed } = type(textField('ab'), '\r\t\u001b[A\u001b[B\u001b[5~\u001b[6~\u0003\u001bx\u001b');
    expect(show(field)).toBe('ab|');
    expect(passed).toEqual(['return', 'tab', 'upArrow', 'downArrow', 'pageUp', 'pageDown', 'ctrl', 'meta', 'escape']);
  });

  it('inserts a paste whole, within the length cap', () => {
    expect(show(type(textField(''), '123456789', 6).field)).toBe('123456|');
  });
});
