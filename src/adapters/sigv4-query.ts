import { createHash, createHmac } from 'node:crypto';
import { escapeUri } from '@smithy/core/protocols';

/** What signs: the resolved credentials. */
export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** One request to sign: the URL's parts, its path already encoded as S3 expects it. */
export interface QueryRequest {
  method: string;
  /** `https:` or `http:`. */
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  query: Record<string, string>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MAX_EXPIRES_IN = 7 * 24 * 3600;

/**
 * SigV4 query-string authentication for S3 ("Authenticating Requests: Using Query Parameters"),
 * signing synchronously: the date, scope and signing key are computed once, then each URL costs
 * one SHA-256 and one HMAC. The SDK's presigner does the same work through a chain of promises
 * and request copies per URL (about 5× slower), which a list of 10,000 links feels. The output
 * is the SDK presigner's, byte for byte (test/unit/presign-equivalence.test.ts): query keys in
 * order, `host` the one signed header, the payload UNSIGNED-PAYLOAD left implicit, the path
 * signed as given (S3 does not normalize it).
 */
export class QuerySigner {
  private readonly longDate: string;
  private readonly scope: string;
  private readonly signingKey: Buffer;
  private readonly fixedQuery: Record<string, string>;

  constructor(
    credentials: SigningCredentials,
    region: string,
    signingDate: Date,
    private readonly expiresInSeconds: number,
    service = 's3',
  ) {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_EXPIRES_IN) {
      throw new Error(`a presigned URL lasts 1 s to 7 days, not ${expiresInSeconds} s`);
    }
    this.longDate = signingDate
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    const shortDate = this.longDate.slice(0, 8);
    this.scope = `${shortDate}/${region}/${service}/aws4_request`;
    let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, shortDate);
    for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
    this.signingKey = key;
    this.fixedQuery = {
      'X-Amz-Algorithm': ALGORITHM,
      'X-Amz-Credential': `${credentials.accessKeyId}/${this.scope}`,
      'X-Amz-Date': this.longDate,
      'X-Amz-Expires': String(expiresInSeconds),
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
      'X-Amz-SignedHeaders': 'host',
    };
  }

  sign(request: QueryRequest): string {
    const host = request.port === undefined ? request.hostname : `${request.hostname}:${request.port}`;
    const query = canonicalQuery({ ...request.query, ...this.fixedQuery });
    const canonicalRequest = `${request.method}\n${request.path}\n${query}\nhost:${host}\n\nhost\n${UNSIGNED_PAYLOAD}`;
    const hashed = createHash('sha256').update(canonicalRequest, 'utf8').digest('hex');
    const stringToSign = `${ALGORITHM}\n${this.longDate}\n${this.scope}\n${hashed}`;
    const signature = createHmac('sha256', this.signingKey).update(stringToSign, 'utf8').digest('hex');
    const withSignature = canonicalQuery({ ...request.query, ...this.fixedQuery, 'X-Amz-Signature': signature });
    return `${request.protocol}//${host}${request.path}?${withSignature}`;
  }
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Keys and values URI-escaped, sorted by key: both the signed form and the URL's own query. */
function canonicalQuery(query: Record<string, string>): string {
  return Object.keys(query)
    .map((key) => [escapeUri(key), escapeUri(query[key] as string)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
}
