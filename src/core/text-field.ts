/**
 * A one-line text input as readline has it: a value, a cursor (a UTF-16 index, always on a
 * character boundary) and whether the whole value is selected. A prefilled value starts
 * selected, so the first character typed replaces it instead of being appended.
 */
export interface TextField {
  readonly value: string;
  readonly cursor: number;
  readonly selected: boolean;
}

export function textField(value = '', options: { selected?: boolean } = {}): TextField {
  return { value, cursor: value.length, selected: options.selected === true && value !== '' };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Longest grapheme considered when stepping over one (emoji ZWJ sequences stay well under). */
const GRAPHEME_WINDOW = 64;

/** Where the character before `index` starts. */
function previousBoundary(value: string, index: number): number {
  if (index <= 0) return 0;
  const from = Math.max(0, index - GRAPHEME_WINDOW);
  let start = from;
  for (const { index: at } of graphemes.segment(value.slice(from, index))) start = from + at;
  return start;
}

/** Where the character at `index` ends. */
function nextBoundary(value: string, index: number): number {
  if (index >= value.length) return value.length;
  const segments = graphemes.segment(value.slice(index, index + GRAPHEME_WINDOW));
  const first = segments[Symbol.iterator]().next();
  return first.done ? value.length : index + first.value.segment.length;
}

/** Control characters never enter a field (a pasted line break, an escape sequence). */
function printableOnly(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

function codePoints(text: string): number {
  let count = 0;
  // Every code unit but the second half of a surrogate pair starts a code point.
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0xdc00 || unit > 0xdfff) count += 1;
  }
  return count;
}

/** The first `limit` code points of `text`. */
function firstCodePoints(text: string, limit: number): string {
  if (limit <= 0) return '';
  let length = 0;
  let count = 0;
  for (const char of text) {
    if (count === limit) break;
    length += char.length;
    count += 1;
  }
  return text.slice(0, length);
}

/**
 * Types or pastes `text` at the cursor; a selected value is replaced. With `maxLength` (in
 * characters) what does not fit is left out.
 */
export function insert(field: TextField, text: string, maxLength?: number): TextField {
  const base = field.selected ? textField('') : field;
  let typed = printableOnly(text);
  if (maxLength !== undefined) typed = firstCodePoints(typed, maxLength - codePoints(base.value));
  if (typed === '') return field;
  return {
    value: base.value.slice(0, base.cursor) + typed + base.value.slice(base.cursor),
    cursor: base.cursor + typed.length,
    selected: false,
  };
}

/** Removes the character before the cursor (or the whole selected value). */
export function backspace(field: TextField): TextField {
  if (field.selected) return textField('');
  const start = previousBoundary(field.value, field.cursor);
  return { value: field.value.slice(0, start) + field.value.slice(field.cursor), cursor: start, selected: false };
}

/** Removes the character under the cursor (or the whole selected value). */
export function deleteForward(field: TextField): TextField {
  if (field.selected) return textField('');
  const end = nextBoundary(field.value, field.cursor);
  return { value: field.value.slice(0, field.cursor) + field.value.slice(end), cursor: field.cursor, selected: false };
}

/** ← : one character left; on a selection, to its start. */
export function left(field: TextField): TextField {
  if (field.selected) return { ...field, cursor: 0, selected: false };
  return { ...field, cursor: previousBoundary(field.value, field.cursor) };
}

/** → : one character right; on a selection, to its end. */
export function right(field: TextField): TextField {
  if (field.selected) return { ...field, cursor: field.value.length, selected: false };
  return { ...field, cursor: nextBoundary(field.value, field.cursor) };
}

/** Home, Ctrl-A. */
export function home(field: TextField): TextField {
  return { ...field, cursor: 0, selected: false };
}

/** End, Ctrl-E. */
export function end(field: TextField): TextField {
  return { ...field, cursor: field.value.length, selected: false };
}

/** Ctrl-U: erases everything before the cursor, as readline does (all of it, with the cursor at the end). */
export function clearLine(field: TextField): TextField {
  if (field.selected) return textField('');
  return { value: field.value.slice(field.cursor), cursor: 0, selected: false };
}

/** Ctrl-W: erases the word before the cursor and the spaces after it, as readline's unix-word-rubout. */
export function deleteWord(field: TextField): TextField {
  if (field.selected) return textField('');
  let start = field.cursor;
  while (start > 0 && /\s/.test(field.value[start - 1] ?? '')) start -= 1;
  while (start > 0 && !/\s/.test(field.value[start - 1] ?? '')) start -= 1;
  return { value: field.value.slice(0, start) + field.value.slice(field.cursor), cursor: start, selected: false };
}
