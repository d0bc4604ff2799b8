import * as crypto from 'node:crypto';
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
  port?: number | undefined;
  path: string;
  query: Record<string, string>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const MAX_EXPIRES_IN = 7 * 24 * 3600;
const SIGNATURE = 'X-Amz-Signature';

/** A query parameter, key and value URI-escaped; `value` undefined marks where the signature goes. */
type Pair = readonly [key: string, value: string | undefined];

/** The query around the signature: the signed form (without it), and the URL's text before and after its value. */
interface SplitQuery {
  signed: string;
  head: string;
  tail: string;
}

/**
 * SigV4 query-string authentication for S3 ("Authenticating Requests: Using Query Parameters"),
 * signing synchronously: the date, scope, signing key and the escaped, sorted fixed parameters
 * are computed once, then each URL costs one SHA-256, one HMAC and a few string joins. The SDK's
 * presigner does the same work through a chain of promises and request copies per URL, which a
 * list of 10,000 links feels. The output is the SDK presigner's, byte for byte
 * (test/unit/presign-equivalence.test.ts): query keys in order, `host` the one signed header,
 * the payload UNSIGNED-PAYLOAD left implicit, the path signed as given (S3 does not normalize it).
 */
export class QuerySigner {
  private readonly prefix: string;
  private readonly signingKey: Buffer;
  private readonly fixed: readonly Pair[];
  private readonly fixedNames: ReadonlySet<string>;
  /** The query of a request with no parameters of its own (most links). */
  private readonly fixedOnly: SplitQuery;

  constructor(
    credentials: SigningCredentials,
    region: string,
    signingDate: Date,
    expiresInSeconds: number,
    service = 's3',
  ) {
    if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_EXPIRES_IN) {
      throw new Error(`a presigned URL lasts 1 s to 7 days, not ${expiresInSeconds} s`);
    }
    const longDate = signingDate
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z')
      .replace(/[-:]/g, '');
    const shortDate = longDate.slice(0, 8);
    const scope = `${shortDate}/${region}/${service}/aws4_request`;
    this.prefix = `${ALGORITHM}\n${longDate}\n${scope}\n`;
    let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, shortDate);
    for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
    this.signingKey = key;
    const fixed: Record<string, string> = {
      'X-Amz-Algorithm': ALGORITHM,
      'X-Amz-Credential': `${credentials.accessKeyId}/${scope}`,
      'X-Amz-Date': longDate,
      'X-Amz-Expires': String(expiresInSeconds),
      ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}),
      'X-Amz-SignedHeaders': 'host',
    };
    this.fixedNames = new Set([...Object.keys(fixed), SIGNATURE]);
    this.fixed = sorted([...escaped(fixed), [SIGNATURE, undefined]]);
    this.fixedOnly = split(this.fixed);
  }

  sign(request: QueryRequest): string {
    const host = request.port === undefined ? request.hostname : `${request.hostname}:${request.port}`;
    const query = this.queryOf(request.query);
    const canonicalRequest = `${request.method}\n${request.path}\n${query.signed}\nhost:${host}\n\nhost\n${UNSIGNED_PAYLOAD}`;
    const signature = crypto
      .createHmac('sha256', this.signingKey)
      .update(`${this.prefix}${sha256Hex(canonicalRequest)}`, 'utf8')
      .digest('hex');
    return `${request.protocol}//${host}${request.path}?${query.head}${signature}${query.tail}`;
  }

  /** The fixed parameters merged with the request's own (a fixed name, or the signature's, wins over the request's). */
  private queryOf(query: Record<string, string>): SplitQuery {
    const own: Record<string, string> = {};
    let any = false;
    for (const name in query) {
      if (this.fixedNames.has(name)) continue;
      own[name] = query[name] as string;
      any = true;
    }
    return any ? split(sorted([...this.fixed, ...escaped(own)])) : this.fixedOnly;
  }
}

// One call instead of a Hash object per link. `crypto.hash` came in Node.js 20.12 and 21.7 (read
// through the namespace: a named import of it would fail to load on an older Node.js).
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

function hmac(key: string | Buffer, data: string): Buffer {
  return crypto.createHmac('sha256', key).update(data, 'utf8').digest();
}

function escaped(query: Record<string, string>): Pair[] {
  return Object.keys(query).map((key) => [escapeUri(key), escapeUri(query[key] as string)] as const);
}

/** Sorted by escaped key, as SigV4's canonical query and the SDK's URL both have them. */
function sorted(pairs: Pair[]): Pair[] {
  return pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function split(pairs: readonly Pair[]): SplitQuery {
  const at = pairs.findIndex(([, value]) => value === undefined);
  const join = (part: readonly Pair[]) => part.map(([key, value]) => `${key}=${value}`).join('&');
  const before = join(pairs.slice(0, at));
  const after = join(pairs.slice(at + 1));
  return {
    signed: before && after ? `${before}&${after}` : before || after,
    head: `${before ? `${before}&` : ''}${SIGNATURE}=`,
    tail: after ? `&${after}` : '',
  };
}
