import type { KeyPress } from './keys.js';

/** A key as the parser reads it: the app's KeyPress, plus the keys text fields need. */
export interface ParsedKey extends KeyPress {
  leftArrow: boolean;
  rightArrow: boolean;
  shift: boolean;
  meta: boolean;
}

export interface KeyEvent {
  /** Text typed or pasted (a whole paste is one event); the letter of a Ctrl-key; else ''. */
  input: string;
  key: ParsedKey;
}

export interface ParseResult {
  events: KeyEvent[];
  /** The start of an escape sequence cut off at the end of the bytes, kept for the next read. */
  pending: string;
}

const ESC = '\u001b';
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;

/** A key event with no key flag set: plain text, and the base every parsed key is built on. */
export const NO_KEY: ParsedKey = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  meta: false,
  backspace: false,
  delete: false,
  tab: false,
};

const press = (key: Partial<ParsedKey>, input = ''): KeyEvent => ({ input, key: { ...NO_KEY, ...key } });

/** Final letters of `ESC [ A` and `ESC O A` style keys (cursor keys, Home/End in their short forms). */
const LETTER_KEYS: Record<string, Partial<ParsedKey>> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
  H: { home: true },
  F: { end: true },
  Z: { tab: true, shift: true },
};

/** Numbers of `ESC [ n ~` keys, as xterm, VT220, rxvt and the Linux console send them. */
const TILDE_KEYS: Record<string, Partial<ParsedKey>> = {
  '1': { home: true },
  '7': { home: true },
  '4': { end: true },
  '8': { end: true },
  '3': { delete: true },
  '5': { pageUp: true },
  '6': { pageDown: true },
};

/** xterm's modifier parameter (`ESC [ 1 ; 5 A` is Ctrl-Up): 1 + shift(1) + alt(2) + ctrl(4). */
function modifiers(parameter: string | undefined): Partial<ParsedKey> {
  const value = Number(parameter) - 1;
  if (!(value > 0)) return {};
  return { shift: (value & 1) !== 0, meta: (value & 2) !== 0, ctrl: (value & 4) !== 0 };
}

function csiKey(parameters: string, final: string): Partial<ParsedKey> | undefined {
  const [first, modifier] = parameters.split(';');
  if (final === '~') {
    const key = TILDE_KEYS[first ?? ''];
    return key && { ...key, ...modifiers(modifier) };
  }
  if (final === '$' || final === '^') {
    // rxvt: ESC [ 7 $ is Shift-Home, ESC [ 7 ^ Ctrl-Home.
    const key = TILDE_KEYS[first ?? ''];
    return key && { ...key, ...(final === '$' ? { shift: true } : { ctrl: true }) };
  }
  const key = LETTER_KEYS[final];
  return key && { ...key, ...modifiers(modifier) };
}

/** Control bytes with a key of their own; the other C0 bytes are Ctrl-letters. */
const CONTROL_BYTES: Record<string, Partial<ParsedKey>> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\u007f': { backspace: true },
  '\b': { backspace: true },
};

function controlEvent(char: string): KeyEvent {
  const special = CONTROL_BYTES[char];
  if (special) return press(special);
  const code = char.charCodeAt(0);
  // 0x01..0x1a are Ctrl-A..Ctrl-Z; 0x00 is Ctrl-Space; 0x1c..0x1f Ctrl-\ ] ^ _.
  const letter = code === 0 ? ' ' : code <= 0x1a ? String.fromCharCode(code + 0x60) : String.fromCharCode(code + 0x40);
  return press({ ctrl: true }, letter);
}

const isControl = (code: number) => code < 0x20 || code === 0x7f;

/**
 * Splits bytes read from a terminal into key presses, like a terminal editor does:
 * - `ESC [ …` (CSI) and `ESC O x` (SS3) sequences are keys: arrows, Home/End and PgUp/PgDn in
 *   their xterm, VT220 and rxvt spellings, Delete, Shift-Tab; sequences it does not know (focus
 *   reports, mouse) are dropped rather than typed.
 * - OSC, DCS and APC strings (terminal replies such as `ESC ] 52 ; … BEL`) are dropped.
 * - ESC ESC is Esc, and the second ESC starts what follows: `ESC ESC` is two Esc, and
 *   `ESC ESC [ A` is Esc then Up (not Alt-Up).
 * - ESC and one more key in the same read is that key with Alt (`meta`), as terminals send it:
 *   Alt-b is `ESC b`, Alt-Backspace `ESC DEL`. A lone ESC is Esc once nothing follows in time.
 * - A run of printable characters is one event: a paste stays one piece of text, while control
 *   bytes inside a burst ("\x7f24\r") are keys of their own.
 * - Text between bracketed-paste markers is one event, control bytes and all.
 * When the bytes end inside a possible sequence (a lone ESC, `ESC [ 1 ;`), that tail comes back
 * as `pending`; with `flush` it is read as Esc followed by text instead (the caller's timeout).
 */
export function parseKeys(bytes: string, flush = false): ParseResult {
  const events: KeyEvent[] = [];
  let text = '';
  const endText = () => {
    if (text !== '') events.push(press({}, text));
    text = '';
  };
  let index = 0;
  while (index < bytes.length) {
    const char = bytes[index] as string;
    const code = char.charCodeAt(0);
    if (char !== ESC) {
      if (isControl(code)) {
        endText();
        events.push(controlEvent(char));
        // A pasted Windows line end is one Enter, not two.
        if (char === '\r' && bytes[index + 1] === '\n') index += 1;
      } else text += char;
      index += 1;
      continue;
    }
    endText();
    if (bytes.startsWith(PASTE_START, index)) {
      const end = bytes.indexOf(PASTE_END, index + PASTE_START.length);
      if (end === -1 && !flush) return { events, pending: bytes.slice(index) };
      const pasted = bytes.slice(index + PASTE_START.length, end === -1 ? undefined : end);
      if (pasted !== '') events.push(press({}, pasted));
      index = end === -1 ? bytes.length : end + PASTE_END.length;
      continue;
    }
    const sequence = readSequence(bytes, index);
    if (sequence === 'pending' && !flush) return { events, pending: bytes.slice(index) };
    if (sequence === 'pending' || sequence === undefined) {
      // A lone ESC, or one whose next bytes are no sequence: the Esc key; the rest is read on its own.
      events.push(press({ escape: true }));
      index += 1;
      continue;
    }
    if (sequence.key) events.push(press(sequence.key, sequence.input));
    index = sequence.next;
  }
  endText();
  return { events, pending: '' };
}

type Sequence = { key: Partial<ParsedKey> | undefined; input?: string; next: number };

/** The escape sequence starting at `start` (an ESC), 'pending' when the bytes end inside it. */
function readSequence(bytes: string, start: number): Sequence | 'pending' | undefined {
  const kind = bytes[start + 1];
  if (kind === undefined) return 'pending';
  if (STRING_SEQUENCES.has(kind)) return readStringSequence(bytes, start);
  if (kind === ESC) return undefined;
  if (kind !== '[' && kind !== 'O') {
    // ESC and a key in one read: how terminals send Alt with that key (Alt-b, Alt-Backspace).
    const char = String.fromCodePoint(bytes.codePointAt(start + 1) as number);
    const next = start + 1 + char.length;
    if (isControl(char.charCodeAt(0))) {
      const { key, input } = controlEvent(char);
      return { key: { ...key, meta: true }, input, next };
    }
    return { key: { meta: true }, input: char, next };
  }
  if (kind === 'O') {
    const final = bytes[start + 2];
    if (final === undefined) return 'pending';
    if (!/[\u0040-\u007e]/.test(final)) return undefined;
    return { key: LETTER_KEYS[final] ?? undefined, next: start + 3 };
  }
  if (kind !== '[') return undefined;
  let index = start + 2;
  // The Linux console's F1–F5 are ESC [ [ A … E.
  if (bytes[index] === '[') {
    const final = bytes[index + 1];
    if (final === undefined) return 'pending';
    return { key: undefined, next: index + 2 };
  }
  while (index < bytes.length) {
    const code = bytes.charCodeAt(index);
    // Parameter and intermediate bytes; rxvt ends some keys with $ or ^, which are intermediates.
    if ((code === 0x24 || code === 0x5e) && /^\d+$/.test(bytes.slice(start + 2, index))) {
      return { key: csiKey(bytes.slice(start + 2, index), bytes[index] as string), next: index + 1 };
    }
    if (code >= 0x20 && code <= 0x3f) {
      index += 1;
      continue;
    }
    if (code >= 0x40 && code <= 0x7e) {
      return { key: csiKey(bytes.slice(start + 2, index), bytes[index] as string), next: index + 1 };
    }
    return undefined;
  }
  return 'pending';
}

/** OSC, DCS, APC, PM and SOS: terminal replies and reports (ESC ] 52 ; … BEL), never keys. */
const STRING_SEQUENCES = new Set([']', 'P', '_', '^', 'X']);

/** A string sequence runs to BEL or ST (ESC \); it is read whole and dropped. */
function readStringSequence(bytes: string, start: number): Sequence | 'pending' {
  for (let index = start + 2; index < bytes.length; index += 1) {
    if (bytes[index] === '\u0007') return { key: undefined, next: index + 1 };
    if (bytes[index] === ESC) {
      if (index + 1 >= bytes.length) return 'pending';
      if (bytes[index + 1] === '\\') return { key: undefined, next: index + 2 };
    }
  }
  return 'pending';
}

export interface KeyReader {
  /** Bytes as they were read. */
  push(bytes: string): void;
  /** Forgets a pending sequence and its timer. */
  dispose(): void;
}

/** How long a lone ESC waits for the rest of a sequence, as vim's `ttimeoutlen` and tmux's `escape-time`. */
export const ESCAPE_TIMEOUT_MS = 30;

/**
 * Feeds reads to `parseKeys`, keeping a cut-off sequence until the next read; when nothing
 * follows within `timeoutMs`, the ESC that started it is the Esc key.
 */
export function createKeyReader(onKey: (event: KeyEvent) => void, timeoutMs = ESCAPE_TIMEOUT_MS): KeyReader {
  let pending = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const deliver = (result: ParseResult) => {
    pending = result.pending;
    for (const event of result.events) onKey(event);
    if (pending !== '')
      timer = setTimeout(() => {
        timer = undefined;
        const held = pending;
        pending = '';
        deliver(parseKeys(held, true));
      }, timeoutMs);
  };
  return {
    push(bytes) {
      stopTimer();
      deliver(parseKeys(pending + bytes));
    },
    dispose() {
      stopTimer();
      pending = '';
    },
  };
}
