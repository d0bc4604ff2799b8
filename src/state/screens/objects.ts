import { appendPage, formatCount } from '../../core/listing.js';
import { nextPage } from '../../core/paging-guard.js';
import { DEFAULT_SORT, nextSort } from '../../core/sort-rows.js';
import type { ListPage } from '../../core/ports.js';
import type { LinkKind, ObjectsScreen, State } from '../app-state.js';
import { initialNav, moveTo, resumeMove, withoutPending } from '../list-nav.js';
import { listHeight, visibleRows } from '../selectors.js';
import { enqueue, push, replaceTop } from '../stack.js';
import { expiryScreen } from './expiry.js';
import { updateList } from './list.js';
import { markCount, markShown, toggleMark } from './marks.js';
import type { ScreenModule, UserAction } from './module.js';
import { versionsScreen } from './versions.js';

export function objectsScreen(bucket: string, prefix: string, bucketRegion?: string): ObjectsScreen {
  return {
    kind: 'objects',
    bucket,
    ...(bucketRegion ? { bucketRegion } : {}),
    prefix,
    nav: initialNav(),
    rows: [],
    listing: { status: 'idle' },
    pagesLoaded: 0,
  };
}

/** `n` on a result: back to the object list the link came from; `relist` reads it again. */
export function backToObjectList(state: State, relist = false): State {
  const index = state.stack.findLastIndex((screen) => screen.kind === 'objects');
  const objects = state.stack[index];
  if (objects?.kind !== 'objects') return state;
  const stack = state.stack.slice(0, index + 1);
  if (relist) {
    const fresh = objectsScreen(objects.bucket, objects.prefix, objects.bucketRegion);
    stack[index] = objects.search === undefined ? fresh : { ...fresh, search: objects.search };
  }
  return { ...state, stack };
}

/** A folder of a bucket: its folders and objects, paged in as the cursor nears the end. */
export const objectsModule: ScreenModule<ObjectsScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'select':
        return select(state, screen);
      case 'retry':
        return screen.listing.status === 'failed'
          ? replaceTop(state, { ...screen, listing: retryListing(screen.listing.token) })
          : state;
      case 'search-server':
        return searchServer(state, screen);
      case 'cycle-sort': {
        const sort = nextSort(screen.sort ?? DEFAULT_SORT);
        const sorted = { ...screen, sort, nav: { ...screen.nav, cursor: 0, offset: 0 } };
        return replaceTop(state, sorted);
      }
      case 'toggle-mark':
        return updateList(toggleMark(state, screen), screen, { type: 'move', by: 1 }) ?? state;
      case 'mark-shown':
        return markShown(state, screen);
      case 'open-versions': {
        const row = visibleRows(screen)[screen.nav.cursor];
        return row?.kind === 'object' ? push(state, versionsScreen(screen, row.key)) : state;
      }
      case 'drop-marks': {
        const dropped = { ...state, marks: undefined };
        return action.thenBack ? (updateList(dropped, screen, { type: 'back' }) ?? dropped) : dropped;
      }
      case 'back':
      case 'erase':
        return askBeforeDroppingMarks(state, screen, action) ?? updateList(state, screen, action) ?? state;
      default:
        return updateList(state, screen, action) ?? state;
    }
  },

  waitsOn: (screen, requestId) => screen.listing.status === 'loading' && screen.listing.requestId === requestId,

  answer(state, screen, action, put) {
    if (action.type === 'request-failed') {
      if (screen.pagesLoaded === 0 && action.error.kind === 'denied') {
        return put({ ...screen, listing: { status: 'denied', error: action.error } });
      }
      const token = screen.listing.status === 'loading' ? screen.listing.token : undefined;
      const listing = { status: 'failed' as const, error: action.error, ...(token ? { token } : {}) };
      return put({ ...screen, nav: withoutPending(screen.nav), listing });
    }
    return action.type === 'page-loaded' ? put(pageLoaded(state, screen, action.page)) : state;
  },

  load(state, screen) {
    if (!state.connection || !needsPage(state, screen)) return state;
    const token = screen.listing.status === 'more' ? screen.listing.nextToken : undefined;
    const id = state.nextRequestId;
    return enqueue(
      replaceTop(state, { ...screen, listing: { status: 'loading', requestId: id, ...(token ? { token } : {}) } }),
      {
        kind: 'list-page',
        connection: state.connection,
        bucket: screen.bucket,
        prefix: screen.prefix + (screen.search ?? ''),
        token,
        ...(screen.pagesLoaded === 0 ? { maxKeys: firstPageSize(state) } : {}),
      },
    );
  },
};

function retryListing(token: string | undefined): ObjectsScreen['listing'] {
  return token === undefined ? { status: 'idle' } : { status: 'more', nextToken: token };
}

/**
 * Esc (filter empty) with marks asks before forgetting them; so does leaving the bucket. Moving
 * between its folders keeps them.
 */
function askBeforeDroppingMarks(state: State, screen: ObjectsScreen, action: UserAction): State | undefined {
  const count = markCount(state, screen.bucket);
  if (count === 0 || screen.nav.filter !== '') return undefined;
  const below = state.stack[state.stack.length - 2];
  const leavesBucket = below?.kind !== 'objects';
  if (action.type === 'erase' && !leavesBucket) return undefined;
  const marked = count === 1 ? 'marked row' : `${formatCount(count)} marked rows`;
  const question = `Forget the ${marked} and ${leavesBucket ? 'leave the bucket' : 'go back'}?`;
  return { ...state, confirm: { question, yes: { type: 'drop-marks', thenBack: true } } };
}

function select(state: State, screen: ObjectsScreen): State {
  const typed = screen.nav.filter.trim();
  if (screen.listing.status === 'denied')
    return typed === '' ? state : openExpiry(state, screen, screen.prefix + screen.nav.filter);
  const row = visibleRows(screen)[screen.nav.cursor];
  // A name that matches nothing loaded is a new key: offer an upload link for it.
  if (!row) return typed === '' ? state : openExpiry(state, screen, screen.prefix + typed, 'upload');
  if (row.kind === 'folder') return push(state, objectsScreen(screen.bucket, row.prefix, screen.bucketRegion));
  if (state.marks?.bucket === screen.bucket) {
    const target = {
      bucket: screen.bucket,
      bucketRegion: screen.bucketRegion,
      key: row.key,
      linkKind: 'download' as const,
    };
    return push(state, { ...expiryScreen(state, target), marked: state.marks.keys });
  }
  return openExpiry(state, screen, row.key);
}

function openExpiry(state: State, screen: ObjectsScreen, key: string, linkKind: LinkKind = 'download'): State {
  return push(state, expiryScreen(state, { bucket: screen.bucket, bucketRegion: screen.bucketRegion, key, linkKind }));
}

/**
 * Lists, from the server, only the keys of this folder that start with the filter text: a key
 * in a prefix of a million objects is found without paging through it.
 */
function searchServer(state: State, screen: ObjectsScreen): State {
  if (screen.nav.filter === '') return state;
  const search = (screen.search ?? '') + screen.nav.filter;
  return push(state, { ...objectsScreen(screen.bucket, screen.prefix, screen.bucketRegion), search });
}

function pageLoaded(state: State, screen: ObjectsScreen, page: ListPage): ObjectsScreen {
  const selected = visibleRows(screen)[screen.nav.cursor];
  const rows = appendPage(screen.rows, screen.prefix, page);
  const sent = screen.tokensSent ?? new Set<string>();
  const verdict = nextPage(sent, { nextToken: page.nextToken, newEntries: rows.length - screen.rows.length });
  const listing: ObjectsScreen['listing'] =
    verdict.kind === 'done'
      ? { status: 'complete' }
      : verdict.kind === 'next'
        ? { status: 'more', nextToken: verdict.token }
        : { status: 'failed', error: { kind: 'other', message: verdict.message } };
  const next: ObjectsScreen = {
    ...screen,
    rows,
    listing,
    pagesLoaded: screen.pagesLoaded + 1,
    ...(verdict.kind === 'next' ? { tokensSent: new Set([...sent, verdict.token]) } : {}),
  };
  // A folder from a later page lands among the folders above: keep the cursor on its row.
  const shown = visibleRows(next);
  // Rows keep their identity across pages, so the selected one is found by reference.
  const cursor = selected === undefined ? screen.nav.cursor : Math.max(0, shown.indexOf(selected));
  const height = listHeight(state);
  const placed = moveTo(next.nav, cursor, shown.length, height);
  return { ...next, nav: resumeMove(placed, shown.length, height, listing.status === 'more') };
}

/** Rows below the last loaded one at which the next page is fetched. */
function prefetchMargin(state: State): number {
  return listHeight(state) * 2;
}

/**
 * The first page of a folder asks for a few screens of keys, not S3's 1,000: parsing 1,000
 * entries costs more than the round trip, and the person is waiting for the first rows. Later
 * pages, asked for while the person reads, are full size.
 */
export function firstPageSize(state: State): number {
  return Math.max(MIN_FIRST_PAGE, prefetchMargin(state) + listHeight(state));
}

const MIN_FIRST_PAGE = 100;

function needsPage(state: State, screen: ObjectsScreen): boolean {
  if (screen.listing.status === 'idle') return true;
  if (screen.listing.status !== 'more') return false;
  // While filtering, only what is loaded is searched: paging on would walk a huge prefix.
  if (screen.nav.filter !== '') return false;
  return screen.nav.pending !== undefined || screen.nav.cursor >= screen.rows.length - prefetchMargin(state);
}
