import type { ListPage } from './ports.js';

export const DELIMITER = '/';

/** How an object whose key is exactly its folder's prefix is listed in that folder. */
const OWN_OBJECT_NAME = '(object named like this folder)';

/**
 * One line of an object listing. Kept small: a prefix of 100,000 objects holds 100,000 of these.
 * `match` is the lower-cased name the filter searches (the same string when the name has no
 * capitals), computed once when the page arrives rather than on every keystroke.
 */
export type Row =
  | { kind: 'folder'; prefix: string; name: string; match: string }
  | { kind: 'object'; key: string; name: string; match: string; size: number; modifiedAt?: number };

/** Stable identity of a row (React key, cursor tracking): folders and objects may share a key. */
export function rowId(row: Row): string {
  return row.kind === 'folder' ? `d:${row.prefix}` : `o:${row.key}`;
}

/** What appendPage knows about a row array it produced, so the next page costs O(page), not O(rows). */
interface ListingIndex {
  folderCount: number;
  folders: Set<string>;
  objects: Set<string>;
}

const indexes = new WeakMap<readonly Row[], ListingIndex>();

/**
 * The index of `rows`, handed over for extending: it leaves the map, so if the same rows are
 * ever extended twice (a reducer run again on old state) the second run rebuilds its own.
 */
function takeIndex(rows: readonly Row[]): ListingIndex {
  const index = indexes.get(rows);
  if (index) {
    indexes.delete(rows);
    return index;
  }
  const rebuilt: ListingIndex = { folderCount: 0, folders: new Set(), objects: new Set() };
  for (const row of rows) {
    if (row.kind === 'folder') {
      rebuilt.folderCount += 1;
      rebuilt.folders.add(row.prefix);
    } else rebuilt.objects.add(row.key);
  }
  return rebuilt;
}

/**
 * Adds one ListObjectsV2 page to the rows already loaded: folders stay grouped first, objects
 * after, each group in the server's (lexical) order. Folders repeated across pages and the
 * zero-byte "folder marker" object whose key equals the prefix are dropped.
 */
export function appendPage(rows: readonly Row[], prefix: string, page: ListPage): Row[] {
  const index = takeIndex(rows);
  const newFolders: Row[] = [];
  for (const folderPrefix of page.folders) {
    if (index.folders.has(folderPrefix)) continue;
    index.folders.add(folderPrefix);
    const name = folderPrefix.slice(prefix.length);
    newFolders.push({ kind: 'folder', prefix: folderPrefix, name, match: name.toLowerCase() });
  }
  const newObjects: Row[] = [];
  for (const object of page.objects) {
    // The empty "folder marker" the S3 console creates is noise; an object with content whose
    // key happens to equal its folder's prefix is still an object someone may want to share.
    if ((object.key === prefix && object.size === 0) || index.objects.has(object.key)) continue;
    index.objects.add(object.key);
    const name = object.key === prefix ? OWN_OBJECT_NAME : object.key.slice(prefix.length);
    newObjects.push({
      kind: 'object',
      key: object.key,
      name,
      match: name.toLowerCase(),
      size: object.size,
      ...(object.lastModified ? { modifiedAt: object.lastModified.getTime() } : {}),
    });
  }
  // Most pages of a big prefix bring objects only: then this is one append, not a regrouping.
  const next =
    newFolders.length === 0
      ? rows.concat(newObjects)
      : rows.slice(0, index.folderCount).concat(newFolders, rows.slice(index.folderCount), newObjects);
  index.folderCount += newFolders.length;
  indexes.set(next, index);
  return next;
}

const counts = new WeakMap<readonly Row[], { folders: number; objects: number }>();

/** Folders and objects among the rows (counted once per row array: it is redrawn often). */
export function countRows(rows: readonly Row[]): { folders: number; objects: number } {
  let count = counts.get(rows);
  if (!count) {
    let folders = 0;
    for (const row of rows) if (row.kind === 'folder') folders += 1;
    count = { folders, objects: rows.length - folders };
    counts.set(rows, count);
  }
  return count;
}

const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/** Decimal sizes as S3 consoles show them: "512 B", "18.1 kB", "2.4 MB". */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit: (typeof BYTE_UNITS)[number] = BYTE_UNITS[0];
  for (const candidate of BYTE_UNITS) {
    value /= 1000;
    unit = candidate;
    if (value < 1000) break;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

const timestampFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-04-02 09:14" in the given (default: local) time zone; `date` may be epoch milliseconds. */
export function formatTimestamp(date: Date | number, timeZone?: string): string {
  const zone = timeZone ?? '';
  let format = timestampFormats.get(zone);
  if (!format) {
    // Building a DateTimeFormat costs far more than using one: keep one per zone.
    format = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    timestampFormats.set(zone, format);
  }
  const parts = format.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const countFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number, locale = 'en'): string {
  // Below 1,000 English needs no grouping: the first frame (a few profiles) skips loading
  // Intl's number data (~9 ms).
  if (locale === 'en' && Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

const PLURALS = new Intl.PluralRules('en');

/** "1 object", "1,204 objects". */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${PLURALS.select(value) === 'one' ? singular : plural}`;
}
