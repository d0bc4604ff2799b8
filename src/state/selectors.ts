import { fuzzyFilter, type FilterResult, type Matchable } from '../core/fuzzy-filter.js';
import type { Row } from '../core/listing.js';
import { sortRows, type SortOrder } from '../core/sort-rows.js';
import type { Bucket, Profile } from '../core/ports.js';
import type { BucketsScreen, ObjectsScreen, Screen, State } from './app-state.js';
import type { PendingMove } from './list-nav.js';
import { topScreen } from './stack.js';

/** Rows used by the header, breadcrumb, status line and footer around every list. */
export const CHROME_ROWS = 7;

export function listHeight(state: State): number {
  return Math.max(1, state.terminal.rows - CHROME_ROWS);
}

export { topScreen };

/** The smallest terminal the screens are drawn in; below it only a message shows. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

export function tooSmall(state: State): boolean {
  return state.terminal.columns < MIN_COLUMNS || state.terminal.rows < MIN_ROWS;
}

function allProfiles(state: State): Profile[] {
  return state.discovery.status === 'ready' ? state.discovery.value.profiles : [];
}

// The reducer and the view ask for the same filtered rows several times per key press: each row
// array is filtered once per filter (and, for objects, sort order).
const filtered = new WeakMap<readonly Matchable[], { filter: string; sort?: SortOrder | undefined; result: unknown }>();

function filterOnce<T extends Matchable>(rows: readonly T[], filter: string): FilterResult<T> {
  const cached = filtered.get(rows);
  if (cached?.filter === filter) return cached.result as FilterResult<T>;
  const result = fuzzyFilter(rows, filter);
  filtered.set(rows, { filter, result });
  return result;
}

/** The profiles matching the filter, substring matches first, with what to highlight. */
export function profileMatches(state: State, filter: string): FilterResult<Profile> {
  return filterOnce(allProfiles(state), filter);
}

export function visibleProfiles(state: State, filter: string): Profile[] {
  return profileMatches(state, filter).rows;
}

const NO_BUCKETS: Bucket[] = [];

export function bucketMatches(screen: BucketsScreen): FilterResult<Bucket> {
  return filterOnce(screen.load.status === 'ready' ? screen.load.value : NO_BUCKETS, screen.nav.filter);
}

/** A bucket's region: from the list itself, else from a lookup made since. */
export function bucketRegion(screen: BucketsScreen, bucket: Bucket): string | undefined {
  return bucket.region ?? screen.regionsFound?.get(bucket.name);
}

/** The buckets the filter lets through, computed once per (buckets, filter): see filterOnce. */
export function visibleBuckets(screen: BucketsScreen): Bucket[] {
  return bucketMatches(screen).rows;
}

/**
 * The objects matching the filter. The sort applies first, so the substring matches keep its
 * order; fuzzy matches follow, best first, folders first among them as everywhere in a listing.
 * Kept per (rows, filter, sort): with 100,000 rows loaded a keystroke stays under a frame.
 */
export function objectMatches(screen: ObjectsScreen): FilterResult<Row> {
  const { rows, sort, nav } = screen;
  const cached = filtered.get(rows);
  if (cached?.filter === nav.filter && cached.sort === sort) return cached.result as FilterResult<Row>;
  const result = foldersFirst(fuzzyFilter(sort ? sortRows(rows, sort) : rows, nav.filter));
  filtered.set(rows, { filter: nav.filter, sort, result });
  return result;
}

function foldersFirst(result: FilterResult<Row>): FilterResult<Row> {
  const { rows, exactCount } = result;
  const fuzzy = rows.slice(exactCount);
  const firstObject = fuzzy.findIndex((row) => row.kind === 'object');
  if (firstObject === -1 || !fuzzy.some((row, i) => i > firstObject && row.kind === 'folder')) return result;
  const reordered = rows.slice(0, exactCount).concat(
    fuzzy.filter((row) => row.kind === 'folder'),
    fuzzy.filter((row) => row.kind === 'object'),
  );
  return { ...result, rows: reordered };
}

export function visibleRows(screen: ObjectsScreen): Row[] {
  return objectMatches(screen).rows;
}

/**
 * Whether more pages of this list are still to come, so a move past its last row can wait for
 * them. Never while filtering: a filter searches only what is loaded.
 */
export function pagesToCome(screen: Screen): boolean {
  if (screen.kind !== 'objects' && screen.kind !== 'versions') return false;
  return screen.nav.filter === '' && (screen.listing.status === 'more' || screen.listing.status === 'loading');
}

/** The move waiting for pages on the screen on top, if any. */
export function pendingMove(state: State): PendingMove | undefined {
  const screen = topScreen(state);
  return 'nav' in screen ? screen.nav.pending : undefined;
}

/** The rows the list on this screen shows now, filtered (none for screens without a list). */
export function shownItems(state: State, screen: Screen): readonly unknown[] {
  switch (screen.kind) {
    case 'profiles':
      return visibleProfiles(state, screen.nav.filter);
    case 'buckets':
      return visibleBuckets(screen);
    case 'objects':
      return visibleRows(screen);
    case 'versions':
      return screen.versions;
    default:
      return [];
  }
}

/** How many rows the list on this screen shows now (0 for screens without a list). */
export function visibleCount(state: State, screen: Screen): number {
  switch (screen.kind) {
    case 'profiles':
      return visibleProfiles(state, screen.nav.filter).length;
    case 'buckets':
      return visibleBuckets(screen).length;
    case 'objects':
      return visibleRows(screen).length;
    case 'versions':
      return screen.versions.length;
    default:
      return 0;
  }
}
