/**
 * The text field as drawn. Colours are forced on for this file (before Ink loads) so the reversed
 * cursor cell can be seen in the frame; reversal is an attribute, not a colour, so NO_COLOR
 * terminals show it too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TextField } from '../../src/core/text-field.js';

process.env.FORCE_COLOR = '1';
const { cleanup, render } = await import('ink-testing-library');
const { TextFieldView, fieldWindow } = await import('../../src/ui/components/text-field.js');
const { insert, left, textField } = await import('../../src/core/text-field.js');

afterEach(() => cleanup());

const INVERSE = '\u001b[7m';
const INVERSE_OFF = '\u001b[27m';
const at = (value: string, cursor: number): TextField => ({ value, cursor, selected: false });
const plain = (frame: string | undefined) => (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');
/** The window as one string, the cursor cell in [brackets]. */
const windowText = (field: TextField, width: number) => {
  const w = fieldWindow(field, width);
  return `${w.before}[${w.atCursor}]${w.after}`;
};

describe('<TextFieldView>', () => {
  it('draws the cursor as a reversed cell: at the end a reversed space, inside the value the character under it', () => {
    const atEnd = render(<TextFieldView field={textField('24')} width={20} />);
    expect(atEnd.lastFrame()).toContain(`24${INVERSE} ${INVERSE_OFF}`);
    const inside = render(<TextFieldView field={left(textField('24'))} width={20} />);
    expect(inside.lastFrame()).toContain(`2${INVERSE}4${INVERSE_OFF}`);
  });

  it('draws a selected prefill reversed as a whole, and the first key replaces it', () => {
    const prefilled = textField('1', { selected: true });
    const before = render(<TextFieldView field={prefilled} width={20} />);
    expect(before.lastFrame()).toContain(`${INVERSE}1${INVERSE_OFF}`);
    const after = render(<TextFieldView field={insert(prefilled, '2')} width={20} />);
    expect(plain(after.lastFrame())).toBe('2 ');
  });

  it('draws no cursor without focus, and a placeholder while empty', () => {
    const unfocused = render(<TextFieldView field={textField('abc')} width={20} focused={false} />);
    expect(unfocused.lastFrame()).not.toContain(INVERSE);
    const empty = render(<TextFieldView field={textField('')} width={20} placeholder="type to filter" />);
    expect(plain(empty.lastFrame())).toBe(' type to filter');
  });

  it('scrolls a long value to keep the cursor in view, within the width', () => {
    const long = `${'a'.repeat(200)}END`;
    const frame = plain(render(<TextFieldView field={textField(long)} width={30} />).lastFrame());
    expect(frame).toMatch(/^…a+END $/);
    expect(frame).toHaveLength(30);
  });

  it('escapes bidi controls rather than letting them reorder the line', () => {
    const frame = plain(render(<TextFieldView field={textField('a\u202Eb')} width={30} />).lastFrame());
    expect(frame).toBe('a\\u202eb ');
  });
});

describe('fieldWindow', () => {
  it('shows a value that fits whole', () => {
    expect(windowText(at('hello', 5), 10)).toBe('hello[ ]');
    expect(windowText(at('hello', 0), 10)).toBe('[h]ello');
    expect(fieldWindow(at('hello', 2), 10)).toMatchObject({ clippedLeft: false, clippedRight: false });
  });

  it('cuts a long value around the cursor, marking the cut sides, never wider than asked', () => {
    const value = '0123456789abcdefghijklmnopqrstuvwxyz';
    const middle = fieldWindow(at(value, 18), 12);
    expect(middle.atCursor).toBe('i');
    expect(middle).toMatchObject({ clippedLeft: true, clippedRight: true });
    const text = `${middle.before}${middle.atCursor}${middle.after}`;
    expect(text).toHaveLength(12);
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    expect(windowText(at(value, 0), 12)).toBe('[0]123456789a…');
    expect(windowText(at(value, value.length), 12)).toBe('…qrstuvwxyz[ ]');
  });

  it('counts wide characters as two columns and never splits one', () => {
    const value = '漢字'.repeat(20);
    const shown = fieldWindow(at(value, value.length), 11);
    // "…" plus whole wide characters, then the cursor space: at most 11 columns.
    expect(shown.before.startsWith('…')).toBe(true);
    expect([...shown.before.slice(1)].every((c) => c === '漢' || c === '字')).toBe(true);
    expect(1 + shown.before.slice(1).length * 2 + 1).toBeLessThanOrEqual(11);
  });

  it('looks only near the cursor: a 1,000,000-character value draws in a bounded time', () => {
    // Reading the whole value would segment and measure a million characters per call (seconds
    // each); looking near the cursor is a few hundred. The bound is loose for a busy machine.
    for (const char of ['x', 'ü']) {
      const huge = char.repeat(1_000_000);
      huge.charCodeAt(500_000); // flattened before timing
      const started = performance.now();
      for (let i = 0; i < 200; i += 1) fieldWindow(at(huge, huge.length - i), 80);
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
