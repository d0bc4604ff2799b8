import { printable } from './printable.js';
import { parseS3Uri } from './s3-uri.js';

/** What one s3:// URI asks to share: one object (one version of it), or everything under a prefix. */
export type ShareTarget =
  | { kind: 'object'; uri: string; bucket: string; key: string; versionId?: string }
  | { kind: 'prefix'; uri: string; bucket: string; prefix: string };

export type ShareTargetParse = { ok: true; target: ShareTarget } | { ok: false; message: string };

/** `s3://BUCKET` or `s3://BUCKET/`: the bucket, then the slash if any. */
const BARE_BUCKET = /^s3:\/\/([^/]+)(\/?)$/is;

/**
 * `s3://BUCKET/KEY` is one object. A URI ending in `/` is a folder: with `recursive` it means
 * every object under it (`s3://BUCKET` or `s3://BUCKET/` the whole bucket); without, it is an
 * error that says how to ask for that.
 */
export function parseShareTarget(text: string, recursive: boolean): ShareTargetParse {
  const bare = BARE_BUCKET.exec(text);
  if (bare && (recursive || bare[2])) {
    const bucket = bare[1] as string;
    const named = parseS3Uri(`s3://${bucket}/-`);
    if (!named.ok) return named;
    if (!recursive) return { ok: false, message: folderMessage(text) };
    return { ok: true, target: { kind: 'prefix', uri: text, bucket, prefix: '' } };
  }
  const parsed = parseS3Uri(text);
  if (!parsed.ok) return parsed;
  const { bucket, key } = parsed.location;
  if (!key.endsWith('/')) return { ok: true, target: { kind: 'object', uri: text, bucket, key } };
  if (!recursive) return { ok: false, message: folderMessage(text) };
  return { ok: true, target: { kind: 'prefix', uri: text, bucket, prefix: key } };
}

function folderMessage(text: string): string {
  return `${printable(text)} is a folder: add --recursive to share every object under it`;
}

/** The target as messages name it. */
export function describeTarget(target: ShareTarget): string {
  const version = target.kind === 'object' && target.versionId !== undefined ? ` (version ${target.versionId})` : '';
  return printable(`${target.uri}${version}`);
}
