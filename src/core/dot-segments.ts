const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * A key with `.` or `..` path segments (`a/../b`, `./x`, `..`): curl, browsers and most HTTP
 * libraries normalise them away before sending, so the signed path is not the path requested and
 * S3 refuses the link (403), unless it is fetched with `curl --path-as-is`.
 */
export function hasDotSegments(key: string): boolean {
  return DOT_SEGMENT.test(key);
}

export const DOT_SEGMENTS_WARNING =
  'the key has "." or ".." path segments: browsers and curl remove them before asking, ' +
  'so the link fails (403) unless fetched with curl --path-as-is.';
