import { formatCount } from '../core/listing.js';
import { displayWidth } from '../core/printable.js';

/** One piece of a list's status line; lower ranks stay longer when the line is narrow. */
export interface StatusPart {
  text: string;
  rank: number;
}

const SEPARATOR = ' · ';

/** A part of `text` (none when there is no text), ranked `rank`. */
export function part(text: string | false | undefined, rank: number): StatusPart | undefined {
  return text ? { text, rank } : undefined;
}

/**
 * The parts, in their order, joined by " · ". When they do not fit in `width` columns, the
 * highest-ranked part goes first, then the next, as the footer drops its hints; the last part
 * left is kept whole (the line cuts it).
 */
export function fitStatus(parts: ReadonlyArray<StatusPart | undefined>, width: number): string {
  const kept = parts.filter((part): part is StatusPart => part !== undefined && part.text !== '');
  const widthOf = () => kept.reduce((sum, part, i) => sum + displayWidth(part.text) + (i ? SEPARATOR.length : 0), 0);
  while (kept.length > 1 && widthOf() > width) {
    const worst = kept.reduce((found, part, i) => (part.rank >= (kept[found]?.rank ?? -1) ? i : found), 0);
    kept.splice(worst, 1);
  }
  return kept.map((part) => part.text).join(SEPARATOR);
}

/**
 * Where the cursor is, as fzf shows it: "1,204/3,000" (row/rows shown), with "+" while more
 * pages are to come. Undefined for an empty list.
 */
export function positionText(cursor: number, count: number, more: boolean): string | undefined {
  if (count === 0) return undefined;
  return `${formatCount(Math.min(cursor, count - 1) + 1)}/${formatCount(count)}${more ? '+' : ''}`;
}
