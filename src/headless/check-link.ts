import type { PresignedUrl, PresignRequest, S3Session } from '../core/ports.js';
import { proveSigned } from '../core/prove-link.js';
import { reportLink, type LinkReport } from '../link-report.js';

export interface CheckedLink {
  /** The link to print: signed again when the check showed the first signature wrong (clock, region). */
  link: PresignedUrl;
  report: LinkReport;
}

/**
 * Proves one signed link before it is printed by fetching it (`Range: bytes=0-0`); an upload link
 * by its bucket only, since proving it would write. The report says what was proven or why the
 * link fails.
 */
export async function checkLink(
  session: S3Session,
  request: PresignRequest,
  link: PresignedUrl,
  profile: string,
): Promise<CheckedLink> {
  const proven = await proveSigned(session, request, link);
  return { link: proven.presigned, report: reportLink(proven, profile) };
}
