import type { ListPage } from './ports.js';

export const DELIMITER = '/';

/** How an object whose key is exactly its folder's prefix is listed in that folder. */
export const OWN_OBJECT_NAME = '(object named like this folder)';

export type Row =
  | { kind: 'folder'; id: string; prefix: string; name: string }
  | { kind: 'object'; id: string; key: string; name: string; size: number; lastModified?: Date };

/**
 * Adds one ListObjectsV2 page to the rows already loaded: folders stay grouped first, objects
 * after, each group in the server's (lexical) order. Folders repeated across pages and the
 * zero-byte "folder marker" object whose key equals the prefix are dropped.
 */
export function appendPage(rows: readonly Row[], prefix: string, page: ListPage): Row[] {
  const seen = new Set(rows.map((row) => row.id));
  const folders = rows.filter((row) => row.kind === 'folder');
  const objects = rows.filter((row) => row.kind === 'object');
  for (const folderPrefix of page.folders) {
    const id = `d:${folderPrefix}`;
    if (seen.has(id)) continue;
    seen.add(id);
    folders.push({ kind: 'folder', id, prefix: folderPrefix, name: folderPrefix.slice(prefix.length) });
  }
  for (const object of page.objects) {
    const id = `o:${object.key}`;
    // The empty "folder marker" the S3 console creates is noise; an object with content whose
    // key happens to equal its folder's prefix is still an object someone may want to share.
    if ((object.key === prefix && object.size === 0) || seen.has(id)) continue;
    seen.add(id);
    const name = object.key === prefix ? `${OWN_OBJECT_NAME}` : object.key.slice(prefix.length);
    objects.push({ kind: 'object', id, ...object, name });
  }
  return [...folders, ...objects];
}

/** Case-insensitive substring match on the name shown. */
export function filterRows<T extends { name: string }>(rows: readonly T[], filter: string): T[] {
  if (filter === '') return rows as T[];
  const needle = filter.toLowerCase();
  return rows.filter((row) => row.name.toLowerCase().includes(needle));
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

/** "2026-04-02 09:14" in the given (default: local) time zone. */
export function formatTimestamp(date: Date, timeZone?: string): string {
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

export function formatCount(value: number, locale = 'en'): string {
  return new Intl.NumberFormat(locale).format(value);
}

const PLURALS = new Intl.PluralRules('en');

/** "1 object", "1,204 objects". */
export function countOf(value: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(value)} ${PLURALS.select(value) === 'one' ? singular : plural}`;
}
