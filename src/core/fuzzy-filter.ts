import { Fzf } from 'fzf';
import { formatCount } from './listing.js';

/** A row the filter can search: its name, and optionally that name lower-cased once. */
export interface Matchable {
  name: string;
  match?: string;
}

export interface FilterResult<T> {
  /** Rows holding the filter as a substring first (in list order), then fuzzy matches, best first. */
  rows: T[];
  /** How many of `rows` hold the filter as a substring. */
  exactCount: number;
  /** Which characters of the row's name matched (code-point indices), for highlighting. */
  positions(row: T): ReadonlySet<number>;
}

/**
 * Fuzzy matches ranked by fzf's algorithm when there are at most this many; past it (a one- or
 * two-letter filter over a big folder) ranking every row would cost a keystroke far more than
 * 30 ms, so they are not ranked.
 */
export const FUZZY_RANKED_LIMIT = 500;

const NO_POSITIONS: ReadonlySet<number> = new Set();

/** What the last filter over a row array kept: a longer filter only searches within it. */
interface Narrowing {
  filter: string;
  /** Rows holding the filter as a substring, in list order. */
  exact: readonly Matchable[];
  /** Rows holding the filter's characters in order but not as a substring. */
  fuzzy: readonly Matchable[];
}

const lastFilter = new WeakMap<readonly Matchable[], Narrowing>();

function lowered(row: Matchable): string {
  return row.match ?? row.name.toLowerCase();
}

/** Whether `needle`'s characters appear in `haystack` in order (fzf's precondition, at memchr speed). */
function holdsInOrder(haystack: string, needle: string, from = 0, first = 0): boolean {
  for (let i = first; i < needle.length; i += 1) {
    const at = haystack.indexOf(needle[i] as string, from);
    if (at === -1) return false;
    from = at + 1;
  }
  return true;
}

function codePointIndex(text: string, unitIndex: number): number {
  let count = 0;
  for (let i = 0; i < unitIndex; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count += 1;
  }
  return count;
}

function substringPositions(name: string, lower: string, needle: string): ReadonlySet<number> | undefined {
  const at = lower.indexOf(needle);
  if (at === -1) return undefined;
  // The lower-cased name has the same length as the name for all but a few letters (İ); there
  // the highlight is best-effort.
  const start = codePointIndex(lower, at);
  const length = codePointIndex(needle, needle.length);
  const positions = new Set<number>();
  for (let i = 0; i < length && start + i < codePointIndex(name, name.length); i += 1) positions.add(start + i);
  return positions;
}

/** What the fzf finder answers for one row: the row and the positions of the matched characters. */
interface Found<T> {
  item: T;
  positions: Set<number>;
}

function fuzzyFind<T extends Matchable>(rows: readonly T[], filter: string): Found<T>[] {
  const finder: { find(query: string): Found<T>[] } = new Fzf<readonly T[]>(rows, {
    selector: (row: T) => row.name,
    casing: 'case-insensitive',
    normalize: false,
    fuzzy: 'v2',
  });
  return finder.find(filter);
}

/**
 * fzf counts positions in UTF-16 units of the name's NFC form; the highlight counts characters of
 * the name itself. A name NFC changes (decomposed accents) falls back to the first in-order match.
 */
function characterPositions(name: string, units: ReadonlySet<number>, needle: string): ReadonlySet<number> {
  if (!/[\u0080-\uffff]/.test(name)) return units;
  if (name.normalize() !== name) return greedyPositions(name, needle);
  const positions = new Set<number>();
  let unit = 0;
  let index = 0;
  for (const char of name) {
    if (units.has(unit)) positions.add(index);
    unit += char.length;
    index += 1;
  }
  return positions;
}

/**
 * Filters rows as fzf does: every row whose name holds the filter's characters in order, the
 * ones holding it as one piece first (in list order, so a sort still shows), then the fuzzy ones,
 * ranked by fzf (`cex` finds `customer-exports`). Case-insensitive. Fast over 100,000 rows: a
 * plain substring and in-order scan on the lower-cased names does most of the work, a filter
 * typed on from the last one searches only what that one kept, and fzf ranks only the few rows
 * the scan could not settle.
 */
export function fuzzyFilter<T extends Matchable>(rows: readonly T[], filter: string): FilterResult<T> {
  if (filter === '') return { rows: rows as T[], exactCount: rows.length, positions: () => NO_POSITIONS };
  const needle = filter.toLowerCase();
  const previous = lastFilter.get(rows);
  const narrowed = previous !== undefined && needle.startsWith(previous.filter);
  const exact: T[] = [];
  const fuzzy: T[] = [];
  const first = needle[0] as string;
  // Rows without a substring match of a shorter filter have none of a longer one: they can
  // only match fuzzily.
  for (const row of (narrowed ? previous.exact : rows) as readonly T[]) {
    const lower = lowered(row);
    const start = lower.indexOf(first);
    if (start === -1) continue;
    if (lower.includes(needle, start)) exact.push(row);
    else if (holdsInOrder(lower, needle, start + 1, 1)) fuzzy.push(row);
  }
  if (narrowed) {
    for (const row of previous.fuzzy as readonly T[]) if (holdsInOrder(lowered(row), needle)) fuzzy.push(row);
  }
  lastFilter.set(rows, { filter: needle, exact, fuzzy });

  const fuzzyPositions = new Map<T, ReadonlySet<number>>();
  let rankedFuzzy: T[] = fuzzy;
  // Past the limit they stay in the order found: list order, or, typing on, the rows that were
  // substring matches of the shorter filter first.
  if (fuzzy.length > 0 && fuzzy.length <= FUZZY_RANKED_LIMIT) {
    const found = fuzzyFind(fuzzy, filter);
    for (const result of found) fuzzyPositions.set(result.item, result.positions);
    // fzf may turn down a row the in-order scan let through (its scoring needs a real match):
    // keep those after the ranked ones, so the count agrees with what a person would expect.
    const ranked = found.map((result) => result.item);
    rankedFuzzy =
      ranked.length === fuzzy.length ? ranked : ranked.concat(fuzzy.filter((row) => !fuzzyPositions.has(row)));
  }

  // Worked out only for the rows drawn, and kept while the filter stays.
  const shown = new Map<T, ReadonlySet<number>>();
  const positions = (row: T): ReadonlySet<number> => {
    const known = shown.get(row);
    if (known) return known;
    let computed = substringPositions(row.name, lowered(row), needle);
    if (!computed) {
      // A fuzzy row past the ranked ones is ranked alone when it is drawn.
      const units = fuzzyPositions.get(row) ?? fuzzyFind([row], filter)[0]?.positions;
      computed = units ? characterPositions(row.name, units, needle) : greedyPositions(row.name, needle);
    }
    shown.set(row, computed);
    return computed;
  };
  return { rows: rankedFuzzy.length === 0 ? exact : exact.concat(rankedFuzzy), exactCount: exact.length, positions };
}

/** The first in-order occurrence of each character: positions where fzf has none to give. */
function greedyPositions(name: string, needle: string): ReadonlySet<number> {
  const chars = Array.from(name.toLowerCase());
  const wanted = Array.from(needle);
  const positions = new Set<number>();
  let next = 0;
  for (let i = 0; i < chars.length && next < wanted.length; i += 1) {
    if (chars[i] === wanted[next]) {
      positions.add(i);
      next += 1;
    }
  }
  return positions;
}

/** The count next to a filter: "no match", "1 match", "1,204 matches". */
export function matchCountText(count: number, locale = 'en'): string {
  if (count === 0) return 'no match';
  return `${formatCount(count, locale)} ${count === 1 ? 'match' : 'matches'}`;
}
