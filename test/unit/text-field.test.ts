import { describe, expect, it } from 'vitest';
import {
  backspace,
  clearLine,
  deleteForward,
  deleteWord,
  end,
  home,
  insert,
  left,
  right,
  textField,
  type TextField,
} from '../../src/core/text-field.js';

/** The field drawn as text with the cursor as "|", and [brackets] around a selected value. */
function show(field: TextField): string {
  if (field.selected) return `[${field.value}]`;
  return `${field.value.slice(0, field.cursor)}|${field.value.slice(field.cursor)}`;
}
const at = (value: string, cursor: number): TextField => ({ value, cursor, selected: false });
const apply = (field: TextField, ...steps: Array<(f: TextField) => TextField>) =>
  steps.reduce((f, step) => step(f), field);

describe('a prefilled field', () => {
  it('starts selected with the cursor at the end; the first character typed replaces it', () => {
    const prefilled = textField('1', { selected: true });
    expect(show(prefilled)).toBe('[1]');
    const typed = insert(insert(prefilled, '2'), '4');
    expect(show(typed)).toBe('24|');
  });

  it('is emptied by Backspace, Delete, Ctrl-U or Ctrl-W while selected', () => {
    for (const step of [backspace, deleteForward, clearLine, deleteWord]) {
      expect(show(step(textField('24', { selected: true })))).toBe('|');
    }
  });

  it('keeps its value when an arrow, Home or End ends the selection', () => {
    expect(show(left(textField('24', { selected: true })))).toBe('|24');
    expect(show(right(textField('24', { selected: true })))).toBe('24|');
    expect(show(home(textField('24', { selected: true })))).toBe('|24');
    expect(show(end(textField('24', { selected: true })))).toBe('24|');
  });

  it('stays as it is when only control characters arrive', () => {
    const prefilled = textField('1', { selected: true });
    expect(insert(prefilled, '\r\n\u001b')).toBe(prefilled);
  });

  it('an empty prefill is not selected', () => {
    expect(textField('', { selected: true }).selected).toBe(false);
  });
});

describe('editing', () => {
  it('inserts at the cursor, a paste whole, without control characters', () => {
    expect(show(insert(at('ac', 1), 'b'))).toBe('ab|c');
    expect(show(insert(at('', 0), 'one\ntwo\u0007'))).toBe('onetwo|');
  });

  it('moves by characters, an emoji or accented letter being one', () => {
    const value = 'a👍🏽é\u0301b';
    let field = at(value, value.length);
    const stops: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      field = left(field);
      stops.push(field.cursor);
    }
    expect(stops).toEqual([value.length - 1, 'a👍🏽'.length, 1, 0, 0]);
    expect(show(right(at(value, 1)))).toBe('a👍🏽|é\u0301b');
  });

  it('Backspace and Delete remove a whole character around the cursor', () => {
    expect(show(backspace(at('a👍🏽b', 'a👍🏽'.length)))).toBe('a|b');
    expect(show(deleteForward(at('a👍🏽b', 1)))).toBe('a|b');
    expect(show(backspace(at('ab', 0)))).toBe('|ab');
    expect(show(deleteForward(at('ab', 2)))).toBe('ab|');
  });

  it('Home/Ctrl-A and End/Ctrl-E go to the ends', () => {
    expect(show(home(at('abc', 2)))).toBe('|abc');
    expect(show(end(at('abc', 1)))).toBe('abc|');
  });

  it('Ctrl-U erases before the cursor, as readline', () => {
    expect(show(clearLine(at('customer-exports', 16)))).toBe('|');
    expect(show(clearLine(at('abc def', 4)))).toBe('|def');
  });

  it('Ctrl-W erases the word before the cursor and the spaces after it', () => {
    expect(show(deleteWord(at('2d 12h', 6)))).toBe('2d |');
    expect(show(deleteWord(at('2d 12h  ', 8)))).toBe('2d |');
    expect(show(apply(at('one two three', 7), deleteWord))).toBe('one | three');
    expect(show(deleteWord(at('', 0)))).toBe('|');
  });

  it('keeps to a length cap, counted in characters', () => {
    expect(show(insert(at('12345', 5), '6789', 6))).toBe('123456|');
    expect(show(insert(at('123456', 6), '7', 6))).toBe('123456|');
    expect(show(insert(textField('999999', { selected: true }), '12345678', 6))).toBe('123456|');
    expect(show(insert(at('', 0), '👍👍👍', 2))).toBe('👍👍|');
  });

  it('types into a 100,000-character value quickly', () => {
    const long = 'x'.repeat(100_000);
    const started = performance.now();
    let field = at(long, 50_000);
    for (let i = 0; i < 100; i += 1) field = backspace(left(right(insert(field, 'y'))));
    expect(performance.now() - started).toBeLessThan(500);
    expect(field.value).toHaveLength(100_000);
  });
});
