import { formatCount, type Row } from '../../core/listing.js';
import type { MarkKind, Marks, ObjectsScreen, State } from '../app-state.js';
import { visibleRows } from '../selectors.js';

/** The key (object) or prefix (folder) a row is marked under. */
function markKey(row: Row): [string, MarkKind] {
  return row.kind === 'folder' ? [row.prefix, 'folder'] : [row.key, 'object'];
}

function marksOf(state: State, bucket: string): Map<string, MarkKind> {
  return new Map(state.marks?.bucket === bucket ? state.marks.keys : []);
}

function withMarks(state: State, bucket: string, keys: Map<string, MarkKind>): State {
  return { ...state, marks: keys.size === 0 ? undefined : { bucket, keys } };
}

export function isMarked(marks: Marks | undefined, bucket: string, row: Row): boolean {
  return marks?.bucket === bucket && marks.keys.has(markKey(row)[0]);
}

/** Space: marks the row under the cursor, or unmarks it. */
export function toggleMark(state: State, screen: ObjectsScreen): State {
  const row = visibleRows(screen)[screen.nav.cursor];
  if (!row) return state;
  const keys = marksOf(state, screen.bucket);
  const [key, kind] = markKey(row);
  if (keys.has(key)) keys.delete(key);
  else keys.set(key, kind);
  return withMarks(state, screen.bucket, keys);
}

/** `*`: marks every object shown (after the filter), or unmarks them all when they all are. */
export function markShown(state: State, screen: ObjectsScreen): State {
  const objects = visibleRows(screen).filter((row) => row.kind === 'object');
  if (objects.length === 0) return state;
  const keys = marksOf(state, screen.bucket);
  const all = objects.every((row) => keys.has(markKey(row)[0]));
  for (const row of objects) {
    const [key, kind] = markKey(row);
    if (all) keys.delete(key);
    else keys.set(key, kind);
  }
  return withMarks(state, screen.bucket, keys);
}

/** "3 marked" or "2 marked, 1 folder (its objects are counted when signing)". */
export function marksSummary(marks: Marks | undefined, bucket: string): string | undefined {
  if (marks?.bucket !== bucket || marks.keys.size === 0) return undefined;
  const folders = [...marks.keys.values()].filter((kind) => kind === 'folder').length;
  const marked = `${formatCount(marks.keys.size)} marked`;
  if (folders === 0) return marked;
  return `${marked} (${folders === 1 ? '1 folder: its objects' : `${formatCount(folders)} folders: their objects`} are counted when signing)`;
}

export function markCount(state: State, bucket: string): number {
  return state.marks?.bucket === bucket ? state.marks.keys.size : 0;
}
