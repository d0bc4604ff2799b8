/** What HeadObject says about an object, read into plain values (no I/O here). */

export interface RestoreStatus {
  /** A restore was asked for and is still running. */
  ongoing: boolean;
  /** When a finished restore's temporary copy goes away again. */
  expiresAt?: Date;
}

/** `x-amz-restore: ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"` → values. */
export function parseRestore(header: string | undefined): RestoreStatus | undefined {
  if (!header) return undefined;
  const ongoing = /ongoing-request\s*=\s*"?true"?/i.test(header);
  const expiry = /expiry-date\s*=\s*"([^"]+)"/i.exec(header)?.[1];
  const expiresAt = expiry ? new Date(expiry) : undefined;
  return { ongoing, ...(expiresAt && !Number.isNaN(expiresAt.getTime()) ? { expiresAt } : {}) };
}

/** Storage classes whose objects must be restored before a GET can read them. */
const ARCHIVE_CLASSES = new Set(['GLACIER', 'DEEP_ARCHIVE']);

/**
 * Whether a GET of the object is refused until a restore: GLACIER and DEEP_ARCHIVE, or an
 * Intelligent-Tiering object moved to one of its archive tiers (`x-amz-archive-status`), unless a
 * restored copy is there now.
 */
export function needsRestore(
  storageClass: string | undefined,
  archiveStatus?: string,
  restore?: RestoreStatus,
): boolean {
  const archived = ARCHIVE_CLASSES.has(storageClass ?? '') || /ARCHIVE_ACCESS$/.test(archiveStatus ?? '');
  if (!archived) return false;
  return !restore || restore.ongoing || restore.expiresAt === undefined;
}

/** Types browsers show inline; stored as `application/octet-stream` they are downloaded instead. */
const INLINE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  htm: 'text/html; charset=utf-8',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
};

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-download']);

/**
 * The content type to sign as `response-content-type` so a browser shows the object instead of
 * downloading it: when the stored type is generic and the key's extension names a viewable type.
 */
export function suggestedContentType(key: string, storedType: string | undefined): string | undefined {
  const stored = (storedType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!GENERIC_TYPES.has(stored)) return undefined;
  const extension = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  return extension ? INLINE_TYPES[extension] : undefined;
}
