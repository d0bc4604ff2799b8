import { formatCount, type Row } from './listing.js';

type SortField = 'name' | 'modified' | 'size';
type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  field: SortField;
  direction: SortDirection;
}

/** The server's order: names, lexically. */
export const DEFAULT_SORT: SortOrder = { field: 'name', direction: 'ascending' };

/** What one press of the sort key steps through; dates and sizes start with the newest and largest. */
export const SORT_CYCLE: readonly SortOrder[] = [
  { field: 'name', direction: 'ascending' },
  { field: 'name', direction: 'descending' },
  { field: 'modified', direction: 'descending' },
  { field: 'modified', direction: 'ascending' },
  { field: 'size', direction: 'descending' },
  { field: 'size', direction: 'ascending' },
];

export function nextSort(order: SortOrder): SortOrder {
  const at = SORT_CYCLE.findIndex((o) => o.field === order.field && o.direction === order.direction);
  return SORT_CYCLE[(at + 1) % SORT_CYCLE.length] ?? DEFAULT_SORT;
}

/** Code-unit order, as S3 lists keys (not the locale's collation). */
function byName(a: Row, b: Row): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function objectValue(row: Row, field: 'modified' | 'size'): number | undefined {
  if (row.kind !== 'object') return undefined;
  return field === 'size' ? row.size : row.modifiedAt;
}

const sorted = new WeakMap<readonly Row[], Map<string, Row[]>>();

/**
 * The rows in `order`: folders first (by name; reversed when sorting names descending), then
 * objects. Objects without a date go last either way; ties keep name order. The result is kept
 * per row array, so redraws and cursor moves do not sort again.
 */
export function sortRows(rows: readonly Row[], order: SortOrder): readonly Row[] {
  if (order.field === DEFAULT_SORT.field && order.direction === DEFAULT_SORT.direction) return rows;
  const cacheKey = `${order.field}:${order.direction}`;
  let byOrder = sorted.get(rows);
  const cached = byOrder?.get(cacheKey);
  if (cached) return cached;
  const sign = order.direction === 'ascending' ? 1 : -1;
  const folders: Row[] = rows.filter((row) => row.kind === 'folder');
  const objects: Row[] = rows.filter((row) => row.kind === 'object');
  if (order.field === 'name') {
    folders.sort((a, b) => sign * byName(a, b));
    objects.sort((a, b) => sign * byName(a, b));
  } else {
    const field = order.field;
    folders.sort(byName);
    objects.sort((a, b) => {
      const left = objectValue(a, field);
      const right = objectValue(b, field);
      if (left === undefined || right === undefined) {
        return left === right ? byName(a, b) : left === undefined ? 1 : -1;
      }
      return left === right ? byName(a, b) : sign * (left - right);
    });
  }
  const result = folders.concat(objects);
  if (!byOrder) {
    byOrder = new Map();
    sorted.set(rows, byOrder);
  }
  byOrder.set(cacheKey, result);
  return result;
}

const FIELD_LABEL: Record<SortField, string> = { name: 'name', modified: 'last modified', size: 'size' };
const DIRECTION_LABEL: Record<SortField, Record<SortDirection, string>> = {
  name: { ascending: 'A→Z', descending: 'Z→A' },
  modified: { ascending: 'oldest first', descending: 'newest first' },
  size: { ascending: 'smallest first', descending: 'largest first' },
};

/**
 * For the status line: "sorted by size, largest first". While more pages exist the sort covers
 * only what is loaded, and says so.
 */
export function sortLabel(order: SortOrder, loaded?: { rows: number; more: boolean }): string {
  const label = `sorted by ${FIELD_LABEL[order.field]}, ${DIRECTION_LABEL[order.field][order.direction]}`;
  return loaded?.more ? `${label} (the ${formatCount(loaded.rows)} loaded)` : label;
}
