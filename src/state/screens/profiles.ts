import { connectionFor } from '../../core/connection.js';
import { DELIMITER } from '../../core/listing.js';
import type { Profile, ProfileDiscovery } from '../../core/ports.js';
import type { ProfilesScreen, State } from '../app-state.js';
import { initialNav, moveTo } from '../list-nav.js';
import { listHeight, visibleProfiles } from '../selectors.js';
import { enqueue, push, replaceTop, topScreen } from '../stack.js';
import { objectsScreen } from './objects.js';
import { updateList } from './list.js';
import type { ScreenModule } from './module.js';

/** The first screen: the AWS profiles from the shared config and credentials files. */
export const profilesModule: ScreenModule<ProfilesScreen> = {
  update(state, screen, action) {
    if (action.type === 'select') {
      const profile = visibleProfiles(state, screen.nav.filter)[screen.nav.cursor];
      return profile ? openProfile(state, profile) : state;
    }
    if (action.type === 'retry') return state.discovery.status === 'failed' ? discoverAgain(state) : state;
    return updateList(state, screen, action) ?? state;
  },
  // Discovery belongs to the whole app (State.discovery): the reducer routes its answer.
  waitsOn: () => false,
  answer: (state) => state,
};

function discoverAgain(state: State): State {
  const id = state.nextRequestId;
  return enqueue({ ...state, discovery: { status: 'loading', requestId: id } }, { kind: 'discover-profiles' });
}

/** The profiles arrived: preselect the wanted one, and open it when the choice is already made. */
export function profilesDiscovered(state: State, discovery: ProfileDiscovery): State {
  const ready: State = { ...state, discovery: { status: 'ready', value: discovery } };
  const { profiles } = discovery;
  const wanted = state.options.profile ?? discovery.preferred ?? state.options.remembered?.profile;
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
  const chosen =
    state.options.profile !== undefined || profiles.length === 1 ? profiles[Math.max(0, wantedIndex)] : undefined;
  return chosen ? openProfile(placed, chosen) : placed;
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
