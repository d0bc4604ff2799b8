import { concurrencyLimit } from './concurrency-limit.js';
import type { PresignedUrl, S3Session } from './ports.js';
import { printable } from './printable.js';
import { proveSigned } from './prove-link.js';

/** Checks in flight at once on the list of links: enough to hide the round trips, gentle on a slow uplink. */
export const LINK_CHECKS_AT_ONCE = 8;

/** What checking one link of a list proved: it answers, or why not (one line). */
export type RowCheck = { ok: true } | { ok: false; message: string };

export interface CheckedRow {
  check: RowCheck;
  /** The link signed again, when the check showed the first signature wrong (clock, region). */
  url?: string;
}

/**
 * Proves each GET link as a single link is proven (one `Range: bytes=0-0` request, signed again
 * once when the answer teaches why), LINK_CHECKS_AT_ONCE at a time, telling `each` as answers
 * come. Once `signal` aborts, no further check starts and no answer is told.
 */
export async function checkEach(
  session: S3Session,
  links: readonly PresignedUrl[],
  each: (index: number, checked: CheckedRow) => void,
  signal?: AbortSignal,
): Promise<void> {
  const limit = concurrencyLimit(LINK_CHECKS_AT_ONCE);
  await Promise.all(
    links.map((link, index) =>
      limit(async () => {
        if (signal?.aborted) return;
        const checked = await checkOne(session, link);
        if (!signal?.aborted) each(index, checked);
      }),
    ),
  );
}

async function checkOne(session: S3Session, link: PresignedUrl): Promise<CheckedRow> {
  try {
    const { presigned, check } = await proveSigned(
      session,
      {
        bucket: link.bucket,
        key: link.key,
        expiresInSeconds: link.expiresInSeconds,
        method: link.method,
        bucketRegion: link.region,
        ...(link.versionId !== undefined ? { versionId: link.versionId } : {}),
      },
      link,
    );
    const url = presigned.url !== link.url ? { url: presigned.url } : {};
    return { check: check?.ok === false ? { ok: false, message: check.problem.message } : { ok: true }, ...url };
  } catch (error) {
    const reason = ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').trim();
    return { check: { ok: false, message: `The link could not be checked: ${printable(reason) || 'no answer'}` } };
  }
}
