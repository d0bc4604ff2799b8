import type { BucketsScreen, State } from '../app-state.js';
import { moveTo } from '../list-nav.js';
import { bucketRegion, listHeight, visibleBuckets } from '../selectors.js';
import { enqueue, push, replaceTop } from '../stack.js';
import { updateList } from './list.js';
import type { ScreenModule } from './module.js';
import { objectsScreen } from './objects.js';

const byName = new Intl.Collator('en').compare;

/** The buckets of the chosen profile; where listing them is refused, a name is typed instead. */
export const bucketsModule: ScreenModule<BucketsScreen> = {
  update(state, screen, action) {
    switch (action.type) {
      case 'select': {
        const typed = screen.nav.filter.trim();
        if (screen.load.status === 'denied') return typed === '' ? state : push(state, objectsScreen(typed, ''));
        const bucket = visibleBuckets(screen)[screen.nav.cursor];
        return bucket ? push(state, objectsScreen(bucket.name, '', bucketRegion(screen, bucket))) : state;
      }
      case 'retry':
        return screen.load.status === 'failed' ? replaceTop(state, { ...screen, load: { status: 'idle' } }) : state;
      default:
        return updateList(state, screen, action) ?? state;
    }
  },

  waitsOn: (screen, requestId) => screen.load.status === 'loading' && screen.load.requestId === requestId,

  answer(state, screen, action, put) {
    if (action.type === 'request-failed') {
      const status = action.error.kind === 'denied' ? 'denied' : 'failed';
      return put({ ...screen, load: { status, error: action.error } });
    }
    if (action.type !== 'buckets-loaded') return state;
    const buckets = [...action.buckets].sort((a, b) => byName(a.name, b.name));
    // The bucket open last time with this profile is preselected.
    const profile = state.connection?.profile;
    const last = profile === undefined ? undefined : state.options.remembered?.places[profile]?.bucket;
    const index = last === undefined ? -1 : buckets.findIndex((bucket) => bucket.name === last);
    const nav = index === -1 ? screen.nav : moveTo(screen.nav, index, buckets.length, listHeight(state));
    return put({
      ...screen,
      nav,
      load: { status: 'ready', value: buckets },
      regionsAsked: new Set(),
      regionsFound: new Map(),
    });
  },

  load(state, screen) {
    if (!state.connection) return state;
    if (screen.load.status === 'idle') {
      const id = state.nextRequestId;
      return enqueue(replaceTop(state, { ...screen, load: { status: 'loading', requestId: id } }), {
        kind: 'list-buckets',
        connection: state.connection,
      });
    }
    return lookUpShownRegions(state, screen);
  },
};

/**
 * ListBuckets without regions (S3-compatible stores, older APIs): ask for the region of the
 * buckets on screen only, each once, so 100,000 buckets cost a screenful of lookups.
 */
function lookUpShownRegions(state: State, screen: BucketsScreen): State {
  const { connection } = state;
  if (!connection || screen.load.status !== 'ready') return state;
  const { offset } = screen.nav;
  const shown = visibleBuckets(screen).slice(offset, offset + listHeight(state));
  const asked = screen.regionsAsked ?? new Set<string>();
  const missing = shown.filter((bucket) => bucketRegion(screen, bucket) === undefined && !asked.has(bucket.name));
  if (missing.length === 0) return state;
  const regionsAsked = new Set([...asked, ...missing.map((b) => b.name)]);
  return missing.reduce(
    (next, bucket) => enqueue(next, { kind: 'bucket-region', connection, bucket: bucket.name }),
    replaceTop(state, { ...screen, regionsAsked }),
  );
}

/** A bucket's region arrived: every bucket list on the stack shows it (the list itself is left as it is). */
export function regionFound(state: State, bucket: string, region: string): State {
  const stack = state.stack.map((screen) => {
    if (screen.kind !== 'buckets' || screen.load.status !== 'ready') return screen;
    return { ...screen, regionsFound: new Map(screen.regionsFound).set(bucket, region) };
  });
  return { ...state, stack };
}
