import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createKeyReader,
  ESCAPE_TIMEOUT_MS,
  parseKeys,
  type KeyEvent,
  type ParsedKey,
} from '../../src/ui/key-sequences.js';

/** Each event as a short name: the key that is set, or the text, for readable expectations. */
function names(events: KeyEvent[]): string[] {
  return events.map(({ input, key }) => {
    const flags = (Object.keys(key) as (keyof ParsedKey)[]).filter((name) => key[name]);
    if (flags.length === 0) return `text:${input}`;
    return [...flags, ...(input ? [input] : [])].join('+');
  });
}
const read = (bytes: string, flush = false) => names(parseKeys(bytes, flush).events);

describe('parseKeys', () => {
  it.each([
    ['\u001b[A', 'upArrow'],
    ['\u001bOA', 'upArrow'],
    ['\u001b[B', 'downArrow'],
    ['\u001bOB', 'downArrow'],
    ['\u001b[C', 'rightArrow'],
    ['\u001bOC', 'rightArrow'],
    ['\u001b[D', 'leftArrow'],
    ['\u001bOD', 'leftArrow'],
    ['\u001b[5~', 'pageUp'],
    ['\u001b[6~', 'pageDown'],
    ['\u001b[H', 'home'],
    ['\u001bOH', 'home'],
    ['\u001b[1~', 'home'],
    ['\u001b[7~', 'home'],
    ['\u001b[F', 'end'],
    ['\u001bOF', 'end'],
    ['\u001b[4~', 'end'],
    ['\u001b[8~', 'end'],
    ['\u001b[3~', 'delete'],
    ['\r', 'return'],
    ['\n', 'return'],
    ['\u007f', 'backspace'],
    ['\b', 'backspace'],
    ['\t', 'tab'],
    ['\u001b[Z', 'shift+tab'],
    ['\u0001', 'ctrl+a'],
    ['\u0005', 'ctrl+e'],
    ['\u0015', 'ctrl+u'],
    ['\u0017', 'ctrl+w'],
    ['\u0003', 'ctrl+c'],
    ['\u0010', 'ctrl+p'],
    ['\u000e', 'ctrl+n'],
    ['\u001b[1;5A', 'upArrow+ctrl'],
    ['\u001b[1;2H', 'home+shift'],
    ['\u001b[5;5~', 'pageUp+ctrl'],
    ['\u001b[7$', 'home+shift'],
  ])('reads %j as %s', (bytes, expected) => {
    expect(read(bytes)).toEqual([expected]);
  });

  it('reads a lone Esc at the end of the bytes as pending, and as Esc when flushed', () => {
    expect(parseKeys('\u001b')).toEqual({ events: [], pending: '\u001b' });
    expect(read('\u001b', true)).toEqual(['escape']);
  });

  it('reads Esc Esc as two Esc, not as Alt-Esc', () => {
    expect(parseKeys('\u001b\u001b')).toMatchObject({ pending: '\u001b' });
    expect(read('\u001b\u001b')).toEqual(['escape']);
    expect(read('\u001b\u001b', true)).toEqual(['escape', 'escape']);
  });

  it('reads Esc followed at once by arrows as Esc and arrows, not Alt-arrow', () => {
    expect(read('\u001b\u001b[A\u001b[A\u001b[A\r')).toEqual(['escape', 'upArrow', 'upArrow', 'upArrow', 'return']);
  });

  it('reads ESC and one more key in the same read as that key with Alt, as terminals send Alt', () => {
    expect(read('\u001bb')).toEqual(['meta+b']);
    expect(read('\u001b\u007f')).toEqual(['meta+backspace']);
    expect(read('\u001b\r')).toEqual(['return+meta']);
    expect(read('\u001bü')).toEqual(['meta+ü']);
  });

  it('reads a pasted Windows line end as one Enter', () => {
    expect(read('a\r\nb\r\r')).toEqual(['text:a', 'return', 'text:b', 'return', 'return']);
  });

  it('splits a burst into the keys pressed, and keeps a paste whole', () => {
    expect(read('\u007f24\r')).toEqual(['backspace', 'text:24', 'return']);
    const paste = 'customer-exports/invoices/2026/Rechnung März 🧾.pdf';
    const { events } = parseKeys(paste);
    expect(events.map((event) => event.input)).toEqual([paste]);
    expect(events[0]?.key.return).toBe(false);
    expect(read(paste)).toHaveLength(1);
  });

  it('keeps a cut-off sequence pending until it is complete', () => {
    for (const cut of ['\u001b[', '\u001b[1;', '\u001b[5', '\u001bO']) {
      expect(parseKeys(`ab${cut}`)).toEqual({ events: [expect.objectContaining({ input: 'ab' })], pending: cut });
    }
  });

  it('drops sequences it does not know instead of typing them', () => {
    expect(read('\u001b[I\u001b[O\u001b[<0;10;5M\u001b[[Ax')).toEqual(['text:x']);
  });

  it('drops terminal replies (OSC, DCS, APC strings) whole, ended by BEL or ST', () => {
    expect(read('a\u001b]52;c;aGk=\u0007b')).toEqual(['text:a', 'text:b']);
    expect(read('\u001b]11;rgb:0000/0000/0000\u001b\\x')).toEqual(['text:x']);
    expect(read('\u001bP>|xterm\u001b\\')).toEqual([]);
    expect(parseKeys('\u001b]52;c;aG')).toEqual({ events: [], pending: '\u001b]52;c;aG' });
    // Cut off and never ended: it was typed after all, Esc first.
    expect(read('\u001b]x', true)).toEqual(['escape', 'text:]x']);
  });

  it('reads a bracketed paste as one piece of text, control bytes and all', () => {
    expect(parseKeys('\u001b[200~a\rb\u001b[201~\r').events.map((e) => e.input)).toEqual(['a\rb', '']);
    expect(parseKeys('\u001b[200~half')).toEqual({ events: [], pending: '\u001b[200~half' });
  });

  it('reads 100,000 characters of paste quickly', () => {
    const paste = 'x'.repeat(100_000);
    const started = performance.now();
    const { events } = parseKeys(paste);
    expect(performance.now() - started).toBeLessThan(200);
    expect(events).toHaveLength(1);
    expect(events[0]?.input).toHaveLength(100_000);
  });
});

describe('createKeyReader', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function reader() {
    vi.useFakeTimers();
    const seen: KeyEvent[] = [];
    const keys = createKeyReader((event) => seen.push(event));
    return { keys, seen };
  }

  it('makes a lone Esc the Esc key once nothing follows within the timeout', () => {
    const { keys, seen } = reader();
    keys.push('\u001b');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(ESCAPE_TIMEOUT_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(names(seen)).toEqual(['escape']);
  });

  it('joins a sequence split across two reads within the timeout', () => {
    const { keys, seen } = reader();
    keys.push('\u001b');
    vi.advanceTimersByTime(5);
    keys.push('[A');
    vi.advanceTimersByTime(100);
    expect(names(seen)).toEqual(['upArrow']);
  });

  it('reads two Esc in one read as two Esc presses', () => {
    const { keys, seen } = reader();
    keys.push('\u001b\u001b');
    expect(names(seen)).toEqual(['escape']);
    vi.advanceTimersByTime(ESCAPE_TIMEOUT_MS);
    expect(names(seen)).toEqual(['escape', 'escape']);
  });

  it('delivers a pending Esc before the next key that is not part of a sequence', () => {
    const { keys, seen } = reader();
    keys.push('\u001b');
    keys.push('\u001b[B');
    expect(names(seen)).toEqual(['escape', 'downArrow']);
    vi.advanceTimersByTime(100);
    expect(names(seen)).toEqual(['escape', 'downArrow']);
  });

  it('reads a key arriving within the timeout after a lone ESC as Alt with that key', () => {
    const { keys, seen } = reader();
    keys.push('\u001b');
    vi.advanceTimersByTime(10);
    keys.push('b');
    expect(names(seen)).toEqual(['meta+b']);
  });

  it('reads a key arriving after the timeout as a key of its own, after Esc', () => {
    const { keys, seen } = reader();
    keys.push('\u001b');
    vi.advanceTimersByTime(ESCAPE_TIMEOUT_MS);
    keys.push('b');
    expect(names(seen)).toEqual(['escape', 'text:b']);
  });

  it('forgets a pending Esc when disposed', () => {
    const { keys, seen } = reader();
    keys.push('\u001b');
    keys.dispose();
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([]);
  });
});
