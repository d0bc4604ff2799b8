import { filterRows, type Row } from '../core/listing.js';
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

export function visibleProfiles(state: State, filter: string): Profile[] {
  return filterRows(allProfiles(state), filter);
}

/** A bucket's region: from the list itself, else from a lookup made since. */
export function bucketRegion(screen: BucketsScreen, bucket: Bucket): string | undefined {
  return bucket.region ?? screen.regionsFound?.get(bucket.name);
}

const filteredBuckets = new WeakMap<readonly Bucket[], { filter: string; buckets: Bucket[] }>();

/** The buckets the filter lets through, computed once per (buckets, filter): see visibleRows. */
export function visibleBuckets(screen: BucketsScreen): Bucket[] {
  if (screen.load.status !== 'ready') return [];
  const all = screen.load.value;
  const cached = filteredBuckets.get(all);
  if (cached?.filter === screen.nav.filter) return cached.buckets;
  const buckets = filterRows(all, screen.nav.filter);
  filteredBuckets.set(all, { filter: screen.nav.filter, buckets });
  return buckets;
}

// The reducer and the view ask for the same filtered rows several times per key press; with
// 100,000 rows loaded, filtering (and sorting) once per (rows, filter, sort) keeps a keystroke
// under a frame.
const filteredRows = new WeakMap<readonly Row[], { filter: string; sort: SortOrder | undefined; rows: Row[] }>();

export function visibleRows(screen: ObjectsScreen): Row[] {
  const cached = filteredRows.get(screen.rows);
  if (cached?.filter === screen.nav.filter && cached.sort === screen.sort) return cached.rows;
  const filtered = filterRows(screen.rows, screen.nav.filter);
  const rows = screen.sort ? [...sortRows(filtered, screen.sort)] : filtered;
  filteredRows.set(screen.rows, { filter: screen.nav.filter, sort: screen.sort, rows });
  return rows;
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
