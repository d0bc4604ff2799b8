import { DEFAULT_EXPIRY_TEXT } from '../core/expiry.js';
import type { Action, Screen, StartOptions, State } from './app-state.js';
import { scrollFor } from './list-nav.js';
import { ABORTED, quit } from './quit.js';
import { listHeight, visibleCount } from './selectors.js';
import { replaceAt, replaceTop, topScreen } from './stack.js';
import { bucketsModule, regionFound } from './screens/buckets.js';
import { expiryModule } from './screens/expiry.js';
import type { Completion, ScreenModule, UserAction } from './screens/module.js';
import { objectsModule } from './screens/objects.js';
import { updateHelp, updateMfa } from './screens/overlays.js';
import { profilesDiscovered, profilesModule } from './screens/profiles.js';
import { linksModule } from './screens/links.js';
import { stopPendingMove } from './screens/list.js';
import { resultModule } from './screens/result.js';
import { versionsModule } from './screens/versions.js';

export { ancestorPrefixes } from './screens/profiles.js';
export { firstPageSize } from './screens/objects.js';

export function initialState(
  options: StartOptions,
  terminal = { rows: 24, columns: 80 },
  { stdoutCaptured = false } = {},
): State {
  return {
    options,
    stdoutCaptured,
    discovery: { status: 'loading', requestId: 1 },
    stack: [{ kind: 'profiles', nav: { cursor: 0, offset: 0, filter: '' } }],
    terminal,
    requests: [{ id: 1, kind: 'discover-profiles' }],
    nextRequestId: 2,
    expiryText: options.expiryText ?? DEFAULT_EXPIRY_TEXT,
    copyFormat: options.copyFormat === 'url' || options.copyFormat === undefined ? 'plain' : options.copyFormat,
  };
}

const MODULES: { [K in Screen['kind']]: ScreenModule<Extract<Screen, { kind: K }>> } = {
  profiles: profilesModule,
  buckets: bucketsModule,
  objects: objectsModule,
  expiry: expiryModule,
  result: resultModule,
  links: linksModule,
  versions: versionsModule,
};

function moduleOf<S extends Screen>(screen: S): ScreenModule<S> {
  return MODULES[screen.kind] as unknown as ScreenModule<S>;
}

/** Pure: (state, action) → state. Work to do is queued in `state.requests`. */
export function reducer(state: State, action: Action): State {
  const next = 'requestId' in action ? complete(state, action) : act(state, action);
  return loadTop(next);
}

/** The person's actions go to whatever owns the keys: the MFA prompt, then help, then the screen. */
function act(state: State, action: UserAction): State {
  if (action.type === 'interrupt') return { ...state, exit: { code: ABORTED } };
  if (action.type === 'quit') return quit(state);
  if (action.type === 'resize') return resize(state, action.rows, action.columns);
  if (action.type === 'mfa-requested') return { ...state, help: undefined, mfa: { serial: action.serial, code: '' } };
  if (action.type === 'notice') return { ...state, flash: { tone: 'warning', text: action.text } };
  const fresh: State = state.flash ? { ...state, flash: undefined } : state;
  if (fresh.mfa) return updateMfa(fresh, fresh.mfa, action);
  if (fresh.confirm) {
    if (action.type !== 'answer') return fresh;
    const answered = { ...fresh, confirm: undefined };
    return action.yes ? act(answered, fresh.confirm.yes as UserAction) : answered;
  }
  if (fresh.help) return updateHelp(fresh, fresh.help, action);
  const screen = topScreen(fresh);
  if ('nav' in screen) {
    const stopped = stopPendingMove(fresh, screen, action);
    // Esc only stops the move; any other key stops it and then does what it does.
    if (stopped) return action.type === 'back' || action.type === 'stop-move' ? stopped : act(stopped, action);
  }
  if (action.type === 'stop-move') return fresh;
  if (action.type === 'toggle-help') return { ...fresh, help: { offset: 0 } };
  return moduleOf(screen).update(fresh, screen, action);
}

function complete(state: State, action: Completion): State {
  // A report on the way (progress, one link checked) leaves the request running.
  const report = action.type === 'progress' || action.type === 'link-checked';
  const settled: State = report
    ? state
    : { ...state, requests: state.requests.filter((r) => r.id !== action.requestId) };
  const { discovery } = state;
  if (discovery.status === 'loading' && discovery.requestId === action.requestId) {
    if (action.type === 'profiles-discovered') return profilesDiscovered(settled, action.discovery);
    if (action.type === 'request-failed') return { ...settled, discovery: { status: 'failed', error: action.error } };
  }
  if (action.type === 'bucket-region-found') return regionFound(settled, action.bucket, action.region);
  const index = state.stack.findIndex((screen) => moduleOf(screen).waitsOn(screen, action.requestId));
  // The person has moved on from the screen that asked: drop the answer.
  if (index === -1) return settled;
  const screen = state.stack[index] as Screen;
  return moduleOf(screen).answer(settled, screen, action, (next) => replaceAt(settled, index, next));
}

/**
 * Starts what the screen on top needs: its bucket list, its first page, the next page when the
 * cursor nears the end of what is loaded. One rule for every way a screen comes to the top
 * (pushed, revealed by Esc, retried), so no path forgets to load.
 */
function loadTop(state: State): State {
  if (state.exit) return state;
  const screen = topScreen(state);
  return moduleOf(screen).load?.(state, screen) ?? state;
}

function resize(state: State, rows: number, columns: number): State {
  const next = { ...state, terminal: { rows, columns } };
  const screen = topScreen(next);
  if (!('nav' in screen)) return next;
  const { nav } = screen;
  const offset = scrollFor(nav.offset, nav.cursor, visibleCount(next, screen), listHeight(next));
  return replaceTop(next, { ...screen, nav: { ...nav, offset } });
}
