import type { Action, Screen, State } from '../app-state.js';

/** An answer to a queued request. */
export type Completion = Extract<Action, { requestId: number }>;

/** What a key press (or the app) asks of the screen on top. */
export type UserAction = Exclude<Action, Completion>;

/**
 * One screen's behaviour: what the person's actions do on it, which answers it waits for and
 * what it does with them, and what it needs loaded once it is on top. The reducer dispatches.
 */
export interface ScreenModule<S extends Screen> {
  update(state: State, screen: S, action: UserAction): State;
  waitsOn(screen: S, requestId: number): boolean;
  /** `put` replaces this screen where it stands in the stack (it may no longer be on top). */
  answer(state: State, screen: S, action: Completion, put: (next: S) => State): State;
  /** Queues what the screen needs now that it is on top; the state as is when nothing. */
  load?(state: State, screen: S): State;
}
