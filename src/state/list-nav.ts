/** The cursor, scroll offset and filter of one keyboard-driven list. */
export interface ListNav {
  cursor: number;
  offset: number;
  filter: string;
  /** When a Backspace emptied the filter (ms): a held key must not go on to leave the screen. */
  emptiedAt?: number;
}

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
