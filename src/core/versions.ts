import { S3CallError, type ObjectVersion, type VersionPage } from './ports.js';

/** Why a delete marker cannot be shared (the TUI and the command line say the same). */
export const DELETE_MARKER_REASON =
  'that version is a delete marker: it records that the object was deleted and has no content to share.';

/** One page of a key's versions: S3Session.listVersions for that bucket and key. */
export type VersionPageSource = (token?: string) => Promise<VersionPage>;

/** Pages through a key's versions until `versionId` turns up; undefined when the key has no such version. */
export async function findVersion(nextPage: VersionPageSource, versionId: string): Promise<ObjectVersion | undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await nextPage(token);
    const found = page.versions.find((v) => v.versionId === versionId);
    if (found) return found;
    token = page.nextToken;
    if (token !== undefined) {
      if (seen.has(token))
        throw new S3CallError('The server sent the same continuation token twice: the listing stopped there.');
      seen.add(token);
    }
  } while (token !== undefined);
  return undefined;
}
