import { connectionFor } from '../core/connection.js';
import { baseName } from '../core/content-disposition.js';
import { DEFAULT_EXPIRY_TEXT, parseExpiry } from '../core/expiry.js';
import { appendPage, DELIMITER } from '../core/listing.js';
import type { Bucket, ListPage, Profile, ProfileDiscovery } from '../core/ports.js';
import type {
  Action,
  ExpiryScreen,
  LinkKind,
  ObjectsScreen,
  Request,
  Screen,
  StartOptions,
  State,
} from './app-state.js';
import { initialNav, moveTo, scrollFor, withFilter, type ListNav } from './list-nav.js';
import {
  listHeight,
  topScreen,
  visibleBuckets,
  visibleCount,
  visibleProfiles,
  visibleRows,
} from './selectors.js';

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export function initialState(options: StartOptions, terminal = { rows: 24, columns: 80 }): State {
  return {
    options,
    discovery: { status: 'loading', requestId: 1 },
    stack: [{ kind: 'profiles', nav: initialNav() }],
    help: false,
    terminal,
    requests: [{ id: 1, kind: 'discover-profiles' }],
    nextRequestId: 2,
    expiryText: options.expiryText ?? DEFAULT_EXPIRY_TEXT,
  };
}

/** Pure: (state, action) → state. Work to do is queued in `state.requests`. */
export function reducer(state: State, action: Action): State {
  return startNeededLoads(apply(state, action));
}

function apply(state: State, action: Action): State {
  if (action.type === 'interrupt') return { ...state, exit: { code: 130 } };
  if (action.type === 'resize') return resize(state, action.rows, action.columns);
  if (action.type === 'mfa-requested') return { ...state, help: false, mfa: { serial: action.serial, code: '' } };
  if ('requestId' in action) return complete(state, action);
  if (state.mfa) return mfaPrompt(state, state.mfa, action);
  if (state.help && action.type !== 'toggle-help') return state;

  const screen = topScreen(state);
  switch (action.type) {
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'move':
      return updateNav(state, (nav, count) => moveTo(nav, nav.cursor + action.by, count, listHeight(state)));
    case 'move-page':
      return updateNav(state, (nav, count) =>
        moveTo(nav, nav.cursor + action.direction * listHeight(state), count, listHeight(state)),
      );
    case 'move-to-start':
      return updateNav(state, (nav, count) => moveTo(nav, 0, count, listHeight(state)));
    case 'move-to-end':
      return updateNav(state, (nav, count) => moveTo(nav, count - 1, count, listHeight(state)));
    case 'type-text':
      return typeText(state, screen, action.text);
    case 'erase':
      return erase(state, screen);
    case 'back':
      return back(state, screen);
    case 'select':
      return select(state, screen);
    case 'retry':
      return retry(state, screen);
    case 'copy-url':
      if (screen.kind !== 'result') return state;
      return enqueue(replaceTop(state, { ...screen, notice: 'Copying…', copyRequest: state.nextRequestId }), {
        kind: 'copy',
        text: screen.presigned.url,
      });
    case 'another-object': {
      const index = findLastIndex(state.stack, (s) => s.kind === 'objects');
      return index === -1 ? state : { ...state, stack: state.stack.slice(0, index + 1) };
    }
    case 'change-expiry':
      return screen.kind === 'result' ? pop(state) : state;
    case 'quit':
      return { ...state, exit: { code: 0 } };
    case 'cycle-link-kind':
      if (screen.kind !== 'expiry') return state;
      return replaceTop(state, { ...screen, linkKind: nextLinkKind(screen.linkKind), error: undefined });
    case 'search-server':
      return screen.kind === 'objects' ? searchServer(state, screen) : state;
    case 'toggle-qr':
      return screen.kind === 'result' ? replaceTop(state, { ...screen, showQr: !screen.showQr }) : state;
    default:
      return state;
  }
}

/** While a role waits for an MFA code, keys go to the prompt. */
function mfaPrompt(state: State, mfa: NonNullable<State['mfa']>, action: Action): State {
  switch (action.type) {
    case 'type-text':
      return { ...state, mfa: { ...mfa, code: (mfa.code + action.text.replace(/\D/g, '')).slice(0, 6) } };
    case 'erase':
      return { ...state, mfa: { ...mfa, code: mfa.code.slice(0, -1) } };
    case 'select':
      return mfa.code.length === 6 ? enqueue({ ...state, mfa: undefined }, { kind: 'mfa-answer', code: mfa.code }) : state;
    case 'back':
      return enqueue({ ...state, mfa: undefined }, { kind: 'mfa-answer', code: null });
    default:
      return state;
  }
}

// ── completions ──────────────────────────────────────────────────────────────

type Completion = Extract<Action, { requestId: number }>;

function complete(state: State, action: Completion): State {
  const settled: State = { ...state, requests: state.requests.filter((r) => r.id !== action.requestId) };
  if (state.discovery.status === 'loading' && state.discovery.requestId === action.requestId) {
    if (action.type === 'profiles-discovered') return profilesDiscovered(settled, action.discovery);
    if (action.type === 'request-failed') {
      return { ...settled, discovery: { status: 'failed', message: action.message } };
    }
  }
  if (action.type === 'bucket-region-found') return regionFound(settled, action.bucket, action.region);
  const index = state.stack.findIndex((screen) => isWaitingOn(screen, action.requestId));
  // The user has moved on from the screen that asked: drop the answer.
  if (index === -1) return settled;
  const screen = state.stack[index] as Screen;
  const update = (next: Screen): State => ({
    ...settled,
    stack: settled.stack.map((s, i) => (i === index ? next : s)),
  });

  if (action.type === 'request-failed') {
    switch (screen.kind) {
      case 'buckets':
        return update({ ...screen, load: { status: 'failed', message: action.message, denied: action.denied } });
      case 'objects':
        return update({
          ...screen,
          pendingRequest: undefined,
          error: action.message,
          denied: screen.pagesLoaded === 0 && action.denied === true,
        });
      case 'expiry':
        // Unknown then; signing reports the credential problem itself.
        if (screen.credentialsRequest === action.requestId) {
          return update({ ...screen, credentialsRequest: undefined, credentialsExpireAt: null });
        }
        return update({ ...screen, pendingRequest: undefined, error: action.message });
      case 'result':
        return update({ ...screen, notice: action.message });
      default:
        return settled;
    }
  }
  if (action.type === 'buckets-loaded' && screen.kind === 'buckets') {
    const buckets = [...action.buckets].sort((a, b) => a.name.localeCompare(b.name));
    return lookUpMissingRegions(update({ ...screen, load: { status: 'ready', value: buckets } }), buckets);
  }
  if (action.type === 'credentials-checked' && screen.kind === 'expiry') {
    return update({ ...screen, credentialsRequest: undefined, credentialsExpireAt: action.expiresAt });
  }
  if (action.type === 'page-loaded' && screen.kind === 'objects') {
    return update(pageLoaded(settled, screen, action.page));
  }
  if (action.type === 'presigned' && screen.kind === 'expiry') {
    const withResult = update({ ...screen, pendingRequest: undefined, error: undefined });
    return push(
      { ...withResult, lastUrl: action.presigned.url, expiryText: screen.text },
      { kind: 'result', presigned: action.presigned },
    );
  }
  if (action.type === 'copied' && screen.kind === 'result') {
    const notice = action.outcome.ok
      ? `Copied (${action.outcome.via}).`
      : `Not copied: ${action.outcome.reason}`;
    return update({ ...screen, notice });
  }
  return settled;
}

/** ListBuckets without regions (S3-compatible stores, older APIs): ask for each bucket's. */
function lookUpMissingRegions(state: State, buckets: readonly Bucket[]): State {
  const { connection } = state;
  if (!connection) return state;
  return buckets
    .filter((bucket) => bucket.region === undefined)
    .reduce((next, bucket) => enqueue(next, { kind: 'bucket-region', connection, bucket: bucket.name }), state);
}

function regionFound(state: State, bucket: string, region: string): State {
  const stack = state.stack.map((screen): Screen => {
    if (screen.kind !== 'buckets' || screen.load.status !== 'ready') return screen;
    const value = screen.load.value.map((b) => (b.name === bucket ? { ...b, region } : b));
    return { ...screen, load: { status: 'ready', value } };
  });
  return { ...state, stack };
}

function isWaitingOn(screen: Screen, requestId: number): boolean {
  switch (screen.kind) {
    case 'buckets':
      return screen.load.status === 'loading' && screen.load.requestId === requestId;
    case 'objects':
      return screen.pendingRequest === requestId;
    case 'expiry':
      return screen.pendingRequest === requestId || screen.credentialsRequest === requestId;
    case 'result':
      return screen.copyRequest === requestId;
    default:
      return false;
  }
}

function pageLoaded(state: State, screen: ObjectsScreen, page: ListPage): ObjectsScreen {
  const selected = visibleRows(screen)[screen.nav.cursor];
  const next: ObjectsScreen = {
    ...screen,
    rows: appendPage(screen.rows, screen.prefix, page),
    nextToken: page.nextToken,
    complete: page.nextToken === undefined,
    pagesLoaded: screen.pagesLoaded + 1,
    pendingRequest: undefined,
    error: undefined,
  };
  // A folder from a later page lands among the folders above: keep the cursor on its row.
  const rows = visibleRows(next);
  // Rows keep their identity across pages, so the selected one is found by reference.
  const cursor = selected === undefined ? screen.nav.cursor : Math.max(0, rows.indexOf(selected));
  return { ...next, nav: moveTo(next.nav, cursor, rows.length, listHeight(state)) };
}

function profilesDiscovered(state: State, discovery: ProfileDiscovery): State {
  const ready: State = { ...state, discovery: { status: 'ready', value: discovery } };
  const { profiles } = discovery;
  const wanted = state.options.profile ?? discovery.preferred;
  const wantedIndex = profiles.findIndex((p) => p.name === wanted);
  const screen = topScreen(ready);
  if (screen.kind !== 'profiles') return ready;
  const placed = replaceTop(ready, {
    ...screen,
    nav: moveTo(screen.nav, Math.max(0, wantedIndex), profiles.length, listHeight(ready)),
  });

  if (state.options.profile !== undefined && wantedIndex === -1) {
    const files = discovery.files.map((f) => f.path).join(', ');
    return replaceTop(placed, {
      ...screen,
      nav: initialNav(),
      error: `No profile named “${state.options.profile}” in ${files}.`,
    });
  }
  const chosen = state.options.profile !== undefined || profiles.length === 1 ? profiles[Math.max(0, wantedIndex)] : undefined;
  return chosen ? openProfile(placed, chosen) : placed;
}

// ── navigation ───────────────────────────────────────────────────────────────

function select(state: State, screen: Screen): State {
  switch (screen.kind) {
    case 'profiles': {
      const profile = visibleProfiles(state, screen.nav.filter)[screen.nav.cursor];
      return profile ? openProfile(state, profile) : state;
    }
    case 'buckets': {
      // Listing refused: the name typed is the bucket to open.
      const typed = screen.nav.filter.trim();
      if (screen.load.status === 'failed' && screen.load.denied && typed !== '') {
        return push(state, objectsScreen(typed, ''));
      }
      const bucket = visibleBuckets(screen)[screen.nav.cursor];
      return bucket ? push(state, objectsScreen(bucket.name, '', bucket.region)) : state;
    }
    case 'objects': {
      if (screen.denied && screen.nav.filter !== '') return openExpiry(state, screen, screen.prefix + screen.nav.filter);
      const row = visibleRows(screen)[screen.nav.cursor];
      // A name that matches nothing loaded is a new key: offer an upload link for it.
      if (!row && screen.nav.filter.trim() !== '' && !screen.denied) {
        return openExpiry(state, screen, screen.prefix + screen.nav.filter.trim(), 'upload');
      }
      if (!row) return state;
      if (row.kind === 'folder') return push(state, objectsScreen(screen.bucket, row.prefix, screen.bucketRegion));
      return openExpiry(state, screen, row.key);
    }
    case 'expiry':
      return submitExpiry(state, screen);
    default:
      return state;
  }
}

/**
 * Chooses a profile. The first time, the command line's `--bucket` and `--prefix` then open
 * their screens at once; the screens they skip stay below on the stack (loaded when revealed), so Esc
 * still walks back through them.
 */
function openProfile(state: State, profile: Profile): State {
  const { options } = state;
  const connection = connectionFor(profile, options);
  let next = push({ ...state, connection }, { kind: 'buckets', nav: initialNav(), load: { status: 'idle' } });
  // --bucket/--prefix apply to the first profile opened, picked on screen or not.
  if (state.startFlagsUsed || options.bucket === undefined) return next;
  next = { ...next, startFlagsUsed: true };
  for (const prefix of ancestorPrefixes(options.prefix ?? '')) {
    next = push(next, objectsScreen(options.bucket, prefix));
  }
  return next;
}

/** "a/b" → ["", "a/", "a/b/"]: a prefix given without its trailing slash names a folder. */
export function ancestorPrefixes(prefix: string): string[] {
  const parts = prefix.split(DELIMITER).filter((part) => part !== '');
  return ['', ...parts.map((_, i) => `${parts.slice(0, i + 1).join(DELIMITER)}${DELIMITER}`)];
}

function objectsScreen(bucket: string, prefix: string, bucketRegion?: string): ObjectsScreen {
  return {
    kind: 'objects',
    bucket,
    ...(bucketRegion ? { bucketRegion } : {}),
    prefix,
    nav: initialNav(),
    rows: [],
    complete: false,
    pagesLoaded: 0,
  };
}

/**
 * Lists, from the server, only the keys of this folder that start with the filter text: a key
 * in a prefix of a million objects is found without paging through it.
 */
function searchServer(state: State, screen: ObjectsScreen): State {
  const search = (screen.search ?? '') + screen.nav.filter;
  if (screen.nav.filter === '') return state;
  return push(state, { ...objectsScreen(screen.bucket, screen.prefix, screen.bucketRegion), search });
}

function openExpiry(state: State, screen: ObjectsScreen, key: string, linkKind: LinkKind = 'download'): State {
  return push(state, {
    kind: 'expiry',
    linkKind,
    bucket: screen.bucket,
    ...(screen.bucketRegion ? { bucketRegion: screen.bucketRegion } : {}),
    key,
    text: state.expiryText,
  });
}

function submitExpiry(state: State, screen: ExpiryScreen): State {
  if (screen.pendingRequest !== undefined) return state;
  const parsed = parseExpiry(screen.text);
  if (!parsed.ok) return replaceTop(state, { ...screen, error: parsed.message });
  if (!state.connection) return state;
  const id = state.nextRequestId;
  return enqueue(replaceTop(state, { ...screen, error: undefined, pendingRequest: id }), {
    kind: 'presign',
    connection: state.connection,
    bucket: screen.bucket,
    ...(screen.bucketRegion ? { bucketRegion: screen.bucketRegion } : {}),
    key: screen.key,
    seconds: parsed.seconds,
    method: screen.linkKind === 'upload' ? 'PUT' : 'GET',
    ...(screen.linkKind === 'attachment' ? { downloadName: baseName(screen.key) } : {}),
  });
}

const LINK_KINDS: readonly LinkKind[] = ['download', 'attachment', 'upload'];

function nextLinkKind(kind: LinkKind): LinkKind {
  return LINK_KINDS[(LINK_KINDS.indexOf(kind) + 1) % LINK_KINDS.length] as LinkKind;
}

function typeText(state: State, screen: Screen, text: string): State {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '');
  if (clean === '') return state;
  if (screen.kind === 'expiry') return replaceTop(state, { ...screen, text: screen.text + clean, error: undefined });
  if (!hasList(screen)) return state;
  return replaceTop(state, { ...screen, nav: withFilter(screen.nav, screen.nav.filter + clean) } as Screen);
}

function erase(state: State, screen: Screen): State {
  if (screen.kind === 'expiry') {
    return replaceTop(state, { ...screen, text: [...screen.text].slice(0, -1).join(''), error: undefined });
  }
  if (!hasList(screen)) return state;
  if (screen.nav.filter !== '') {
    const filter = [...screen.nav.filter].slice(0, -1).join('');
    return replaceTop(state, { ...screen, nav: withFilter(screen.nav, filter) } as Screen);
  }
  return state.stack.length > 1 ? pop(state) : state;
}

function back(state: State, screen: Screen): State {
  if (hasList(screen) && screen.nav.filter !== '') {
    return replaceTop(state, { ...screen, nav: withFilter(screen.nav, '') } as Screen);
  }
  // Esc on the first screen leaves the app, as in fzf.
  return state.stack.length > 1 ? pop(state) : { ...state, exit: { code: 0 } };
}

function retry(state: State, screen: Screen): State {
  if (state.discovery.status === 'failed') {
    return enqueueDiscovery(state);
  }
  if (screen.kind === 'buckets' && screen.load.status === 'failed') {
    return replaceTop(state, { ...screen, load: { status: 'idle' } });
  }
  if (screen.kind === 'objects' && screen.error !== undefined) {
    return replaceTop(state, { ...screen, error: undefined });
  }
  return state;
}

function enqueueDiscovery(state: State): State {
  const id = state.nextRequestId;
  return enqueue({ ...state, discovery: { status: 'loading', requestId: id } }, { kind: 'discover-profiles' });
}

function hasList(screen: Screen): screen is Extract<Screen, { nav: ListNav }> {
  return screen.kind === 'profiles' || screen.kind === 'buckets' || screen.kind === 'objects';
}

function updateNav(state: State, change: (nav: ListNav, count: number) => ListNav): State {
  const screen = topScreen(state);
  if (!hasList(screen)) return state;
  return replaceTop(state, { ...screen, nav: change(screen.nav, visibleCount(state, screen)) } as Screen);
}

function resize(state: State, rows: number, columns: number): State {
  const next = { ...state, terminal: { rows, columns } };
  return updateNav(next, (nav, count) => ({ ...nav, offset: scrollFor(nav.offset, nav.cursor, count, listHeight(next)) }));
}

// ── loading on reveal ────────────────────────────────────────────────────────

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

/**
 * Starts what the screen on top needs: its bucket list, its first page, or the next page when the
 * cursor nears the end of what is loaded. One rule for every way a screen comes to the top
 * (pushed, revealed by Esc, retried), so no path forgets to load.
 */
function startNeededLoads(state: State): State {
  if (state.exit || !state.connection) return state;
  const screen = topScreen(state);
  if (screen.kind === 'buckets' && screen.load.status === 'idle') {
    const id = state.nextRequestId;
    return enqueue(replaceTop(state, { ...screen, load: { status: 'loading', requestId: id } }), {
      kind: 'list-buckets',
      connection: state.connection,
    });
  }
  if (screen.kind === 'expiry' && screen.credentialsExpireAt === undefined && screen.credentialsRequest === undefined) {
    const id = state.nextRequestId;
    return enqueue(replaceTop(state, { ...screen, credentialsRequest: id }), {
      kind: 'credentials-expiry',
      connection: state.connection,
    });
  }
  if (screen.kind === 'objects' && needsPage(state, screen)) {
    const id = state.nextRequestId;
    return enqueue(replaceTop(state, { ...screen, pendingRequest: id }), {
      kind: 'list-page',
      connection: state.connection,
      bucket: screen.bucket,
      prefix: screen.prefix + (screen.search ?? ''),
      token: screen.nextToken,
      ...(screen.pagesLoaded === 0 ? { maxKeys: firstPageSize(state) } : {}),
    });
  }
  return state;
}

function needsPage(state: State, screen: ObjectsScreen): boolean {
  if (screen.complete || screen.pendingRequest !== undefined || screen.error !== undefined) return false;
  if (screen.pagesLoaded === 0) return true;
  // While filtering, only what is loaded is searched: paging on would walk a huge prefix.
  if (screen.nav.filter !== '') return false;
  return screen.nav.cursor >= screen.rows.length - prefetchMargin(state);
}

// ── stack and queue helpers ──────────────────────────────────────────────────

function enqueue(state: State, body: RequestBody): State {
  const request = { ...body, id: state.nextRequestId } as Request;
  return { ...state, requests: [...state.requests, request], nextRequestId: state.nextRequestId + 1 };
}

function push(state: State, screen: Screen): State {
  return { ...state, stack: [...state.stack, screen] };
}

function pop(state: State): State {
  return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
}

function replaceTop(state: State, screen: Screen): State {
  return { ...state, stack: [...state.stack.slice(0, -1), screen] };
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i] as T)) return i;
  return -1;
}
