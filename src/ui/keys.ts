import type { Action, FieldEdit, ScreenKind, State } from '../state/app-state.js';
import { quitPrints } from '../state/quit.js';
import { listHeight, pendingMove, tooSmall, topScreen, visibleRows } from '../state/selectors.js';
import { LINKS_CHROME_ROWS, linkRowHeight } from './screens/links.js';

/** The parts of a key press the app reads (a subset of Ink's `Key`). */
export interface KeyPress {
  upArrow: boolean;
  downArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  backspace: boolean;
  delete: boolean;
  tab: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  /** Alt (or Esc pressed just before): no binding takes it. */
  meta?: boolean;
}

/** Who takes the keys now: an overlay above the screens, in a fixed priority, or the screen on top. */
export type KeyOwner = ScreenKind | 'mfa' | 'confirm' | 'help' | 'too-small';

/** Stands in a binding's `keys` for printable text typed (or pasted) on its owner. */
export const TEXT = 'text';

interface Press {
  /** The key's name: 'up', 'enter', 'esc', 'ctrl+c', 'c', … (see `keyName`). */
  name: string;
  /** What was typed, for text. */
  input: string;
  /** When it was pressed (ms). */
  at: number;
}

export interface Binding {
  /** Key names (`keyName`) that trigger it, or TEXT. */
  keys: readonly string[];
  /** How the keys are written in the footer and the help. */
  label: string;
  /** What they do, in a word or three. */
  does: string;
  owners: readonly KeyOwner[];
  /**
   * Place in the footer: lower numbers stay when the terminal is narrow. Without it the binding
   * is listed only by `?` help.
   */
  footer?: number;
  /** Whether the key does something now; a disabled binding is neither shown nor run. */
  enabled?(state: State): boolean;
  action(state: State, press: Press): Action;
}

const LISTS: readonly KeyOwner[] = ['profiles', 'buckets', 'objects'];
const SCREENS: readonly KeyOwner[] = [...LISTS, 'expiry', 'result', 'links', 'versions'];
const RESULTS: readonly KeyOwner[] = ['result', 'links'];
/** Lists read in pages, where a move past the rows loaded waits for the next ones. */
const PAGED: readonly KeyOwner[] = ['objects', 'versions'];

/** Every key binding of the app. The footer and the help are generated from this list. */
export const BINDINGS: readonly Binding[] = [
  {
    keys: ['up', 'down', 'ctrl+p', 'ctrl+n'],
    label: '↑↓',
    does: 'move',
    owners: [...LISTS, 'versions'],
    footer: 2,
    enabled: hasRows,
    action: (_state, { name }) => ({ type: 'move', by: name === 'up' || name === 'ctrl+p' ? -1 : 1 }),
  },
  {
    keys: ['pageup', 'pagedown'],
    label: 'PgUp/PgDn',
    does: 'page',
    owners: [...LISTS, 'versions'],
    enabled: hasRows,
    action: (_state, { name }) => ({ type: 'move-page', direction: name === 'pageup' ? -1 : 1 }),
  },
  {
    keys: ['home', 'end'],
    label: 'Home/End',
    does: 'first / last',
    owners: [...LISTS, 'versions'],
    enabled: hasRows,
    action: (_state, { name }) => ({ type: name === 'home' ? 'move-to-start' : 'move-to-end' }),
  },
  {
    keys: ['enter'],
    label: '⏎',
    does: 'open',
    owners: LISTS,
    footer: 1,
    enabled: canOpen,
    action: () => ({ type: 'select' }),
  },
  {
    keys: ['enter'],
    label: '⏎',
    does: 'sign the link',
    owners: ['expiry'],
    footer: 1,
    action: () => ({ type: 'select' }),
  },
  {
    keys: [' '],
    label: 'space',
    does: 'mark',
    owners: ['objects'],
    footer: 6,
    enabled: (state) => hasRows(state) && rowUnderCursor(state) !== undefined,
    action: () => ({ type: 'toggle-mark' }),
  },
  {
    keys: ['*'],
    label: '*',
    does: 'mark all shown',
    owners: ['objects'],
    enabled: (state) => hasRows(state) && rowUnderCursor(state) !== undefined,
    action: () => ({ type: 'mark-shown' }),
  },
  {
    keys: ['s'],
    label: 's',
    does: 'sort: name, date, size',
    owners: ['objects'],
    // Once a filter is typed, s is a letter of it.
    enabled: (state) => hasRows(state) && filterOf(state) === '',
    action: () => ({ type: 'cycle-sort' }),
  },
  {
    keys: ['v'],
    label: 'v',
    does: 'versions',
    owners: ['objects'],
    footer: 8,
    // Once a filter is typed, v is a letter of it.
    enabled: (state) => filterOf(state) === '' && rowUnderCursor(state)?.kind === 'object',
    action: () => ({ type: 'open-versions' }),
  },
  {
    keys: ['enter'],
    label: '⏎',
    does: 'sign this version',
    owners: ['versions'],
    footer: 1,
    enabled: (state) => versionUnderCursor(state) !== undefined,
    action: () => ({ type: 'select' }),
  },
  {
    keys: ['up', 'down', 'pageup', 'pagedown'],
    label: '↑↓ PgUp/PgDn',
    does: 'scroll',
    owners: ['links'],
    footer: 5,
    enabled: linksScroll,
    action: (_state, { name }) => ({ type: 'scroll', by: HELP_SCROLL[name] ?? 0 }),
  },
  {
    keys: ['f'],
    label: 'f',
    does: 'copy format',
    owners: ['links'],
    footer: 2,
    action: () => ({ type: 'cycle-copy-format' }),
  },
  {
    keys: ['r'],
    label: 'r',
    does: 'retry',
    owners: [...LISTS, 'versions'],
    footer: 1,
    enabled: hasError,
    action: () => ({ type: 'retry' }),
  },
  {
    keys: ['backspace'],
    label: '⌫',
    does: 'erase / up',
    owners: LISTS,
    footer: 5,
    // Going up works under a spinner too (a burst of Backspaces walks up several folders).
    enabled: (state) => (listShown(state) && filterOf(state) !== '') || state.stack.length > 1,
    action: (_state, { at }) => ({ type: 'erase', at }),
  },
  {
    keys: ['backspace'],
    label: '⌫',
    does: 'erase',
    owners: ['expiry'],
    footer: 5,
    action: (_s, { at }) => ({ type: 'erase', at }),
  },
  {
    keys: ['tab'],
    label: 'tab',
    does: 'search server',
    owners: ['objects'],
    footer: 4,
    enabled: (state) => listShown(state) && filterOf(state) !== '',
    action: () => ({ type: 'search-server' }),
  },
  {
    keys: ['tab'],
    label: 'tab',
    does: 'link kind',
    owners: ['expiry'],
    footer: 4,
    // Marked objects and versions get download links only.
    enabled: (state) => {
      const screen = topScreen(state);
      return screen.kind === 'expiry' && !screen.marked && !screen.versionId;
    },
    action: () => ({ type: 'cycle-link-kind' }),
  },
  { keys: [TEXT], label: 'type', does: 'filter', owners: LISTS, footer: 3, enabled: listShown, action: typed },
  {
    keys: ['left', 'right', 'home', 'end', 'delete', 'ctrl+a', 'ctrl+e', 'ctrl+b', 'ctrl+f', 'ctrl+d'],
    label: '←→ Home End Del',
    does: 'move and delete in the field',
    owners: ['expiry'],
    action: (_state, { name }) => ({ type: 'edit-field', edit: FIELD_KEYS[name] ?? 'end' }),
  },
  {
    keys: ['ctrl+u'],
    label: 'ctrl-u',
    does: 'clear the field',
    owners: ['expiry', 'mfa', ...LISTS],
    enabled: (state) => fieldText(state) !== '',
    action: () => ({ type: 'edit-field', edit: 'clear' }),
  },
  {
    keys: ['ctrl+w'],
    label: 'ctrl-w',
    does: 'delete a word',
    owners: ['expiry', 'mfa', ...LISTS],
    enabled: (state) => fieldText(state) !== '',
    action: () => ({ type: 'edit-field', edit: 'delete-word' }),
  },
  { keys: [TEXT], label: 'type', does: 'hours', owners: ['expiry'], footer: 3, action: typed },
  { keys: ['c'], label: 'c', does: 'copy', owners: RESULTS, footer: 1, action: () => ({ type: 'copy-url' }) },
  { keys: ['y'], label: 'y', does: 'copy the s3:// URI', owners: ['result'], action: () => ({ type: 'copy-uri' }) },
  {
    keys: ['o'],
    label: 'o',
    does: 'open in the browser',
    owners: ['result'],
    footer: 6,
    action: () => ({ type: 'open-url' }),
  },
  { keys: ['r'], label: 'r', does: 'QR code', owners: ['result'], footer: 5, action: () => ({ type: 'toggle-qr' }) },
  {
    keys: ['n'],
    label: 'n',
    does: 'another object',
    owners: RESULTS,
    footer: 3,
    enabled: (state) => state.stack.some((screen) => screen.kind === 'objects'),
    action: () => ({ type: 'another-object' }),
  },
  {
    keys: ['e'],
    label: 'e',
    does: 'change expiry',
    owners: RESULTS,
    footer: 4,
    action: () => ({ type: 'change-expiry' }),
  },
  // What q does depends on where stdout goes (`url=$(s3share-tui)`): the footer says which.
  {
    keys: ['q'],
    label: 'q',
    does: 'quit',
    owners: RESULTS,
    footer: 2,
    enabled: (state) => quitPrints(state) === undefined,
    action: () => ({ type: 'quit' }),
  },
  {
    keys: ['q'],
    label: 'q',
    does: 'print URL & quit',
    owners: ['result'],
    footer: 2,
    enabled: (state) => quitPrints(state) === 'link',
    action: () => ({ type: 'quit' }),
  },
  {
    keys: ['q'],
    label: 'q',
    does: 'print URLs & quit',
    owners: ['links'],
    footer: 2,
    enabled: (state) => quitPrints(state) === 'links',
    action: () => ({ type: 'quit' }),
  },
  {
    keys: ['esc'],
    label: 'esc',
    does: 'stop',
    owners: PAGED,
    footer: 6,
    // A move waiting for pages (End going to the end): Esc stops it and stays on the screen.
    enabled: (state) => pendingMove(state) !== undefined,
    action: () => ({ type: 'stop-move' }),
  },
  {
    keys: ['esc'],
    label: 'esc',
    does: 'back',
    owners: SCREENS,
    footer: 6,
    enabled: (state) => pendingMove(state) === undefined && !escLeaves(state),
    action: () => ({ type: 'back' }),
  },
  // On the first screen, with nothing to clear, Esc leaves without a link (as fzf aborts).
  {
    keys: ['esc'],
    label: 'esc',
    does: 'quit',
    owners: SCREENS,
    footer: 6,
    enabled: (state) => pendingMove(state) === undefined && escLeaves(state),
    action: () => ({ type: 'back' }),
  },
  { keys: ['?'], label: '?', does: 'help', owners: SCREENS, footer: 0, action: () => ({ type: 'toggle-help' }) },
  // The MFA prompt.
  {
    keys: [TEXT],
    label: '0-9',
    does: 'code',
    owners: ['mfa'],
    footer: 1,
    enabled: (s) => mfaCode(s).length < 6,
    action: typed,
  },
  {
    keys: ['backspace'],
    label: '⌫',
    does: 'erase',
    owners: ['mfa'],
    footer: 3,
    enabled: (state) => mfaCode(state) !== '',
    action: (_state, { at }) => ({ type: 'erase', at }),
  },
  {
    keys: ['enter'],
    label: '⏎',
    does: 'send',
    owners: ['mfa'],
    footer: 0,
    enabled: (state) => mfaCode(state).length === 6,
    action: () => ({ type: 'select' }),
  },
  { keys: ['esc'], label: 'esc', does: 'cancel', owners: ['mfa'], footer: 2, action: () => ({ type: 'back' }) },
  // A question (forget the marks? sign 3,000 links?).
  {
    keys: ['y', 'enter'],
    label: 'y',
    does: 'yes',
    owners: ['confirm'],
    footer: 0,
    action: () => ({ type: 'answer', yes: true }),
  },
  {
    keys: ['n', 'esc'],
    label: 'n',
    does: 'no',
    owners: ['confirm'],
    footer: 1,
    action: () => ({ type: 'answer', yes: false }),
  },
  // The help.
  {
    keys: ['up', 'down', 'pageup', 'pagedown'],
    label: '↑↓',
    does: 'scroll',
    owners: ['help'],
    footer: 1,
    enabled: (state) => helpLength(state) > helpRows(state),
    action: (state, { name }) => ({
      type: 'scroll-help',
      by: HELP_SCROLL[name] ?? 0,
      max: helpLength(state) - helpRows(state),
    }),
  },
  {
    keys: ['esc', '?', 'q'],
    label: 'esc',
    does: 'close',
    owners: ['help'],
    footer: 0,
    action: () => ({ type: 'toggle-help' }),
  },
  // A terminal too small to draw in: nothing may act unseen.
  { keys: ['q', 'esc'], label: 'q', does: 'quit', owners: ['too-small'], footer: 0, action: () => ({ type: 'quit' }) },
  {
    keys: ['ctrl+c'],
    label: 'ctrl-c',
    does: 'quit',
    owners: [...SCREENS, 'mfa', 'confirm', 'help', 'too-small'],
    footer: 7,
    action: () => ({ type: 'interrupt' }),
  },
];

const FIELD_KEYS: Record<string, FieldEdit> = {
  left: 'left',
  'ctrl+b': 'left',
  right: 'right',
  'ctrl+f': 'right',
  home: 'home',
  'ctrl+a': 'home',
  end: 'end',
  'ctrl+e': 'end',
  delete: 'delete',
  'ctrl+d': 'delete',
};

/** What the text field that has the keys holds: the expiry, the MFA code, or a list's filter. */
function fieldText(state: State): string {
  if (state.mfa) return state.mfa.code;
  const screen = topScreen(state);
  if (screen.kind === 'expiry') return screen.text;
  return 'nav' in screen ? screen.nav.filter : '';
}

const HELP_SCROLL: Record<string, number> = { up: -1, down: 1, pageup: -10, pagedown: 10 };

/** How many entries the help shows at once: the list's room. */
export function helpRows(state: State): number {
  return listHeight(state);
}

/** How many entries the help lists: the bindings of the screen under it. */
function helpLength(state: State): number {
  return activeBindings({ ...state, help: undefined }).length;
}

function typed(_state: State, { input }: Press): Action {
  return { type: 'type-text', text: input };
}

export function keyOwner(state: State): KeyOwner {
  if (tooSmall(state)) return 'too-small';
  if (state.mfa) return 'mfa';
  if (state.confirm) return 'confirm';
  if (state.help) return 'help';
  return topScreen(state).kind;
}

/** The enabled bindings of whatever owns the keys now (or of `owner`). */
export function activeBindings(state: State, owner = keyOwner(state)): Binding[] {
  return BINDINGS.filter((binding) => binding.owners.includes(owner) && (binding.enabled?.(state) ?? true));
}

/** 'up', 'pagedown', 'enter', 'esc', 'tab', 'backspace', 'ctrl+c'; else the text typed. */
function keyName(input: string, key: KeyPress): string {
  if (key.meta) return `meta+${input}`;
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  if (key.ctrl) return `ctrl+${input}`;
  return input;
}

const NAMED_KEYS = new Set([
  'up',
  'down',
  'left',
  'right',
  'pageup',
  'pagedown',
  'home',
  'end',
  'enter',
  'esc',
  'tab',
  'backspace',
]);

/**
 * The action for a key press, from the bindings of whatever owns the keys. It reads the state it
 * is given, never a captured one, so a burst of keys (a paste, fast typing over SSH) acts like
 * slow typing.
 */
export function resolveKey(state: State, input: string, key: KeyPress, at = 0): Action | undefined {
  const name = keyName(input, key);
  const press: Press = { name, input, at };
  const bindings = activeBindings(state);
  const bound = bindings.find((binding) => binding.keys.includes(name));
  if (bound) return bound.action(state, press);
  const isText = input !== '' && !key.ctrl && !key.meta && !NAMED_KEYS.has(name);
  const text = isText ? bindings.find((binding) => binding.keys.includes(TEXT)) : undefined;
  if (text) return text.action(state, press);
  // Help closes with any other key, as it says; any other key stops a move waiting for pages.
  const owner = keyOwner(state);
  if (owner === 'help') return { type: 'toggle-help' };
  return owner === topScreen(state).kind && pendingMove(state) !== undefined ? { type: 'stop-move' } : undefined;
}

/**
 * Whether there is something to act on: a list, or the name prompt where listing was refused.
 * Under a spinner or an error, a letter would go to a filter nobody can see (a second `r` pressed
 * while a retry loads, say) and hide the rows when they arrive.
 */
function listShown(state: State): boolean {
  const screen = topScreen(state);
  if (screen.kind === 'profiles') return state.discovery.status === 'ready';
  if (screen.kind === 'buckets') return screen.load.status === 'ready' || screen.load.status === 'denied';
  if (screen.kind === 'objects') return screen.pagesLoaded > 0 || screen.listing.status === 'denied';
  if (screen.kind === 'versions') return screen.versions.length > 0;
  return false;
}

/** A list with rows to move over (not the prompt for a name where listing was refused). */
function hasRows(state: State): boolean {
  const screen = topScreen(state);
  if (screen.kind === 'buckets' && screen.load.status === 'denied') return false;
  if (screen.kind === 'objects' && screen.listing.status === 'denied') return false;
  return listShown(state);
}

function canOpen(state: State): boolean {
  if (!listShown(state)) return false;
  const screen = topScreen(state);
  if (screen.kind === 'profiles')
    return state.discovery.status === 'ready' && state.discovery.value.profiles.length > 0;
  if (screen.kind === 'buckets' && screen.load.status === 'ready') return screen.load.value.length > 0;
  // Where listing was refused, Enter opens the name typed.
  if (screen.kind === 'buckets' || (screen.kind === 'objects' && screen.listing.status === 'denied')) {
    return screen.nav.filter.trim() !== '';
  }
  return true;
}

/** Whether the list of links is taller than its room (or already scrolled): ↑↓ then do something. */
function linksScroll(state: State): boolean {
  const screen = topScreen(state);
  if (screen.kind !== 'links') return false;
  if (screen.offset > 0) return true;
  const { columns, rows } = state.terminal;
  const needed = screen.rows.reduce((sum, row) => sum + linkRowHeight(row, columns), 0);
  return needed > rows - LINKS_CHROME_ROWS;
}

function rowUnderCursor(state: State) {
  const screen = topScreen(state);
  return screen.kind === 'objects' ? visibleRows(screen)[screen.nav.cursor] : undefined;
}

function versionUnderCursor(state: State) {
  const screen = topScreen(state);
  return screen.kind === 'versions' ? screen.versions[screen.nav.cursor] : undefined;
}

/** Esc would leave the app: the first screen, its filter empty. */
function escLeaves(state: State): boolean {
  return state.stack.length === 1 && filterOf(state) === '';
}

function mfaCode(state: State): string {
  return state.mfa?.code ?? '';
}

function filterOf(state: State): string {
  const screen = topScreen(state);
  return 'nav' in screen ? screen.nav.filter : '';
}

function hasError(state: State): boolean {
  const screen = topScreen(state);
  if (screen.kind === 'profiles') return state.discovery.status === 'failed';
  // Where listing was refused, letters type a name instead (retrying would be refused again).
  if (screen.kind === 'buckets') return screen.load.status === 'failed';
  if (screen.kind === 'objects') return screen.listing.status === 'failed';
  if (screen.kind === 'versions') return screen.listing.status === 'failed' && screen.versioning !== 'off';
  return false;
}

/** Longest run of typed characters taken key by key; longer runs are pastes, taken whole. */
const TYPED_BURST = 32;

/**
 * Keys that arrive in one read (fast typing over SSH, a held key) are taken one by one, so
 * `s s` sorts twice and two Spaces mark two rows, as slow typing would. A paste, longer, stays
 * one piece of text: a filter or a field takes it at once.
 */
export function keystrokes<K extends KeyPress>(press: { input: string; key: K }): Array<{ input: string; key: K }> {
  const { input, key } = press;
  if (key.ctrl || key.meta || input.length < 2 || input.length > TYPED_BURST) return [press];
  return Array.from(input, (char) => ({ input: char, key }));
}
