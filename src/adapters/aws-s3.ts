import {
  GetBucketLocationCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ENVIRONMENT_PROFILE, FALLBACK_REGION } from '../core/connection.js';
import { attachmentDisposition } from '../core/content-disposition.js';
import { effectiveExpiry } from '../core/expiry.js';
import { DELIMITER } from '../core/listing.js';
import { redactUrl } from '../core/redact.js';
import type {
  Bucket,
  Clock,
  Connection,
  ListPage,
  ObjectSummary,
  PresignedUrl,
  PresignRequest,
  S3Connector,
  S3Session,
} from '../core/ports.js';
import { describeAwsError } from './aws-errors.js';

export interface S3AdapterOptions {
  clock: Clock;
  /** Per-request timeout; the SDK retries within `maxAttempts`. */
  timeoutMs?: number;
  /** Asks the person for an MFA code when a role needs one (`mfa_serial`). */
  mfaCode?: (serial: string) => Promise<string>;
  /** --debug: one line per request, with every secret redacted. */
  debug?: (line: string) => void;
  /** Replaces the HTTP layer (tests answer S3 requests from memory). */
  requestHandler?: S3ClientConfig['requestHandler'];
}

type CredentialProvider = ReturnType<typeof fromIni>;

const DEFAULT_TIMEOUT_MS = 10_000;

/** No connection at all: the answer is not "no region header", it is "no answer". */
function isNetworkFailure(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(code);
}

/** The only module that talks to the AWS SDK. */
export function createS3Connector(options: S3AdapterOptions): S3Connector {
  return { connect: (connection) => new SdkSession(connection, options) };
}

class SdkSession implements S3Session {
  readonly region: string;
  private readonly credentials: CredentialProvider;
  private readonly clients = new Map<string, S3Client>();
  /** Each bucket's region, learned once per session. */
  private readonly bucketRegions = new Map<string, Promise<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly options: S3AdapterOptions,
  ) {
    this.region = connection.region ?? FALLBACK_REGION;
    // One provider for every regional client: credentials (and an MFA prompt) are resolved once.
    this.credentials =
      connection.profile === ENVIRONMENT_PROFILE
        ? fromEnv()
        : fromIni({
            profile: connection.profile,
            ignoreCache: true,
            ...(options.mfaCode ? { mfaCodeProvider: options.mfaCode } : {}),
          });
  }

  async listBuckets(): Promise<Bucket[]> {
    return this.call(async (abortSignal) => {
      const buckets: Bucket[] = [];
      let token: string | undefined;
      do {
        const page = await this.client(this.region).send(new ListBucketsCommand({ ContinuationToken: token }), {
          abortSignal,
        });
        for (const bucket of page.Buckets ?? []) {
          if (!bucket.Name) continue;
          if (bucket.BucketRegion) this.bucketRegions.set(bucket.Name, Promise.resolve(bucket.BucketRegion));
          buckets.push({
            name: bucket.Name,
            ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
            ...(bucket.CreationDate ? { createdAt: bucket.CreationDate } : {}),
          });
        }
        token = page.ContinuationToken;
      } while (token);
      return buckets;
    });
  }

  /**
   * Where the bucket lives: ListBuckets' BucketRegion when it came with the list, else
   * HeadBucket's x-amz-bucket-region (sent on its 301 and 403 answers too), else
   * GetBucketLocation, else the session's own region.
   */
  bucketRegion(bucket: string): Promise<string> {
    return this.call((abortSignal) => this.regionOf(bucket, abortSignal));
  }

  private regionOf(bucket: string, abortSignal: AbortSignal): Promise<string> {
    let region = this.bucketRegions.get(bucket);
    if (!region) {
      region = this.lookUpRegion(bucket, abortSignal);
      this.bucketRegions.set(bucket, region);
      // A lookup cut short (no answer, no network) is not an answer: ask again next time.
      region.catch(() => this.bucketRegions.delete(bucket));
    }
    return region;
  }

  private async lookUpRegion(bucket: string, abortSignal: AbortSignal): Promise<string> {
    const client = this.client(this.region);
    try {
      const head = await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal });
      if (head.BucketRegion) return head.BucketRegion;
    } catch (error) {
      if (abortSignal.aborted || isNetworkFailure(error)) throw error;
      const header = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.[
        'x-amz-bucket-region'
      ];
      if (header) return header;
    }
    try {
      const location = await client.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal });
      return regionOfLocation(location.LocationConstraint);
    } catch (error) {
      if (abortSignal.aborted || isNetworkFailure(error)) throw error;
      return this.region;
    }
  }

  async listPage(bucket: string, prefix: string, continuationToken?: string): Promise<ListPage> {
    return this.call(async (abortSignal) => {
      const client = this.client(await this.regionOf(bucket, abortSignal));
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix || undefined,
          Delimiter: DELIMITER,
          ContinuationToken: continuationToken,
        }),
        { abortSignal },
      );
      return {
        folders: (page.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])),
        objects: (page.Contents ?? []).flatMap((o) =>
          o.Key === undefined
            ? []
            : [{ key: o.Key, size: o.Size ?? 0, ...(o.LastModified ? { lastModified: o.LastModified } : {}) }],
        ),
        ...(page.IsTruncated && page.NextContinuationToken ? { nextToken: page.NextContinuationToken } : {}),
      };
    });
  }

  async headObject(bucket: string, key: string): Promise<ObjectSummary> {
    return this.call(async (abortSignal) => {
      const client = this.client(await this.regionOf(bucket, abortSignal));
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal });
      return { key, size: head.ContentLength ?? 0, ...(head.LastModified ? { lastModified: head.LastModified } : {}) };
    });
  }

  /** When the credentials that would sign now stop working; undefined for long-term keys. */
  async credentialsExpireAt(): Promise<Date | undefined> {
    return this.call(async () => (await this.credentials()).expiration);
  }

  async presign(request: PresignRequest): Promise<PresignedUrl> {
    const method = request.method ?? 'GET';
    return this.call(async (abortSignal) => {
      const region = request.bucketRegion ?? (await this.regionOf(request.bucket, abortSignal));
      const credentialsExpireAt = (await this.credentials()).expiration;
      const signedAt = this.options.clock.now();
      const input = { Bucket: request.bucket, Key: request.key };
      const command =
        method === 'PUT'
          ? new PutObjectCommand(input)
          : new GetObjectCommand({
              ...input,
              ...(request.downloadName ? { ResponseContentDisposition: attachmentDisposition(request.downloadName) } : {}),
            });
      // Sign exactly what the AWS CLI signs: no informational `x-id` parameter, and the
      // UNSIGNED-PAYLOAD default of query authentication left implicit.
      (command.middlewareStack as unknown as MiddlewareStack).add(dropOperationId, {
        step: 'build',
        name: 'dropOperationIdFromPresignedUrl',
      });
      const url = await getSignedUrl(this.client(region), command, {
        expiresIn: request.expiresInSeconds,
        signingDate: signedAt,
        unhoistableHeaders: new Set(['x-amz-content-sha256']),
        unsignableHeaders: new Set(['x-amz-content-sha256']),
      });
      this.options.debug?.(`presigned ${method} for ${region}: ${redactUrl(url)}`);
      const requestedExpiresAt = new Date(signedAt.getTime() + request.expiresInSeconds * 1000);
      return {
        url,
        method,
        bucket: request.bucket,
        key: request.key,
        region,
        expiresInSeconds: request.expiresInSeconds,
        signedAt,
        requestedExpiresAt,
        expiresAt: effectiveExpiry(requestedExpiresAt, credentialsExpireAt),
        ...(credentialsExpireAt ? { credentialsExpireAt } : {}),
      };
    });
  }

  /** One client per region: a URL signed for the wrong region is refused by S3. */
  private client(region: string): S3Client {
    let client = this.clients.get(region);
    if (!client) {
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const { endpointUrl, pathStyle, profile } = this.connection;
      client = new S3Client({
        region,
        credentials: this.credentials,
        ...(profile !== ENVIRONMENT_PROFILE ? { profile } : {}),
        ...(endpointUrl ? { endpoint: endpointUrl } : {}),
        forcePathStyle: pathStyle === true,
        // us-east-1 at s3.amazonaws.com, as the AWS CLI and the S3 documentation sign it.
        useGlobalEndpoint: true,
        // Without these the SDK adds checksum parameters to presigned URLs, which several
        // S3-compatible stores then refuse.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: 3,
        requestHandler: this.options.requestHandler ?? {
          connectionTimeout: timeoutMs,
          requestTimeout: timeoutMs,
          throwOnRequestTimeout: true,
        },
      });
      const { debug } = this.options;
      if (debug) {
        (client.middlewareStack as unknown as DebugStack).add(logRequests(debug), {
          step: 'finalizeRequest',
          name: 'debugLog',
        });
      }
      this.clients.set(region, client);
    }
    return client;
  }

  /**
   * Runs one port call within the timeout, retries included, so a server that accepts and never
   * answers ends in an error instead of a spinner forever.
   */
  private async call<T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const abortSignal = AbortSignal.timeout(timeoutMs);
    try {
      return await work(abortSignal);
    } catch (error) {
      if (abortSignal.aborted) {
        const target = this.connection.endpointUrl ?? 'S3';
        throw new Error(`No answer from ${target} in ${timeoutMs / 1000} s (--timeout).`);
      }
      throw new Error(
        describeAwsError(error, { endpoint: this.connection.endpointUrl, profile: this.connection.profile }),
      );
    }
  }
}

type Handler = (args: { request: { query?: Record<string, unknown> } }) => Promise<unknown>;
interface MiddlewareStack {
  add(middleware: (next: Handler) => Handler, options: { step: 'build'; name: string }): void;
}

const dropOperationId = (next: Handler): Handler => async (args) => {
  delete args.request.query?.['x-id'];
  return next(args);
};

interface LoggedRequest {
  method?: string;
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
  query?: Record<string, unknown>;
}
type DebugHandler = (args: { request: LoggedRequest }) => Promise<{ response?: { statusCode?: number } }>;
interface DebugStack {
  add(middleware: (next: DebugHandler) => DebugHandler, options: { step: 'finalizeRequest'; name: string }): void;
}

function logRequests(debug: (line: string) => void) {
  return (next: DebugHandler): DebugHandler =>
    async (args) => {
      const { method, protocol, hostname, port, path, query } = args.request;
      const search = new URLSearchParams(
        Object.entries(query ?? {}).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
      ).toString();
      const target = redactUrl(`${protocol}//${hostname}${port ? `:${port}` : ''}${path}${search ? `?${search}` : ''}`);
      const started = Date.now();
      try {
        const result = await next(args);
        debug(`${method} ${target} → ${result.response?.statusCode ?? '?'} (${Date.now() - started} ms)`);
        return result;
      } catch (error) {
        debug(`${method} ${target} → ${(error as Error).name} (${Date.now() - started} ms)`);
        throw error;
      }
    };
}

/** GetBucketLocation's answer as a region name: empty means us-east-1, "EU" is eu-west-1. */
export function regionOfLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
