import { formatCount } from '../core/listing.js';
import { displayWidth } from '../core/display-width.js';

/** One piece of a list's status line; lower ranks stay longer when the line is narrow. */
export interface StatusPart {
  text: string;
  rank: number;
  /** A long text (an error message) that may be cut: only this many of its columns must fit. */
  cut?: number;
}

const SEPARATOR = ' · ';

/** A part of `text` (none when there is no text), ranked `rank`. */
export function part(text: string | false | undefined, rank: number, cut?: number): StatusPart | undefined {
  if (!text) return undefined;
  return cut === undefined ? { text, rank } : { text, rank, cut };
}

/**
 * The parts, in their order, joined by " · ", in at most `width` columns. When they do not fit,
 * the highest-ranked part goes first, then the next, as the footer drops its hints; what is
 * left is cut at the end ("…") when a part allowed to be cut, or the last one, is still too long.
 */
export function fitStatus(parts: ReadonlyArray<StatusPart | undefined>, width: number): string {
  const kept = parts.filter((part): part is StatusPart => part !== undefined && part.text !== '');
  const needed = (part: StatusPart) => Math.min(displayWidth(part.text), part.cut ?? Number.POSITIVE_INFINITY);
  const widthOf = () => kept.reduce((sum, part, i) => sum + needed(part) + (i ? SEPARATOR.length : 0), 0);
  while (kept.length > 1 && widthOf() > width) {
    const worst = kept.reduce((found, part, i) => (part.rank >= (kept[found]?.rank ?? -1) ? i : found), 0);
    kept.splice(worst, 1);
  }
  return cutToWidth(kept.map((part) => part.text).join(SEPARATOR), width);
}

function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let shown = '';
  let used = 0;
  for (const char of text) {
    const next = displayWidth(char);
    if (used + next > width - 1) break;
    shown += char;
    used += next;
  }
  return `${shown.trimEnd()}…`;
}

/**
 * Where the cursor is, as fzf shows it: "1,204/3,000" (row/rows shown), with "+" while more
 * pages are to come. Undefined for an empty list.
 */
export function positionText(cursor: number, count: number, more: boolean): string | undefined {
  if (count === 0) return undefined;
  return `${formatCount(Math.min(cursor, count - 1) + 1)}/${formatCount(count)}${more ? '+' : ''}`;
}
