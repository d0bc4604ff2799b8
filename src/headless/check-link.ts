import type { PresignedUrl, S3Session } from '../core/ports.js';

/**
 * Checks one signed download link before it is printed: resolves when the object (that version
 * of it) is there, rejects with a one-line reason otherwise. Upload links are not checked: the
 * object they name need not exist yet.
 */
export async function checkLink(session: S3Session, link: PresignedUrl): Promise<void> {
  if (link.method !== 'GET') return;
  await session.headObject(link.bucket, link.key, link.versionId);
}
