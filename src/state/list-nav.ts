/** The cursor, scroll offset and filter of one keyboard-driven list. */
export interface ListNav {
  cursor: number;
  offset: number;
  filter: string;
  /** When a Backspace emptied the filter (ms): a held key must not go on to leave the screen. */
  emptiedAt?: number;
  /** A move down past the rows loaded, finished as the next pages arrive. */
  pending?: PendingMove;
}

/** Where a move waiting for pages is going: to the end of the listing, or `rows` further down. */
export type PendingMove = { to: 'end' } | { to: 'down'; rows: number };

export const initialNav = (cursor = 0): ListNav => ({ cursor, offset: 0, filter: '' });

/**
 * Moves the cursor to `target` (clamped to the list) and scrolls the least needed to keep it
 * inside a window of `height` rows.
 */
export function moveTo(nav: ListNav, target: number, count: number, height: number): ListNav {
  const cursor = count === 0 ? 0 : Math.min(Math.max(target, 0), count - 1);
  return { ...nav, cursor, offset: scrollFor(nav.offset, cursor, count, height) };
}

export function scrollFor(offset: number, cursor: number, count: number, height: number): number {
  const rows = Math.max(1, height);
  let next = offset;
  if (cursor < next) next = cursor;
  if (cursor >= next + rows) next = cursor - rows + 1;
  return Math.max(0, Math.min(next, Math.max(0, count - rows)));
}

export function withFilter(nav: ListNav, filter: string): ListNav {
  return { cursor: 0, offset: 0, filter };
}

export function withoutPending(nav: ListNav): ListNav {
  if (nav.pending === undefined) return nav;
  const rest = { ...nav };
  delete rest.pending;
  return rest;
}

/**
 * A move down: to `target`, or to the end. Past the last row loaded, while more pages are to
 * come, the cursor goes to the last row and the rest of the move waits for them (a ↓ held
 * through a page load is not lost); a move already waiting adds to it.
 */
export function moveDown(
  nav: ListNav,
  target: number | 'end',
  count: number,
  height: number,
  morePages: boolean,
): ListNav {
  const last = count - 1;
  const wanted = target === 'end' ? last : target;
  const moved = moveTo(withoutPending(nav), wanted, count, height);
  if (!morePages || count === 0 || (target !== 'end' && target <= last)) return moved;
  const before = nav.pending;
  if (target === 'end' || before?.to === 'end') return { ...moved, pending: { to: 'end' } };
  return { ...moved, pending: { to: 'down', rows: (before?.rows ?? 0) + target - last } };
}

/**
 * A page arrived (the cursor already kept on its row): the move waiting for it goes on, and
 * waits again while the listing has more pages.
 */
export function resumeMove(nav: ListNav, count: number, height: number, morePages: boolean): ListNav {
  const { pending } = nav;
  if (pending === undefined) return nav;
  const last = count - 1;
  const target = pending.to === 'end' ? last : nav.cursor + pending.rows;
  const moved = moveTo(withoutPending(nav), target, count, height);
  if (!morePages) return moved;
  if (pending.to === 'end') return { ...moved, pending };
  return target <= last ? moved : { ...moved, pending: { to: 'down', rows: target - last } };
}
