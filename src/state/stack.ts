import type { Request, Screen, State } from './app-state.js';

/** A request before the queue gives it its id. */
export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export function topScreen(state: State): Screen {
  const screen = state.stack[state.stack.length - 1];
  if (!screen) throw new Error('the screen stack is never empty');
  return screen;
}

/** Queues work for the effects runner; its answer comes back as an action with the same id. */
export function enqueue(state: State, body: RequestBody): State {
  const request: Request = { ...body, id: state.nextRequestId };
  return { ...state, requests: [...state.requests, request], nextRequestId: state.nextRequestId + 1 };
}

/** Drops a queued request: the runner stops it, and its answers are not dispatched. */
export function cancel(state: State, id: number | undefined): State {
  return id === undefined ? state : { ...state, requests: state.requests.filter((r) => r.id !== id) };
}

export function push(state: State, screen: Screen): State {
  return { ...state, stack: [...state.stack, screen] };
}

export function pop(state: State): State {
  return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
}

export function replaceTop(state: State, screen: Screen): State {
  return { ...state, stack: [...state.stack.slice(0, -1), screen] };
}

/** Replaces the screen at `index` (a screen below the top may receive an answer). */
export function replaceAt(state: State, index: number, screen: Screen): State {
  return { ...state, stack: state.stack.map((s, i) => (i === index ? screen : s)) };
}
