import type { ServerTime } from '../core/clock-offset.js';
import { classifyLinkAnswer, type LinkAnswer, type LinkContext } from '../core/link-problem.js';
import type { Connection, LinkCheck, PresignedUrl } from '../core/ports.js';
import { boundedCall } from './aws-errors.js';
import { fetchLinkAnswer } from './link-fetch.js';

export interface LinkCheckOptions {
  timeoutMs?: number;
  debug?: (line: string) => void;
}

/**
 * Proves a GET link by fetching it: one request, no S3 client needed. S3's Date header on the
 * answer teaches `serverTime` the clock offset, whatever the status.
 */
export function checkGetLink(
  presigned: PresignedUrl,
  connection: Connection,
  serverTime: ServerTime,
  options: LinkCheckOptions,
): Promise<LinkCheck> {
  return boundedCall(connection, options.timeoutMs, async (abortSignal) => {
    const answer = await fetchLinkAnswer(presigned.url, abortSignal, options.debug);
    serverTime.learn(answer.headers.date);
    return linkCheckOf('link', answer, contextOf(presigned, connection, serverTime));
  });
}

export function contextOf(presigned: PresignedUrl, connection: Connection, serverTime: ServerTime): LinkContext {
  const offset = serverTime.offsetMs;
  return {
    profile: connection.profile,
    signedRegion: presigned.region,
    requestPayer: new URL(presigned.url).searchParams.get('x-amz-request-payer') === 'requester',
    ...(offset !== undefined ? { clockOffsetMs: offset } : {}),
  };
}

/** An answer, classified: proven, or the problem with its code and message. */
export function linkCheckOf(scope: 'link' | 'bucket', answer: LinkAnswer, context: LinkContext): LinkCheck {
  const clock = context.clockOffsetMs !== undefined ? { clockOffsetMs: context.clockOffsetMs } : {};
  const problem = classifyLinkAnswer(answer, { ...context, scope });
  if (!problem) return { ok: true, scope, status: answer.status, ...clock };
  const bucketRegion = answer.headers?.['x-amz-bucket-region'];
  return { ok: false, scope, status: answer.status, problem, ...clock, ...(bucketRegion ? { bucketRegion } : {}) };
}
