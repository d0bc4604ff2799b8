import { filterRows, type Row } from '../core/listing.js';
import type { Bucket, Profile } from '../core/ports.js';
import type { BucketsScreen, ObjectsScreen, Screen, State } from './app-state.js';

/** Rows used by the header, breadcrumb, status line and footer around every list. */
export const CHROME_ROWS = 7;

export function listHeight(state: State): number {
  return Math.max(1, state.terminal.rows - CHROME_ROWS);
}

export function topScreen(state: State): Screen {
  const screen = state.stack[state.stack.length - 1];
  if (!screen) throw new Error('the screen stack is never empty');
  return screen;
}

export function allProfiles(state: State): Profile[] {
  return state.discovery.status === 'ready' ? state.discovery.value.profiles : [];
}

export function visibleProfiles(state: State, filter: string): Profile[] {
  return filterRows(allProfiles(state), filter);
}

export function visibleBuckets(screen: BucketsScreen): Bucket[] {
  return screen.load.status === 'ready' ? filterRows(screen.load.value, screen.nav.filter) : [];
}

export function visibleRows(screen: ObjectsScreen): Row[] {
  return filterRows(screen.rows, screen.nav.filter);
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
    default:
      return 0;
  }
}
