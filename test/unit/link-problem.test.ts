import { describe, expect, it } from 'vitest';
import { classifyLinkAnswer, proves, type LinkAnswer, type LinkContext } from '../../src/core/link-problem.js';

const context: LinkContext = { profile: 'prod', signedRegion: 'us-east-1' };
const KMS_ARN = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('answers that prove a link', () => {
  it.each([200, 206, 416])('HTTP %i proves it', (status) => {
    expect(proves(status)).toBe(true);
    expect(classifyLinkAnswer({ status }, context)).toBeUndefined();
  });

  it('HeadBucket 200 proves the bucket of an upload link', () => {
    expect(classifyLinkAnswer({ status: 200 }, { ...context, scope: 'bucket' })).toBeUndefined();
  });
});

/** [what, answer, extra context, code, words the message must hold] */
const cases: [string, LinkAnswer, LinkContext, string, RegExp[]][] = [
  [
    'SSE-C: the link answers 400 InvalidArgument',
    {
      status: 400,
      code: 'InvalidArgument',
      message:
        'Requests specifying Server Side Encryption with Customer provided keys must provide a valid encryption algorithm.',
    },
    {},
    'sse-c',
    [/customer-provided key \(SSE-C\)/, /x-amz-server-side-encryption-customer-\*/],
  ],
  ['SSE-C: HeadObject answers a bare 400', { status: 400 }, {}, 'sse-c', [/SSE-C/]],
  [
    'GLACIER, not restored',
    {
      status: 403,
      code: 'InvalidObjectState',
      message: "The operation is not valid for the object's storage class",
      headers: { 'x-amz-storage-class': 'GLACIER' },
    },
    {},
    'archived',
    [/in GLACIER storage and not restored/, /only after a restore/],
  ],
  [
    'DEEP_ARCHIVE from the error document, restore in progress',
    {
      status: 403,
      code: 'InvalidObjectState',
      storageClass: 'DEEP_ARCHIVE',
      headers: { 'x-amz-restore': 'ongoing-request="true"' },
    },
    {},
    'archived',
    [/DEEP_ARCHIVE storage/, /restore is still in progress/],
  ],
  [
    'Intelligent-Tiering archive tier',
    { status: 403, code: 'InvalidObjectState', storageClass: 'INTELLIGENT_TIERING', accessTier: 'ARCHIVE_ACCESS' },
    {},
    'archived',
    [/Intelligent-Tiering Archive Access tier/],
  ],
  [
    'archived, restored copy about to expire',
    { status: 403, code: 'InvalidObjectState', headers: { 'x-amz-storage-class': 'GLACIER' } },
    { restore: { ongoing: false, expiresAt: new Date('2026-12-01T00:00:00Z') } },
    'archived',
    [/expires at .*2026-12-01T00:00:00Z/],
  ],
  [
    'KMS: kms:Decrypt denied, key id in the message',
    {
      status: 403,
      code: 'AccessDenied',
      message: `User: arn:aws:iam::111122223333:user/sharer is not authorized to perform: kms:Decrypt on resource: ${KMS_ARN} because no identity-based policy allows the kms:Decrypt action`,
    },
    {},
    'kms-denied',
    [new RegExp(`KMS key ${KMS_ARN}`), /profile “prod” may not use/, /kms:Decrypt/],
  ],
  [
    'KMS: key id known from HeadObject only',
    { status: 403, code: 'KMS.DisabledException', message: 'arn is disabled' },
    { kmsKeyId: 'alias/finance' },
    'kms-denied',
    [/KMS key alias\/finance/],
  ],
  [
    'Requester Pays',
    {
      status: 403,
      code: 'AccessDenied',
      message: 'Bucket is a Requester Pays bucket: requests must include x-amz-request-payer',
    },
    {},
    'requester-pays',
    [/Requester Pays/, /--request-payer/, /profile “prod” is charged/],
  ],
  [
    'object gone',
    { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' },
    {},
    'object-gone',
    [/does not exist/, /404/],
  ],
  [
    'object gone: a delete marker',
    { status: 404, code: 'NoSuchKey', headers: { 'x-amz-delete-marker': 'true' } },
    {},
    'object-gone',
    [/delete marker/],
  ],
  ['bucket gone', { status: 404, code: 'NoSuchBucket' }, {}, 'bucket-gone', [/bucket does not exist/]],
  ['bucket of an upload link gone (HEAD: no body)', { status: 404 }, { scope: 'bucket' }, 'bucket-gone', [/bucket/]],
  [
    'clock skew: RGW answers an empty AccessDenied to a link dated 3 h back',
    { status: 403, code: 'AccessDenied' },
    { clockOffsetMs: 3 * 3600_000 },
    'clock-skew',
    [/your clock is 3 h 0 m behind S3's/, /set the system clock/],
  ],
  ['clock skew: RequestTimeTooSkewed', { status: 403, code: 'RequestTimeTooSkewed' }, {}, 'clock-skew', [/wrong time/]],
  [
    'expired link, clocks agree',
    { status: 403, code: 'AccessDenied', message: 'Request has expired' },
    {},
    'link-expired',
    [/already expired/],
  ],
  [
    'wrong region: 301 with x-amz-bucket-region',
    { status: 301, code: 'PermanentRedirect', headers: { 'x-amz-bucket-region': 'eu-west-1' } },
    {},
    'wrong-region',
    [/lives in eu-west-1, not us-east-1 where the link was signed/, /--region eu-west-1/],
  ],
  [
    'wrong region: AuthorizationHeaderMalformed',
    {
      status: 400,
      code: 'AuthorizationHeaderMalformed',
      message: "the region 'us-east-1' is wrong; expecting 'ap-south-1'",
    },
    {},
    'wrong-region',
    [/lives in ap-south-1/],
  ],
  [
    'expired session token',
    { status: 400, code: 'ExpiredToken', message: 'The provided token has expired.' },
    {},
    'credentials-expired',
    [/profile “prod” have expired/, /aws sso login --profile prod/],
  ],
  ['revoked token', { status: 400, code: 'InvalidToken' }, {}, 'credentials-expired', [/revoked/]],
  [
    'unknown access key',
    { status: 403, code: 'InvalidAccessKeyId' },
    {},
    'credentials-unknown',
    [/access key of profile “prod”/],
  ],
  [
    'wrong signature',
    { status: 403, code: 'SignatureDoesNotMatch' },
    {},
    'signature-mismatch',
    [/secret key of profile “prod”/],
  ],
  [
    'access denied',
    { status: 403, code: 'AccessDenied', message: 'Access Denied' },
    {},
    'access-denied',
    [/profile “prod” may not read this object/, /s3:GetObject/, /--request-payer/],
  ],
  [
    'access denied to the bucket of an upload link',
    { status: 403 },
    { scope: 'bucket' },
    'access-denied',
    [/may not see this bucket/],
  ],
  [
    '503 SlowDown',
    { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
    {},
    'server-error',
    [/HTTP 503 \(SlowDown: Please reduce/],
  ],
  ['an answer never seen before', { status: 409, code: 'Odd' }, {}, 'unexpected', [/HTTP 409 \(Odd\)/]],
];

describe('the problem classifier', () => {
  it.each(cases)('%s', (_what, answer, extra, code, words) => {
    const problem = classifyLinkAnswer(answer, { ...context, ...extra });
    expect(problem?.code).toBe(code);
    for (const word of words) expect(problem?.message).toMatch(word);
    expect(problem?.message).not.toContain('\n');
  });

  it('does not suggest --request-payer again when the link already carries it', () => {
    const answer = { status: 403, code: 'AccessDenied', message: 'Bucket is a Requester Pays bucket' };
    expect(classifyLinkAnswer(answer, { ...context, requestPayer: true })?.code).toBe('access-denied');
  });

  it('shows control characters in a server message escaped', () => {
    const problem = classifyLinkAnswer({ status: 409, code: 'Odd', message: 'bad\u001b[31mred' }, context);
    expect(problem?.message).not.toContain('\u001b');
  });
});
