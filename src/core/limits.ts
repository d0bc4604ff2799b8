/** Sizes past which input is refused: each is far beyond honest use and far below harm. */

/** A typed field (filter, expiry, bucket or key name): S3 keys are at most 1,024 bytes. */
export const MAX_FIELD_LENGTH = 1024;

/** An AWS config or credentials file. */
export const MAX_CONFIG_FILE_BYTES = 10 * 1024 * 1024;

/** The bucket-region cache file (500 small entries). */
export const MAX_CACHE_FILE_BYTES = 1024 * 1024;

/** The part of an HTTP error answer the app reads (S3's XML errors are well under 1 KB). */
export const MAX_ERROR_BODY_BYTES = 256 * 1024;

/** Any successful answer (a 1,000-key listing page is about 300 KB). */
export const MAX_RESPONSE_BODY_BYTES = 16 * 1024 * 1024;

/** --clear-clipboard-after: 7 days (timers past 2^31 ms fire at once). */
export const MAX_CLEAR_CLIPBOARD_SECONDS = 7 * 24 * 60 * 60;

/** Bucket-region lookups in flight at once. */
export const MAX_REGION_LOOKUPS = 8;
