import { printable } from './printable.js';

interface S3Location {
  bucket: string;
  key: string;
}

/** S3's limit on a key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;

// Bucket names as S3 creates them today: 3–63 lowercase letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const S3_URI = /^s3:\/\/([^/]*)(?:\/(.*))?$/is;

export type S3UriParse = { ok: true; location: S3Location } | { ok: false; message: string };

/** `s3://bucket/key` → bucket and key, exactly as typed (the key is not URL-decoded). */
export function parseS3Uri(text: string): S3UriParse {
  const match = S3_URI.exec(text);
  if (!match) {
    const hint = /^https?:\/\//i.test(text) ? ' (an https:// address is not an S3 URI)' : '';
    return { ok: false, message: `expected s3://BUCKET/KEY, got “${preview(text)}”${hint}` };
  }
  const bucket = match[1] ?? '';
  const key = match[2] ?? '';
  if (bucket === '') return { ok: false, message: 's3:// needs a bucket and a key: s3://BUCKET/KEY' };
  if (!BUCKET.test(bucket) || bucket.includes('..')) {
    return {
      ok: false,
      message: `“${preview(bucket)}” is not a valid bucket name (3–63 lowercase letters, digits, dots, hyphens)`,
    };
  }
  if (key === '') return { ok: false, message: `s3://${bucket}/ needs a key after the bucket: s3://${bucket}/KEY` };
  const bytes = Buffer.byteLength(key, 'utf8');
  if (bytes > MAX_KEY_BYTES)
    return { ok: false, message: `the key is ${bytes} bytes long; S3 allows ${MAX_KEY_BYTES}` };
  return { ok: true, location: { bucket, key } };
}

function preview(text: string): string {
  return printable(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}
