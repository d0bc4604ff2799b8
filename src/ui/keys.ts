import type { Action, ScreenKind, State } from '../state/app-state.js';
import { topScreen } from '../state/selectors.js';

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
}

export interface Binding {
  /** How the keys are written in the footer and the help screen. */
  label: string;
  /** What they do, in a word or three. */
  does: string;
  screens: readonly ScreenKind[] | 'all';
  /** Shown in the footer of its screens (all bindings are listed by `?`). */
  footer: boolean;
  /** The action for this key press, or undefined when the binding does not take it. */
  match(input: string, key: KeyPress, state: State): Action | undefined;
}

const LISTS: readonly ScreenKind[] = ['profiles', 'buckets', 'objects'];

const letter =
  (wanted: string, action: Action) =>
  (input: string, key: KeyPress): Action | undefined =>
    input === wanted && !key.ctrl ? action : undefined;

/** Every key binding of the app. The footer and the help screen are generated from this list. */
export const BINDINGS: readonly Binding[] = [
  {
    label: '↑↓',
    does: 'move',
    screens: LISTS,
    footer: true,
    match: (input, key) => {
      if (key.upArrow || (key.ctrl && input === 'p')) return { type: 'move', by: -1 };
      if (key.downArrow || (key.ctrl && input === 'n')) return { type: 'move', by: 1 };
      return undefined;
    },
  },
  {
    label: 'PgUp/PgDn',
    does: 'page',
    screens: LISTS,
    footer: false,
    match: (_input, key) =>
      key.pageUp ? { type: 'move-page', direction: -1 } : key.pageDown ? { type: 'move-page', direction: 1 } : undefined,
  },
  {
    label: 'Home/End',
    does: 'first / last',
    screens: LISTS,
    footer: false,
    match: (_input, key) =>
      key.home ? { type: 'move-to-start' } : key.end ? { type: 'move-to-end' } : undefined,
  },
  {
    label: '⏎',
    does: 'open',
    screens: LISTS,
    footer: true,
    match: (_input, key) => (key.return ? { type: 'select' } : undefined),
  },
  {
    label: '⏎',
    does: 'sign the link',
    screens: ['expiry'],
    footer: true,
    match: (_input, key) => (key.return ? { type: 'select' } : undefined),
  },
  {
    label: 'r',
    does: 'retry',
    screens: LISTS,
    footer: false,
    // Only while an error shows; otherwise "r" is typed into the filter.
    match: (input, key, state) => (hasError(state) ? letter('r', { type: 'retry' })(input, key) : undefined),
  },
  {
    label: '⌫',
    does: 'erase / up',
    screens: [...LISTS, 'expiry'],
    footer: true,
    match: (_input, key) => (key.backspace || key.delete ? { type: 'erase' } : undefined),
  },
  {
    label: 'tab',
    does: 'search server',
    screens: ['objects'],
    footer: true,
    match: (_input, key) => (key.tab ? { type: 'search-server' } : undefined),
  },
  {
    label: 'tab',
    does: 'link kind',
    screens: ['expiry'],
    footer: true,
    match: (_input, key) => (key.tab ? { type: 'cycle-link-kind' } : undefined),
  },
  { label: 'c', does: 'copy', screens: ['result'], footer: true, match: letter('c', { type: 'copy-url' }) },
  { label: 'r', does: 'QR code', screens: ['result'], footer: true, match: letter('r', { type: 'toggle-qr' }) },
  { label: 'n', does: 'another object', screens: ['result'], footer: true, match: letter('n', { type: 'another-object' }) },
  { label: 'e', does: 'change expiry', screens: ['result'], footer: true, match: letter('e', { type: 'change-expiry' }) },
  { label: 'q', does: 'quit', screens: ['result'], footer: true, match: letter('q', { type: 'quit' }) },
  {
    label: 'esc',
    does: 'back',
    screens: 'all',
    footer: true,
    match: (_input, key) => (key.escape ? { type: 'back' } : undefined),
  },
  { label: '?', does: 'help', screens: 'all', footer: true, match: letter('?', { type: 'toggle-help' }) },
  {
    label: 'ctrl-c',
    does: 'quit',
    screens: 'all',
    footer: true,
    match: (input, key) => (key.ctrl && input === 'c' ? { type: 'interrupt' } : undefined),
  },
];

/** What typing printable text does on each screen (for the footer and help). */
export const TYPING: Partial<Record<ScreenKind, string>> = {
  profiles: 'filter',
  buckets: 'filter',
  objects: 'filter',
  expiry: 'hours',
};

export function bindingsFor(kind: ScreenKind): Binding[] {
  return BINDINGS.filter((binding) => binding.screens === 'all' || binding.screens.includes(kind));
}

/**
 * The action for a key press on the current screen. It reads the state it is given, never a
 * captured one, so a burst of keys (a paste, fast typing over SSH) acts like slow typing.
 */
export function resolveKey(state: State, input: string, key: KeyPress): Action | undefined {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (state.help) return { type: 'toggle-help' };
  const screen = topScreen(state);
  for (const binding of bindingsFor(screen.kind)) {
    const action = binding.match(input, key, state);
    if (action) return action;
  }
  if (TYPING[screen.kind] && input !== '' && !key.ctrl && !key.tab && listShown(state)) return { type: 'type-text', text: input };
  return undefined;
}

/**
 * Whether there is something to type into: a list, or the name prompt where listing was refused.
 * Under a spinner or an error, a letter would go to a filter nobody can see (a second `r` pressed
 * while a retry loads, say) and hide the rows when they arrive.
 */
function listShown(state: State): boolean {
  const screen = topScreen(state);
  if (screen.kind === 'profiles') return state.discovery.status === 'ready';
  if (screen.kind === 'buckets') return screen.load.status === 'ready' || (screen.load.status === 'failed' && screen.load.denied === true);
  if (screen.kind === 'objects') return screen.pagesLoaded > 0 || screen.denied === true;
  return true;
}

function hasError(state: State): boolean {
  if (state.discovery.status === 'failed') return true;
  const screen = topScreen(state);
  // Where listing was refused, letters type a name instead (retrying would be refused again).
  if (screen.kind === 'buckets') return screen.load.status === 'failed' && !screen.load.denied;
  if (screen.kind === 'objects') return screen.error !== undefined && !screen.denied;
  return false;
}

const NO_KEY: KeyPress = {
  upArrow: false,
  downArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  backspace: false,
  delete: false,
  tab: false,
};

const CONTROL_KEYS: Record<string, Partial<KeyPress>> = {
  '\r': { return: true },
  '\n': { return: true },
  '\u007f': { backspace: true },
  '\b': { backspace: true },
  '\t': { tab: true },
};

/**
 * Ink delivers a burst of plain keys (typing over a slow link, a paste, a multiplexer replaying
 * input) as one string, e.g. "\x7f24\r". Split it back into the keys a person pressed, so the
 * burst does what the same keys typed slowly would.
 */
export function splitBurst(input: string, key: KeyPress): Array<{ input: string; key: KeyPress }> {
  if (input.length <= 1 || !/[\u0000-\u001f\u007f]/.test(input)) return [{ input, key }];
  const presses: Array<{ input: string; key: KeyPress }> = [];
  let text = '';
  for (const char of input) {
    if (char === '\u0003') {
      if (text !== '') presses.push({ input: text, key: NO_KEY });
      text = '';
      presses.push({ input: 'c', key: { ...NO_KEY, ctrl: true } });
      continue;
    }
    const control = CONTROL_KEYS[char];
    if (control === undefined && !/[\u0000-\u001f]/.test(char)) {
      text += char;
      continue;
    }
    if (text !== '') presses.push({ input: text, key: NO_KEY });
    text = '';
    if (control) presses.push({ input: '', key: { ...NO_KEY, ...control } });
  }
  if (text !== '') presses.push({ input: text, key: NO_KEY });
  return presses;
}
