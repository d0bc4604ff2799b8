import { SKEW_THRESHOLD_MS } from './clock-offset.js';
import type { LinkCheck, PresignedUrl, PresignRequest, S3Session } from './ports.js';

export interface ProvenLink {
  presigned: PresignedUrl;
  /** Absent when the check was skipped (--no-check). */
  check?: LinkCheck;
}

/**
 * Signs a link and proves it by fetching it (one request in the common case). The check's answer
 * may teach the session something the signature got wrong, and then the link is signed again and
 * proven again, once: S3's clock is far from the local one (signed with S3's time now), or S3
 * named the bucket's real region.
 */
export async function signAndProve(session: S3Session, request: PresignRequest, check = true): Promise<ProvenLink> {
  const presigned = await session.presign(request);
  return check ? proveSigned(session, request, presigned) : { presigned };
}

/** Proves a link already signed for `request` (signed again once, as above, when the check teaches why). */
export async function proveSigned(
  session: S3Session,
  request: PresignRequest,
  signed: PresignedUrl,
): Promise<ProvenLink> {
  let presigned = signed;
  let result = await session.checkLink(presigned);
  const offset = session.clockOffsetMs() ?? 0;
  if (!request.signingDate && Math.abs(offset - (presigned.clockOffsetMs ?? 0)) > SKEW_THRESHOLD_MS) {
    presigned = await session.presign(request);
    result = await session.checkLink(presigned);
  } else if (
    !result.ok &&
    result.problem.code === 'wrong-region' &&
    result.bucketRegion &&
    result.bucketRegion !== presigned.region
  ) {
    presigned = await session.presign({ ...request, bucketRegion: result.bucketRegion });
    result = await session.checkLink(presigned);
  }
  return { presigned, check: result };
}
