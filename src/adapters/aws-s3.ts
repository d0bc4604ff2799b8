import {
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { ServerTime } from '../core/clock-offset.js';
import { ENVIRONMENT_PROFILE, FALLBACK_REGION } from '../core/connection.js';
import { classifyLinkAnswer } from '../core/link-problem.js';
import { MAX_REGION_LOOKUPS } from '../core/limits.js';
import { DELIMITER } from '../core/listing.js';
import { needsRestore, parseRestore, suggestedContentType } from '../core/object-facts.js';
import { nextPage } from '../core/paging-guard.js';
import { printable } from '../core/printable.js';
import { redactUrl, redactUserinfo } from '../core/redact.js';
import { validRegion } from '../core/region.js';
import {
  S3CallError,
  type Bucket,
  type Clock,
  type Connection,
  type Encryption,
  type LinkCheck,
  type ListPage,
  type ObjectFacts,
  type ObjectSummary,
  type ObjectVersion,
  type PresignedUrl,
  type PresignOutcome,
  type PresignRequest,
  type S3Connector,
  type S3Session,
  type VersioningStatus,
  type VersionPage,
} from '../core/ports.js';
import { boundedCall, DEFAULT_TIMEOUT_MS } from './aws-errors.js';
import { createSigner, type Signer } from './aws-presign.js';
import { limitResponseBodies, type BodyLimitStack } from './body-limit.js';
import { concurrencyLimit } from '../core/concurrency-limit.js';
import { presignAll } from './presign-all.js';
import { checkGetLink, contextOf, linkCheckOf } from './link-check.js';
import { noRegionCache, type RegionCache } from './region-cache.js';

export interface S3AdapterOptions {
  clock: Clock;
  /** Per-request timeout; the SDK retries within `maxAttempts`. */
  timeoutMs?: number;
  /** Asks the person for an MFA code when a role needs one (`mfa_serial`). */
  mfaCode?: (serial: string) => Promise<string>;
  /** --debug: one line per request, with every secret redacted. */
  debug?: (line: string) => void;
  /** Something the person should know that is not an error (e.g. credentials whose expiry is not a date). */
  notice?: (line: string) => void;
  /** Bucket regions remembered between runs (default: none). */
  regionCache?: RegionCache;
  /** Replaces the HTTP layer (tests answer S3 requests from memory). */
  requestHandler?: S3ClientConfig['requestHandler'];
}

/** No connection at all: the answer is not "no region header", it is "no answer". */
function isNetworkFailure(error: unknown): boolean {
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EPIPE)$/.test(code);
}

/** The only module that talks to the AWS SDK. */
export function createS3Connector(options: S3AdapterOptions): S3Connector & {
  /** Connects with a signer already made (it holds the credentials, resolved once) and its view of S3's time. */
  connectWith(connection: Connection, signer: Signer, serverTime: ServerTime): S3Session;
} {
  return {
    connect: (connection) => {
      const serverTime = new ServerTime(options.clock);
      return new SdkSession(connection, options, createSigner(connection, { ...options, serverTime }), serverTime);
    },
    connectWith: (connection, signer, serverTime) => new SdkSession(connection, options, signer, serverTime),
  };
}

class SdkSession implements S3Session {
  readonly region: string;
  private readonly clients = new Map<string, S3Client>();
  /** Each bucket's region, learned once per session. */
  private readonly bucketRegions = new Map<string, Promise<string>>();
  /** Buckets whose region came from an earlier run: a failed request there makes it suspect. */
  private readonly remembered = new Set<string>();
  private readonly regionCache: RegionCache;
  private readonly regionLookups = concurrencyLimit(MAX_REGION_LOOKUPS);

  constructor(
    private readonly connection: Connection,
    private readonly options: S3AdapterOptions,
    private readonly signer: Signer,
    private readonly serverTime: ServerTime,
  ) {
    this.region = connection.region ?? FALLBACK_REGION;
    this.regionCache = options.regionCache ?? noRegionCache;
  }

  async listBuckets(): Promise<Bucket[]> {
    return this.call(async (abortSignal) => {
      const buckets: Bucket[] = [];
      const names = new Set<string>();
      const tokensSent = new Set<string>();
      let token: string | undefined;
      do {
        const page = await this.client(this.region).send(new ListBucketsCommand({ ContinuationToken: token }), {
          abortSignal,
        });
        let newEntries = 0;
        for (const bucket of page.Buckets ?? []) {
          if (!bucket.Name || names.has(bucket.Name)) continue;
          names.add(bucket.Name);
          newEntries += 1;
          const region = validRegion(bucket.BucketRegion);
          if (region) this.learnRegion(bucket.Name, region);
          buckets.push({
            name: bucket.Name,
            ...(region ? { region } : {}),
            ...(bucket.CreationDate ? { createdAt: bucket.CreationDate } : {}),
          });
        }
        const verdict = nextPage(tokensSent, { nextToken: page.ContinuationToken, newEntries });
        if (verdict.kind === 'repeat') throw new S3CallError(verdict.message);
        token = verdict.kind === 'next' ? verdict.token : undefined;
        if (token) tokensSent.add(token);
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
      const remembered = this.regionCache.get(this.connection.endpointUrl, bucket);
      if (remembered) {
        this.remembered.add(bucket);
        region = Promise.resolve(remembered);
      } else {
        region = this.regionLookups(() => this.lookUpRegion(bucket, abortSignal));
        // A lookup cut short (no answer, no network) is not an answer: ask again next time.
        region.catch(() => this.bucketRegions.delete(bucket));
      }
      this.bucketRegions.set(bucket, region);
    }
    return region;
  }

  private learnRegion(bucket: string, region: string): string {
    this.remembered.delete(bucket);
    this.bucketRegions.set(bucket, Promise.resolve(region));
    this.regionCache.set(this.connection.endpointUrl, bucket, region);
    return region;
  }

  /**
   * A request to a bucket failed: if its region came from an earlier run, it may be why (S3 answers
   * a wrong region with 301 or 400), so look it up afresh next time. A missing key (404) says
   * nothing about the region.
   */
  private doubtRegion(bucket: string, error: unknown): boolean {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    if (!this.remembered.delete(bucket)) return false;
    this.regionCache.forget(this.connection.endpointUrl, bucket);
    this.bucketRegions.delete(bucket);
    return true;
  }

  private async lookUpRegion(bucket: string, abortSignal: AbortSignal): Promise<string> {
    const client = this.client(this.region);
    try {
      const head = await client.send(new HeadBucketCommand({ Bucket: bucket }), { abortSignal });
      const region = validRegion(head.BucketRegion);
      if (region) return this.learnRegion(bucket, region);
    } catch (error) {
      if (abortSignal.aborted || isNetworkFailure(error)) throw error;
      const header = (error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.[
        'x-amz-bucket-region'
      ];
      const region = validRegion(header);
      if (region) return this.learnRegion(bucket, region);
    }
    try {
      const location = await client.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal });
      const region = validRegion(regionOfLocation(location.LocationConstraint));
      // Not a region name: a guess for this session, never remembered.
      return region ? this.learnRegion(bucket, region) : this.region;
    } catch (error) {
      if (abortSignal.aborted || isNetworkFailure(error)) throw error;
      // A guess, not an answer: used for this session, never remembered.
      return this.region;
    }
  }

  async listPage(bucket: string, prefix: string, continuationToken?: string, maxKeys?: number): Promise<ListPage> {
    return this.listObjects(bucket, prefix, DELIMITER, continuationToken, maxKeys);
  }

  async listPageRecursive(
    bucket: string,
    prefix: string,
    continuationToken?: string,
    maxKeys?: number,
  ): Promise<ListPage> {
    return this.listObjects(bucket, prefix, undefined, continuationToken, maxKeys);
  }

  private async listObjects(
    bucket: string,
    prefix: string,
    delimiter: string | undefined,
    continuationToken?: string,
    maxKeys?: number,
  ): Promise<ListPage> {
    return this.onBucket(bucket, async (client, abortSignal) => {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix || undefined,
          Delimiter: delimiter,
          ContinuationToken: continuationToken,
          MaxKeys: maxKeys,
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

  /**
   * ListObjectVersions with the key as prefix, keeping only that key (not "key.bak" or "key/…",
   * which share the prefix). S3 lists versions and delete markers apart, each newest first; they
   * are merged by date. A page ending past the key ends the listing.
   */
  async listVersions(bucket: string, key: string, token?: string): Promise<VersionPage> {
    const [keyMarker, versionIdMarker] = token === undefined ? [] : parseVersionToken(token);
    return this.onBucket(bucket, async (client, abortSignal) => {
      const page = await client.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: key,
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
        }),
        { abortSignal },
      );
      const versions: ObjectVersion[] = [];
      for (const v of page.Versions ?? []) {
        if (v.Key !== key || !v.VersionId) continue;
        versions.push({
          key,
          versionId: v.VersionId,
          isLatest: v.IsLatest === true,
          deleteMarker: false,
          size: v.Size ?? 0,
          ...(v.LastModified ? { lastModified: v.LastModified } : {}),
        });
      }
      for (const m of page.DeleteMarkers ?? []) {
        if (m.Key !== key || !m.VersionId) continue;
        versions.push({
          key,
          versionId: m.VersionId,
          isLatest: m.IsLatest === true,
          deleteMarker: true,
          ...(m.LastModified ? { lastModified: m.LastModified } : {}),
        });
      }
      versions.sort(newestFirst);
      const more = page.IsTruncated === true && page.NextKeyMarker === key;
      return {
        versions,
        ...(more ? { nextToken: JSON.stringify([page.NextKeyMarker, page.NextVersionIdMarker ?? '']) } : {}),
      };
    });
  }

  async versioningStatus(bucket: string): Promise<VersioningStatus> {
    return this.onBucket(bucket, async (client, abortSignal) => {
      const answer = await client.send(new GetBucketVersioningCommand({ Bucket: bucket }), { abortSignal });
      if (answer.Status === 'Enabled') return 'enabled';
      if (answer.Status === 'Suspended') return 'suspended';
      return 'off';
    });
  }

  async headObject(bucket: string, key: string, versionId?: string): Promise<ObjectSummary> {
    return this.onBucket(bucket, async (client, abortSignal) => {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }), {
        abortSignal,
      });
      return { key, size: head.ContentLength ?? 0, ...(head.LastModified ? { lastModified: head.LastModified } : {}) };
    });
  }

  /** HeadObject, read into what a recipient would get; an SSE-C object answers a bare 400 without its key. */
  async describeObject(bucket: string, key: string): Promise<ObjectFacts> {
    return this.onBucket(bucket, async (client, abortSignal) => {
      let head;
      try {
        head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal });
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 400) throw error;
        const problem = classifyLinkAnswer({ status: 400 }, { profile: this.connection.profile });
        return { bucket, key, storageClass: 'STANDARD', encryption: 'SSE-C', ...(problem ? { problem } : {}) };
      }
      const storageClass = head.StorageClass ?? 'STANDARD';
      const restore = parseRestore(head.Restore);
      const archiveStatus = head.ArchiveStatus;
      const suggested = suggestedContentType(key, head.ContentType);
      const problem = needsRestore(storageClass, archiveStatus, restore)
        ? classifyLinkAnswer(
            {
              status: 403,
              code: 'InvalidObjectState',
              headers: {
                'x-amz-storage-class': storageClass,
                ...(head.Restore ? { 'x-amz-restore': head.Restore } : {}),
                ...(archiveStatus ? { 'x-amz-archive-status': archiveStatus } : {}),
              },
            },
            { profile: this.connection.profile },
          )
        : undefined;
      return {
        bucket,
        key,
        storageClass,
        encryption: encryptionOf(head.ServerSideEncryption, head.SSECustomerAlgorithm),
        ...(head.ContentLength !== undefined ? { size: head.ContentLength } : {}),
        ...(head.ContentType ? { contentType: head.ContentType } : {}),
        ...(head.LastModified ? { lastModified: head.LastModified } : {}),
        ...(archiveStatus ? { archiveStatus } : {}),
        ...(head.SSEKMSKeyId ? { kmsKeyId: head.SSEKMSKeyId } : {}),
        ...(restore ? { restore } : {}),
        ...(head.VersionId ? { versionId: head.VersionId } : {}),
        ...(suggested ? { suggestedContentType: suggested } : {}),
        ...(problem ? { problem } : {}),
      };
    });
  }

  /**
   * GET links: the link itself is fetched. PUT links cannot be tried without writing: HeadBucket
   * in the link's region proves the bucket exists and the signer can see it.
   */
  async checkLink(presigned: PresignedUrl): Promise<LinkCheck> {
    if (presigned.method === 'GET') return checkGetLink(presigned, this.connection, this.serverTime, this.options);
    return this.call(async (abortSignal) => {
      try {
        await this.client(presigned.region).send(new HeadBucketCommand({ Bucket: presigned.bucket }), { abortSignal });
        return linkCheckOf('bucket', { status: 200 }, contextOf(presigned, this.connection, this.serverTime));
      } catch (error) {
        if (abortSignal.aborted || isNetworkFailure(error)) throw error;
        const e = error as {
          $metadata?: { httpStatusCode?: number };
          $response?: { headers?: Record<string, string> };
        };
        const status = e.$metadata?.httpStatusCode;
        if (status === undefined) throw error;
        const answer = { status, headers: e.$response?.headers ?? {} };
        return linkCheckOf('bucket', answer, contextOf(presigned, this.connection, this.serverTime));
      }
    });
  }

  clockOffsetMs(): number | undefined {
    return this.serverTime.offsetMs;
  }

  /** When the credentials that would sign now stop working; undefined for long-term keys. */
  async credentialsExpireAt(): Promise<Date | undefined> {
    return this.call(async () => (await this.signer.credentials()).expiration);
  }

  async presign(request: PresignRequest): Promise<PresignedUrl> {
    return this.call(async (abortSignal) => {
      const region = request.bucketRegion ?? (await this.regionOf(request.bucket, abortSignal));
      return this.signer.presign(request, region);
    });
  }

  async presignAll(requests: readonly PresignRequest[]): Promise<PresignOutcome[]> {
    return this.call((abortSignal) =>
      presignAll(requests, {
        regionOf: (bucket) => this.regionOf(bucket, abortSignal),
        prepare: (region) => this.signer.prepare(region),
      }),
    );
  }

  /** One client per region: a URL signed for the wrong region is refused by S3. */
  private client(region: string): S3Client {
    let client = this.clients.get(region);
    if (!client) {
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const { endpointUrl, pathStyle, profile } = this.connection;
      client = new S3Client({
        region,
        // One provider for every regional client: credentials (and an MFA prompt) are resolved once.
        credentials: this.signer.credentials,
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
      // Every answer's Date header says what time S3 thinks it is.
      (client.middlewareStack as unknown as DebugStack).add(learnServerTime(this.serverTime), {
        step: 'finalizeRequest',
        name: 'learnServerTime',
      });
      limitResponseBodies(client.middlewareStack as unknown as BodyLimitStack);
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

  private call<T>(work: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return boundedCall(this.connection, this.options.timeoutMs, work);
  }

  /**
   * A request to a bucket, sent to its region. When that region came from an earlier run and the
   * request fails in a way a wrong region would (not a 404), the region is looked up afresh and
   * the request sent once more, so a stale entry costs a lookup, never a failure.
   */
  private onBucket<T>(bucket: string, send: (client: S3Client, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return this.call(async (abortSignal) => {
      const region = await this.regionOf(bucket, abortSignal);
      try {
        return await send(this.client(region), abortSignal);
      } catch (error) {
        if (abortSignal.aborted || !this.doubtRegion(bucket, error)) throw error;
        const fresh = await this.regionOf(bucket, abortSignal);
        if (fresh === region) throw error;
        return send(this.client(fresh), abortSignal);
      }
    });
  }
}

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
      const target = printable(
        redactUserinfo(
          redactUrl(`${protocol}//${hostname}${port ? `:${port}` : ''}${path}${search ? `?${search}` : ''}`),
        ),
      );
      const started = Date.now();
      try {
        const result = await next(args);
        debug(`${method} ${target} → ${result.response?.statusCode ?? '?'} (${Date.now() - started} ms)`);
        return result;
      } catch (error) {
        // The error's name is the server's <Code>: text from outside, escaped like any other.
        debug(printable(`${method} ${target} → ${(error as Error).name} (${Date.now() - started} ms)`));
        throw error;
      }
    };
}

/** Delete markers and versions of one key by date, newest first; the latest first on a tie. */
function newestFirst(a: ObjectVersion, b: ObjectVersion): number {
  const byDate = (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0);
  return byDate !== 0 ? byDate : Number(b.isLatest) - Number(a.isLatest);
}

function parseVersionToken(token: string): [string, string] {
  try {
    const parsed = JSON.parse(token) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return [parsed[0] as string, parsed[1] as string];
    }
  } catch {
    // Reported below: the token did not come from listVersions.
  }
  throw new Error(`not a version listing token: ${token}`);
}

function learnServerTime(serverTime: ServerTime) {
  return (next: DebugHandler): DebugHandler =>
    async (args) => {
      try {
        const result = await next(args);
        serverTime.learn((result.response as { headers?: Record<string, string> } | undefined)?.headers?.date);
        return result;
      } catch (error) {
        serverTime.learn((error as { $response?: { headers?: Record<string, string> } }).$response?.headers?.date);
        throw error;
      }
    };
}

function encryptionOf(serverSide: string | undefined, customerAlgorithm: string | undefined): Encryption {
  if (customerAlgorithm) return 'SSE-C';
  if (serverSide === 'AES256') return 'SSE-S3';
  if (serverSide === 'aws:kms') return 'SSE-KMS';
  if (serverSide === 'aws:kms:dsse') return 'DSSE-KMS';
  return 'none';
}

/** GetBucketLocation's answer as a region name: empty means us-east-1, "EU" is eu-west-1. */
export function regionOfLocation(constraint: string | undefined | null): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
