import { formatOffset, isSkewed } from './clock-offset.js';
import { formatUtc } from './expiry.js';
import { parseRestore, type RestoreStatus } from './object-facts.js';
import type { LinkProblem } from './ports.js';
import { printable } from './printable.js';

/** What S3 answered to a link (or to HeadObject / HeadBucket), as the adapter read it. */
export interface LinkAnswer {
  status: number;
  /** `<Code>` of the error document; absent when there was no body (HEAD, or an empty answer). */
  code?: string;
  message?: string;
  /** Header names in lower case. */
  headers?: Record<string, string | undefined>;
  /** `<StorageClass>` / `<AccessTier>` that S3 puts in an InvalidObjectState error document. */
  storageClass?: string;
  accessTier?: string;
}

/** What the caller knows that the answer does not say. */
export interface LinkContext {
  /** The profile whose credentials signed. */
  profile?: string;
  /** The region the link was signed for. */
  signedRegion?: string;
  /** 'bucket': the answer is HeadBucket's (an upload link's check), not the link's own. */
  scope?: 'link' | 'bucket';
  /** S3's time minus the local time, when known. */
  clockOffsetMs?: number;
  /** The link already carries x-amz-request-payer=requester. */
  requestPayer?: boolean;
  /** From HeadObject, when it was asked before. */
  kmsKeyId?: string;
  restore?: RestoreStatus;
}

/** Answers that prove a link: 200, a 206 range, or 416 (the range of an empty object). */
export function proves(status: number): boolean {
  return status === 200 || status === 206 || status === 416;
}

const CREDENTIALS_EXPIRED = new Set(['ExpiredToken', 'TokenRefreshRequired', 'InvalidToken', 'ExpiredTokenException']);
const WRONG_REGION = new Set([
  'PermanentRedirect',
  'TemporaryRedirect',
  'AuthorizationHeaderMalformed',
  'IllegalLocationConstraintException',
]);

/**
 * Why a link does not work, as one stable code and one line saying what a recipient would hit
 * and what to do; undefined when the answer proves the link.
 */
export function classifyLinkAnswer(answer: LinkAnswer, context: LinkContext = {}): LinkProblem | undefined {
  const { status } = answer;
  if (context.scope === 'bucket' ? status === 200 : proves(status)) return undefined;
  const headers = answer.headers ?? {};
  const code = answer.code ?? '';
  const said = printable(answer.message ?? '');
  const profile = `profile “${context.profile ?? 'default'}”`;
  const problem = (kind: LinkProblem['code'], message: string): LinkProblem => ({ code: kind, message });

  const sseC =
    Boolean(headers['x-amz-server-side-encryption-customer-algorithm']) || /customer.provided key/i.test(said);
  if (sseC || (status === 400 && !code && context.scope !== 'bucket')) {
    return problem(
      'sse-c',
      'The object is encrypted with a customer-provided key (SSE-C): a plain link cannot open it; the recipient ' +
        'must send the key in x-amz-server-side-encryption-customer-* headers (e.g. with curl or the AWS CLI).',
    );
  }
  if (code === 'InvalidObjectState' || (status === 403 && /storage class/i.test(said))) {
    return problem('archived', archivedMessage(answer, headers, context));
  }
  if (/^KMS\./.test(code) || /kms:Decrypt|\bKMS\b/.test(said)) {
    const key = kmsKeyIdOf(said) ?? headers['x-amz-server-side-encryption-aws-kms-key-id'] ?? context.kmsKeyId;
    return problem(
      'kms-denied',
      `The object is encrypted with ${key ? `KMS key ${printable(key)}` : 'a KMS key'} that ${profile} may not use ` +
        '(kms:Decrypt denied): anyone opening the link is refused. Sign with an identity allowed kms:Decrypt on that key.',
    );
  }
  if (/requester.?pays|x-amz-request-payer/i.test(said) && !context.requestPayer) {
    return problem(
      'requester-pays',
      'The bucket is Requester Pays: a link works only if it says the requester pays. Sign with --request-payer ' +
        `(x-amz-request-payer=requester); the account of ${profile} is charged for each download.`,
    );
  }
  if (
    code === 'RequestTimeTooSkewed' ||
    (status === 403 && isSkewed(context.clockOffsetMs) && /^(AccessDenied)?$/.test(code))
  ) {
    const offset = context.clockOffsetMs;
    const by = isSkewed(offset)
      ? ` (your clock is ${formatOffset(offset)} ${offset > 0 ? 'behind' : 'ahead of'} S3's)`
      : '';
    return problem(
      'clock-skew',
      `S3 refused the link as signed at the wrong time${by}: set the system clock right (e.g. enable NTP), then sign again.`,
    );
  }
  if (status === 403 && /request has expired|expired/i.test(said) && !/token/i.test(said)) {
    return problem(
      'link-expired',
      'S3 says the link has already expired: sign it again, with a longer expiry if needed.',
    );
  }
  if (WRONG_REGION.has(code) || status === 301 || status === 307) {
    const lives = headers['x-amz-bucket-region'] ?? /expecting '([^']+)'/.exec(said)?.[1];
    if (lives && lives === context.signedRegion) {
      return problem(
        'wrong-region',
        `S3 sends the link elsewhere (HTTP ${status}) although it is signed for the bucket's region ${printable(lives)}: check the endpoint (--endpoint-url).`,
      );
    }
    const where = lives ? `lives in ${printable(lives)}` : 'lives in another region';
    const signed = context.signedRegion ? `, not ${printable(context.signedRegion)} where the link was signed` : '';
    const fix = lives ? `pass --region ${printable(lives)}` : 'pass the bucket’s --region';
    return problem(
      'wrong-region',
      `The bucket ${where}${signed}: run again (the region is looked up afresh) or ${fix}.`,
    );
  }
  if (CREDENTIALS_EXPIRED.has(code)) {
    return problem(
      'credentials-expired',
      `The credentials of ${profile} have expired or were revoked: run \`aws sso login --profile ${context.profile ?? 'default'}\` ` +
        '(SSO) or refresh them, then sign again.',
    );
  }
  if (code === 'InvalidAccessKeyId') {
    return problem(
      'credentials-unknown',
      `S3 does not know the access key of ${profile} (deleted, deactivated, or meant for another endpoint): ` +
        'check the keys and the endpoint, then sign again.',
    );
  }
  if (code === 'SignatureDoesNotMatch') {
    return problem(
      'signature-mismatch',
      `S3 refused the link's signature: the secret key of ${profile} does not match its access key (or the link was altered).`,
    );
  }
  if (code === 'NoSuchBucket' || (context.scope === 'bucket' && status === 404)) {
    return problem('bucket-gone', 'The bucket does not exist (any more): there is nothing to share.');
  }
  if (status === 404) {
    const deleted = headers['x-amz-delete-marker'] === 'true';
    return problem(
      'object-gone',
      deleted
        ? 'The object was deleted (its latest version is a delete marker): the link would answer 404. Pick another object.'
        : 'The object does not exist (deleted after it was listed?): the link would answer 404. Pick another object.',
    );
  }
  if (status === 403) {
    const target = context.scope === 'bucket' ? 'see this bucket' : 'read this object';
    return problem(
      'access-denied',
      `The credentials of ${profile} may not ${target} (AccessDenied), so anyone opening the link is refused: ` +
        'ask for s3:GetObject on it, or if the bucket is Requester Pays, sign with --request-payer.',
    );
  }
  if (status >= 500) {
    return problem(
      'server-error',
      `S3 answered HTTP ${status}${code ? ` (${code}${said ? `: ${said}` : ''})` : ''}: try again shortly.`,
    );
  }
  return problem(
    'unexpected',
    `S3 answered HTTP ${status}${code ? ` (${code}${said ? `: ${said}` : ''})` : ''} to the link.`,
  );
}

function archivedMessage(
  answer: LinkAnswer,
  headers: Record<string, string | undefined>,
  context: LinkContext,
): string {
  const tier = answer.accessTier ?? headers['x-amz-archive-status'];
  const storageClass = answer.storageClass ?? headers['x-amz-storage-class'];
  const where = tier
    ? `in the Intelligent-Tiering ${tier === 'DEEP_ARCHIVE_ACCESS' ? 'Deep Archive Access' : 'Archive Access'} tier`
    : storageClass
      ? `in ${printable(storageClass)} storage`
      : 'archived';
  const restore = parseRestore(headers['x-amz-restore']) ?? context.restore;
  if (restore?.ongoing) {
    return `The object is ${where} and its restore is still in progress: the link works only once the restore completes, and until the restored copy expires.`;
  }
  if (restore?.expiresAt) {
    return `The object is ${where}; its restored copy expires at ${formatUtc(restore.expiresAt)}: the link works only until then.`;
  }
  return `The object is ${where} and not restored: the link works only after a restore (aws s3api restore-object), and only until the restored copy expires.`;
}

function kmsKeyIdOf(message: string): string | undefined {
  return /arn:aws[\w-]*:kms:[^\s"']+:key\/[\w-]+/.exec(message)?.[0];
}
