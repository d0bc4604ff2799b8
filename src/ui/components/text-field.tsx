import { Text } from 'ink';
import stringWidth from 'string-width';
import { printable } from '../../core/printable.js';
import type { TextField } from '../../core/text-field.js';

export interface FieldWindow {
  before: string;
  /** The character under the cursor, or a space at the end of the value. */
  atCursor: string;
  after: string;
  /** Parts of the value left out on either side. */
  clippedLeft: boolean;
  clippedRight: boolean;
}

interface Cell {
  text: string;
  width: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const MORE = '…';

function cells(text: string): Cell[] {
  // Most fields are plain ASCII: a character a column, nothing to escape, no segmenting (slow).
  if (/^[\x20-\x7e]*$/.test(text)) return Array.from(text, (char) => ({ text: char, width: 1 }));
  const result: Cell[] = [];
  for (const { segment } of graphemes.segment(text)) {
    const code = segment.length === 1 ? segment.charCodeAt(0) : 0;
    if (code >= 0x20 && code < 0x7f) {
      result.push({ text: segment, width: 1 });
      continue;
    }
    const shown = printable(segment);
    result.push({ text: shown, width: stringWidth(shown) });
  }
  return result;
}

/** `text` cut so that it does not start or end inside a surrogate pair. */
function wholeCodePoints(text: string): string {
  let start = 0;
  let end = text.length;
  if (/^[\udc00-\udfff]/.test(text)) start = 1;
  if (/[\ud800-\udbff]$/.test(text)) end -= 1;
  return text.slice(start, end);
}

/**
 * The part of a field that fits in `width` columns, around the cursor. Only about two widths of
 * text on each side of the cursor are looked at, so a pasted 100,000-character value draws as
 * fast as a short one. Left of the cursor gets the room first (what was just typed), keeping a
 * third for what follows it; "…" marks a side that goes on.
 */
export function fieldWindow(field: TextField, width: number): FieldWindow {
  const room = Math.max(2, width);
  const reach = room * 2 + 8;
  const { value, cursor } = field;
  const leftStart = Math.max(0, cursor - reach);
  const leftCells = cells(wholeCodePoints(value.slice(leftStart, cursor)));
  const afterCursor = wholeCodePoints(value.slice(cursor, cursor + reach));
  const rightAll = cells(afterCursor);
  const cursorCell = rightAll.shift() ?? { text: ' ', width: 1 };
  const leftMore = leftStart > 0;
  const rightMore = cursor + afterCursor.length < value.length;

  const sum = (list: Cell[]) => list.reduce((total, cell) => total + cell.width, 0);
  const budget = room - cursorCell.width;
  const leftWidth = sum(leftCells);
  const rightWidth = sum(rightAll);
  if (!leftMore && !rightMore && leftWidth + rightWidth <= budget) {
    return {
      before: leftCells.map((c) => c.text).join(''),
      atCursor: cursorCell.text,
      after: rightAll.map((c) => c.text).join(''),
      clippedLeft: false,
      clippedRight: false,
    };
  }
  const rightReserve = Math.min(rightWidth + (rightMore ? 1 : 0), Math.floor(budget / 3));
  const takenLeft = takeFromEnd(leftCells, budget - rightReserve, leftMore);
  const takenRight = takeFromStart(rightAll, budget - takenLeft.width, rightMore);
  return {
    before: takenLeft.text,
    atCursor: cursorCell.text,
    after: takenRight.text,
    clippedLeft: takenLeft.clipped,
    clippedRight: takenRight.clipped,
  };
}

/** The last cells that fit in `room` columns, one column kept for "…" when some are left out. */
function takeFromEnd(list: Cell[], room: number, more: boolean): { text: string; width: number; clipped: boolean } {
  let width = 0;
  let from = list.length;
  const total = list.reduce((sum, cell) => sum + cell.width, 0);
  const limit = more || total > room ? room - 1 : room;
  while (from > 0 && width + (list[from - 1] as Cell).width <= limit) {
    from -= 1;
    width += (list[from] as Cell).width;
  }
  const clipped = more || from > 0;
  const text = list
    .slice(from)
    .map((c) => c.text)
    .join('');
  return clipped && limit >= 0 ? { text: MORE + text, width: width + 1, clipped } : { text, width, clipped };
}

/** The first cells that fit in `room` columns, one column kept for "…" when some are left out. */
function takeFromStart(list: Cell[], room: number, more: boolean): { text: string; width: number; clipped: boolean } {
  const total = list.reduce((sum, cell) => sum + cell.width, 0);
  const limit = more || total > room ? room - 1 : room;
  let width = 0;
  let to = 0;
  while (to < list.length && width + (list[to] as Cell).width <= limit) {
    width += (list[to] as Cell).width;
    to += 1;
  }
  const clipped = more || to < list.length;
  const text = list
    .slice(0, to)
    .map((c) => c.text)
    .join('');
  return clipped && limit >= 0 ? { text: text + MORE, width: width + 1, clipped } : { text, width, clipped };
}

export interface TextFieldViewProps {
  field: TextField;
  /** Columns for the value and the cursor. */
  width: number;
  /** Without focus no cursor is drawn. */
  focused?: boolean;
  /** Shown dimmed while the value is empty. */
  placeholder?: string;
}

/**
 * A text field on one line: the cursor as a reversed cell (visible under NO_COLOR), a selected
 * prefill reversed as a whole, and long values scrolled to keep the cursor in view.
 */
export function TextFieldView({ field, width, focused = true, placeholder }: TextFieldViewProps) {
  if (field.value === '' && placeholder !== undefined) {
    return (
      <Text>
        {focused ? <Text inverse> </Text> : null}
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  }
  const shown = fieldWindow(field, width);
  if (field.selected) {
    return <Text inverse={focused}>{shown.before + (shown.atCursor === ' ' ? '' : shown.atCursor) + shown.after}</Text>;
  }
  return (
    <Text>
      {shown.before}
      {focused ? <Text inverse>{shown.atCursor}</Text> : shown.atCursor}
      {shown.after}
    </Text>
  );
}
