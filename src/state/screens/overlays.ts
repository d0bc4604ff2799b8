import type { State } from '../app-state.js';
import { enqueue } from '../stack.js';
import type { UserAction } from './module.js';

type Mfa = NonNullable<State['mfa']>;

/** The MFA prompt, over every screen: digits, Backspace, Enter sends, Esc cancels. */
export function updateMfa(state: State, mfa: Mfa, action: UserAction): State {
  switch (action.type) {
    case 'type-text':
      return { ...state, mfa: { ...mfa, code: (mfa.code + action.text.replace(/\D/g, '')).slice(0, MFA_DIGITS) } };
    case 'erase':
      return { ...state, mfa: { ...mfa, code: mfa.code.slice(0, -1) } };
    case 'edit-field':
      return action.edit === 'clear' || action.edit === 'delete-word' ? { ...state, mfa: { ...mfa, code: '' } } : state;
    case 'select':
      return mfa.code.length === MFA_DIGITS
        ? enqueue({ ...state, mfa: undefined }, { kind: 'mfa-answer', code: mfa.code })
        : state;
    case 'back':
      return enqueue({ ...state, mfa: undefined }, { kind: 'mfa-answer', code: null });
    default:
      return state;
  }
}

const MFA_DIGITS = 6;

/** The key help, over the current screen: it scrolls, and closes with Esc or `?`. */
export function updateHelp(state: State, help: NonNullable<State['help']>, action: UserAction): State {
  switch (action.type) {
    case 'scroll-help':
      return { ...state, help: { offset: Math.max(0, Math.min(action.max, help.offset + action.by)) } };
    case 'toggle-help':
    case 'back':
      return { ...state, help: undefined };
    default:
      return state;
  }
}
