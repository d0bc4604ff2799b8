import { MAX_FIELD_LENGTH } from '../../core/limits.js';
import type { ListNav } from '../list-nav.js';
import { moveDown, moveTo, withFilter, withoutPending } from '../list-nav.js';
import type { BucketsScreen, ObjectsScreen, ProfilesScreen, State, VersionsScreen } from '../app-state.js';
import { listHeight, pagesToCome, shownItems, visibleCount } from '../selectors.js';
import { ABORTED } from '../quit.js';
import { pop, replaceTop } from '../stack.js';
import type { UserAction } from './module.js';

export type ListScreen = ProfilesScreen | BucketsScreen | ObjectsScreen | VersionsScreen;

/** Longer than any S3 key (1,024 bytes): a paste past it is refused rather than drawn. */
const MAX_FILTER_LENGTH = MAX_FIELD_LENGTH;

/** A Backspace this soon after emptying the filter is the same key held down: it does not go up. */
const HELD_BACKSPACE_MS = 300;

/**
 * What every list does with the person's keys: move, filter, erase, back. Returns undefined for
 * actions that are the screen's own.
 */
export function updateList(state: State, screen: ListScreen, action: UserAction): State | undefined {
  const height = listHeight(state);
  const count = visibleCount(state, screen);
  const move = (target: (nav: ListNav) => number) =>
    replaceTop(state, { ...screen, nav: moveTo(screen.nav, target(screen.nav), count, height) });
  const down = (target: number | 'end') =>
    replaceTop(state, { ...screen, nav: moveDown(screen.nav, target, count, height, pagesToCome(screen)) });
  switch (action.type) {
    case 'move':
      return action.by > 0 ? down(screen.nav.cursor + action.by) : move((nav) => nav.cursor + action.by);
    case 'move-page':
      return action.direction > 0
        ? down(screen.nav.cursor + height)
        : move((nav) => nav.cursor + action.direction * height);
    case 'move-to-start':
      return move(() => 0);
    case 'move-to-end':
      return down('end');
    case 'type-text':
      return typeFilter(state, screen, action.text);
    case 'erase':
      return eraseFilter(state, screen, action.at);
    case 'edit-field': {
      // The filter is edited at its end: Ctrl-U clears it, Ctrl-W takes its last word.
      const filter =
        action.edit === 'clear' ? '' : action.edit === 'delete-word' ? withoutLastWord(screen.nav.filter) : undefined;
      return filter === undefined ? state : replaceTop(state, { ...screen, nav: withFilter(screen.nav, filter) });
    }
    case 'back':
      if (screen.nav.filter !== '') return clearFilter(state, screen);
      // Esc on the first screen leaves the app without a link, as fzf aborts.
      return state.stack.length > 1 ? pop(state) : { ...state, exit: { code: ABORTED } };
    default:
      return undefined;
  }
}

/** Whether `action` carries on a move waiting for pages (another ↓, PgDn or End) rather than stopping it. */
function continuesMove(action: UserAction): boolean {
  return (
    (action.type === 'move' && action.by > 0) ||
    (action.type === 'move-page' && action.direction > 0) ||
    action.type === 'move-to-end'
  );
}

/**
 * A key other than a further move down stops a move waiting for pages, then does what it does;
 * Esc only stops it (it does not also go back). Undefined when no move is waiting.
 */
export function stopPendingMove(state: State, screen: ListScreen, action: UserAction): State | undefined {
  if (screen.nav.pending === undefined || continuesMove(action)) return undefined;
  return replaceTop(state, { ...screen, nav: withoutPending(screen.nav) });
}

function typeFilter(state: State, screen: ListScreen, text: string): State {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
  if (clean === '') return state;
  const filter = screen.nav.filter + clean;
  if (filter.length <= MAX_FILTER_LENGTH) return replaceTop(state, { ...screen, nav: withFilter(screen.nav, filter) });
  // A paste longer than any key: the filter keeps what fits, and says why the rest was left out.
  const flash = {
    tone: 'warning' as const,
    text: `A filter is at most ${MAX_FILTER_LENGTH} characters (no key is longer).`,
  };
  const kept = filter.slice(0, MAX_FILTER_LENGTH);
  if (kept === screen.nav.filter) return { ...state, flash };
  return { ...replaceTop(state, { ...screen, nav: withFilter(screen.nav, kept) }), flash };
}

function eraseFilter(state: State, screen: ListScreen, at: number | undefined): State {
  if (screen.nav.filter !== '') {
    const filter = [...screen.nav.filter].slice(0, -1).join('');
    const nav = { ...withFilter(screen.nav, filter), ...(filter === '' && at !== undefined ? { emptiedAt: at } : {}) };
    return replaceTop(state, { ...screen, nav });
  }
  if (at !== undefined && screen.nav.emptiedAt !== undefined && at - screen.nav.emptiedAt < HELD_BACKSPACE_MS) {
    // Still the held key that emptied the filter: keep the screen, and keep waiting for a release.
    return replaceTop(state, { ...screen, nav: { ...screen.nav, emptiedAt: at } });
  }
  return state.stack.length > 1 ? pop(state) : state;
}

function withoutLastWord(text: string): string {
  return text.replace(/[^\s/._-]*[\s/._-]*$/, '');
}

/** Esc on a filter: every row again, the cursor still on the row it was on (as fzf does). */
function clearFilter(state: State, screen: ListScreen): State {
  const selected = shownItems(state, screen)[screen.nav.cursor];
  const cleared = { ...screen, nav: withFilter(screen.nav, '') };
  const items = shownItems(state, cleared);
  const index = selected === undefined ? 0 : Math.max(0, items.indexOf(selected));
  return replaceTop(state, { ...cleared, nav: moveTo(cleared.nav, index, items.length, listHeight(state)) });
}
