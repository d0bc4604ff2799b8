import { nextPage } from '../../core/paging-guard.js';
import { DELETE_MARKER_REASON } from '../../core/versions.js';
import type { ObjectsScreen, State, VersionsScreen } from '../app-state.js';
import { initialNav, moveTo, resumeMove, withoutPending } from '../list-nav.js';
import { listHeight } from '../selectors.js';
import { enqueue, push, replaceTop } from '../stack.js';
import { expiryScreen } from './expiry.js';
import { updateList } from './list.js';
import type { ScreenModule } from './module.js';

export function versionsScreen(objects: ObjectsScreen, key: string): VersionsScreen {
  return {
    kind: 'versions',
    bucket: objects.bucket,
    ...(objects.bucketRegion ? { bucketRegion: objects.bucketRegion } : {}),
    key,
    nav: initialNav(),
    versions: [],
    listing: { status: 'idle' },
    pagesLoaded: 0,
  };
}

/** The versions of one object, newest first; Enter signs the one under the cursor. */
export const versionsModule: ScreenModule<VersionsScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'select':
        return select(state, screen);
      case 'retry':
        // The failure replaced the list: it is read again from the first page.
        return screen.listing.status === 'failed'
          ? replaceTop(state, {
              ...screen,
              nav: initialNav(),
              versions: [],
              pagesLoaded: 0,
              tokensSent: undefined,
              listing: { status: 'idle' },
            })
          : state;
      case 'type-text':
        // The list is short and its rows are dates and ids: nothing to filter.
        return state;
      default:
        return updateList(state, screen, action) ?? state;
    }
  },

  waitsOn: (screen, requestId) =>
    screen.statusRequest === requestId ||
    (screen.listing.status === 'loading' && screen.listing.requestId === requestId),

  answer(state, screen, action, put) {
    if (screen.statusRequest === action.requestId) {
      const versioning = action.type === 'versioning-found' ? action.status : undefined;
      return put({ ...screen, statusRequest: undefined, ...(versioning ? { versioning } : {}) });
    }
    if (action.type === 'request-failed') {
      return put({ ...screen, nav: withoutPending(screen.nav), listing: { status: 'failed', error: action.error } });
    }
    if (action.type !== 'versions-loaded') return state;
    const { page } = action;
    const versions = [...screen.versions, ...page.versions];
    const sent = screen.tokensSent ?? new Set<string>();
    const verdict = nextPage(sent, { nextToken: page.nextToken, newEntries: page.versions.length });
    const next: VersionsScreen = {
      ...screen,
      versions,
      pagesLoaded: screen.pagesLoaded + 1,
      listing:
        verdict.kind === 'done'
          ? { status: 'complete' }
          : verdict.kind === 'next'
            ? { status: 'more', nextToken: verdict.token }
            : { status: 'failed', error: { kind: 'other', message: verdict.message } },
      ...(verdict.kind === 'next' ? { tokensSent: new Set([...sent, verdict.token]) } : {}),
    };
    const height = listHeight(state);
    const placed = moveTo(next.nav, next.nav.cursor, versions.length, height);
    return put({ ...next, nav: resumeMove(placed, versions.length, height, next.listing.status === 'more') });
  },

  load(state, screen) {
    const { connection } = state;
    if (!connection) return state;
    let next = state;
    let top = screen;
    if (screen.versioning === undefined && screen.statusRequest === undefined) {
      top = { ...top, statusRequest: next.nextRequestId };
      next = enqueue(replaceTop(next, top), { kind: 'versioning-status', connection, bucket: screen.bucket });
    }
    const wantsPage =
      screen.listing.status === 'idle' ||
      (screen.listing.status === 'more' &&
        (screen.nav.pending !== undefined || screen.nav.cursor >= screen.versions.length - listHeight(state)));
    if (!wantsPage) return next;
    const token = screen.listing.status === 'more' ? screen.listing.nextToken : undefined;
    top = { ...top, listing: { status: 'loading', requestId: next.nextRequestId, ...(token ? { token } : {}) } };
    return enqueue(replaceTop(next, top), {
      kind: 'list-versions',
      connection,
      bucket: screen.bucket,
      key: screen.key,
      ...(token ? { token } : {}),
    });
  },
};

function select(state: State, screen: VersionsScreen): State {
  const version = screen.versions[screen.nav.cursor];
  if (!version) return state;
  if (version.deleteMarker)
    return { ...state, flash: { tone: 'warning', text: `Cannot share it: ${DELETE_MARKER_REASON}` } };
  const target = {
    bucket: screen.bucket,
    bucketRegion: screen.bucketRegion,
    key: screen.key,
    linkKind: 'download' as const,
  };
  return push(state, { ...expiryScreen(state, target), versionId: version.versionId });
}
