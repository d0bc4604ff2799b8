import type { S3Session } from '../core/ports.js';
import { printable } from '../core/printable.js';
import { DELETE_MARKER_REASON, findVersion } from '../core/versions.js';

/**
 * Before a version is signed: the reason it cannot be shared (a delete marker, or no such
 * version of the key), or undefined when it can, or when the versions cannot be listed (the
 * link's own check then speaks). Servers answer a delete marker's version differently (AWS 405,
 * Ceph a bare 404), so the version list is asked rather than the error read.
 */
export async function versionProblem(
  session: S3Session,
  bucket: string,
  key: string,
  versionId: string,
): Promise<string | undefined> {
  let version;
  try {
    version = await findVersion((token) => session.listVersions(bucket, key, token), versionId);
  } catch {
    return undefined;
  }
  if (!version) return printable(`the object has no version “${versionId}”.`);
  return version.deleteMarker ? DELETE_MARKER_REASON : undefined;
}
