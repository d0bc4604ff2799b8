/**
 * `attachment` with the file name in both forms browsers read: a plain ASCII `filename` for old
 * clients, and RFC 5987 `filename*` in UTF-8 for everything else (non-ASCII names included).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`,
  );
}

/** The last path segment of a key: what a browser would name the file. */
export function baseName(key: string): string {
  const parts = key.split('/').filter((part) => part !== '');
  return parts[parts.length - 1] ?? key;
}
