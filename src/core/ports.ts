import type { MfaChannel } from './mfa-channel.js';
import type { NoticeChannel } from './notice-channel.js';
import type { RestoreStatus } from './object-facts.js';

/**
 * The app's view of the outside world. The UI and the state machine only know these shapes; the
 * adapters in src/adapters fill them with the AWS SDK, the shared config files and the clipboard,
 * and tests fill them with fakes.
 */

export type ProfileKind = 'keys' | 'sso' | 'role' | 'process' | 'environment' | 'none';

export interface Profile {
  name: string;
  region?: string;
  kind: ProfileKind;
  /** endpoint_url from the profile: plain key, `s3 =` sub-section or its `services` section. */
  endpointUrl?: string;
}

export interface ConfigFileStatus {
  path: string;
  state: 'read' | 'missing' | 'unreadable';
}

export interface ProfileDiscovery {
  profiles: Profile[];
  /** The files that were looked at, so an empty result can say where it looked. */
  files: ConfigFileStatus[];
  /** The profile named by AWS_PROFILE, preselected in the list. */
  preferred?: string;
  /** Lines the AWS tools would not understand either: "FILE line N: …". */
  problems?: string[];
}

export interface ProfileSource {
  discover(): Promise<ProfileDiscovery>;
}

export interface Bucket {
  name: string;
  region?: string;
  createdAt?: Date;
}

export interface ObjectSummary {
  key: string;
  size: number;
  lastModified?: Date;
}

export interface ListPage {
  /** Common prefixes (folders), each ending in the delimiter. */
  folders: string[];
  objects: ObjectSummary[];
  /** Continuation token of the next page; absent on the last page. */
  nextToken?: string;
}

/** One version of one key (ListObjectVersions), or a delete marker, which has no content. */
export interface ObjectVersion {
  key: string;
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
  lastModified?: Date;
  /** Absent for delete markers. */
  size?: number;
}

export interface VersionPage {
  /** Newest first. */
  versions: ObjectVersion[];
  /** Token of the next page; absent on the last page. */
  nextToken?: string;
}

/** A bucket that never had versioning answers 'off'; a suspended one still keeps its old versions. */
export type VersioningStatus = 'enabled' | 'suspended' | 'off';

export type HttpMethod = 'GET' | 'PUT';

export interface PresignRequest {
  bucket: string;
  key: string;
  expiresInSeconds: number;
  method?: HttpMethod;
  /** GET only: browsers save the download under this name (response-content-disposition). */
  downloadName?: string;
  /** The bucket's region when the caller knows it already; looked up otherwise. */
  bucketRegion?: string;
  /** GET only: that version of the object, fixed even when the object changes later. */
  versionId?: string;
  /** GET only: the Content-Type S3 answers with (response-content-type), e.g. to show a PDF inline. */
  responseContentType?: string;
  /** Requester Pays buckets: the link carries x-amz-request-payer=requester (the signer's account pays). */
  requestPayer?: boolean;
  /** Sign as of this time; by default S3's time as the session knows it (the local clock, corrected). */
  signingDate?: Date;
}

/** One link of a batch: signed, or why not. */
export type PresignOutcome = { ok: true; link: PresignedUrl } | { ok: false; message: string };

export interface PresignedUrl {
  url: string;
  method: HttpMethod;
  bucket: string;
  key: string;
  region: string;
  versionId?: string;
  expiresInSeconds: number;
  signedAt: Date;
  /** signedAt + expiresInSeconds: what was asked for. */
  requestedExpiresAt: Date;
  /** When the link really stops working: the earlier of the request and the credentials' end. */
  expiresAt: Date;
  /** Temporary credentials (SSO, roles, sessions) end; the link dies with them. */
  credentialsExpireAt?: Date;
  /**
   * S3's time minus the local clock (ms), when it was beyond the threshold and the link was signed
   * with S3's time: signedAt and the expiry times are then in S3's time too.
   */
  clockOffsetMs?: number;
}

/** Stable names of why a link does not work (for --json and for tests); the message says it in words. */
type LinkProblemCode =
  | 'sse-c'
  | 'archived'
  | 'kms-denied'
  | 'requester-pays'
  | 'object-gone'
  | 'bucket-gone'
  | 'clock-skew'
  | 'link-expired'
  | 'wrong-region'
  | 'credentials-expired'
  | 'credentials-unknown'
  | 'signature-mismatch'
  | 'access-denied'
  | 'server-error'
  | 'unexpected';

export interface LinkProblem {
  code: LinkProblemCode;
  /** One line: what a recipient would hit, and the next step. */
  message: string;
}

/**
 * What checking a link proved. `scope: 'link'`: the presigned URL itself was fetched (GET, with
 * `Range: bytes=0-0`). `scope: 'bucket'`: an upload link, which cannot be tried without writing;
 * only the bucket was looked at (HeadBucket: it exists and the signer can see it).
 */
export type LinkCheck =
  | { ok: true; scope: 'link' | 'bucket'; status: number; clockOffsetMs?: number }
  | {
      ok: false;
      scope: 'link' | 'bucket';
      status: number;
      problem: LinkProblem;
      clockOffsetMs?: number;
      /** Where S3 says the bucket lives, when it said so (x-amz-bucket-region). */
      bucketRegion?: string;
    };

export type Encryption = 'none' | 'SSE-S3' | 'SSE-KMS' | 'DSSE-KMS' | 'SSE-C';

/** What a recipient would get: HeadObject's answer, for the expiry screen. */
export interface ObjectFacts {
  bucket: string;
  key: string;
  size?: number;
  contentType?: string;
  lastModified?: Date;
  /** `STANDARD` when S3 does not name one. */
  storageClass: string;
  /** Intelligent-Tiering archive tier (`ARCHIVE_ACCESS`, `DEEP_ARCHIVE_ACCESS`). */
  archiveStatus?: string;
  /** Undefined when S3 did not say (some S3-compatible stores never do). */
  encryption?: Encryption;
  kmsKeyId?: string;
  restore?: RestoreStatus;
  versionId?: string;
  /** A type a browser would show inline, when the stored one makes browsers download instead. */
  suggestedContentType?: string;
  /** Known before signing: a plain link to this object cannot work (SSE-C, archived). */
  problem?: LinkProblem;
}

/** Where and as whom to talk to S3. */
export interface Connection {
  profile: string;
  region?: string;
  endpointUrl?: string;
  pathStyle?: boolean;
}

export interface S3Session {
  readonly region: string;
  listBuckets(): Promise<Bucket[]>;
  /** At most `maxKeys` entries (folders and objects), else the server's page size (1,000 on S3). */
  listPage(bucket: string, prefix: string, continuationToken?: string, maxKeys?: number): Promise<ListPage>;
  /**
   * Every object under `prefix` at any depth (no delimiter), in key order, one page: at most
   * `maxKeys`, else the server's page size.
   */
  listPageRecursive(bucket: string, prefix: string, continuationToken?: string, maxKeys?: number): Promise<ListPage>;
  /** The versions and delete markers of exactly `key` (not of keys it is a prefix of), newest first. */
  listVersions(bucket: string, key: string, token?: string): Promise<VersionPage>;
  versioningStatus(bucket: string): Promise<VersioningStatus>;
  /**
   * Resolves when the object (that version of it, if given) exists; rejects with a one-line
   * reason otherwise (a delete marker's says so).
   */
  headObject(bucket: string, key: string, versionId?: string): Promise<ObjectSummary>;
  /** The region the bucket lives in (links must be signed for it). */
  bucketRegion(bucket: string): Promise<string>;
  /** When the credentials that sign now expire; undefined for long-term keys. */
  credentialsExpireAt(): Promise<Date | undefined>;
  presign(request: PresignRequest): Promise<PresignedUrl>;
  /**
   * Many links at once, in the order asked: credentials and each bucket's region are resolved
   * once, and the links signed with one clock reading (so they share one expiry).
   */
  presignAll(requests: readonly PresignRequest[]): Promise<PresignOutcome[]>;
  /**
   * Fetches the presigned URL itself (GET links, `Range: bytes=0-0`, at most a small part of the
   * body read) and says what it proved; for PUT links, HeadBucket only. Rejects only when no answer
   * came (network, timeout); any HTTP answer is a LinkCheck.
   */
  checkLink(presigned: PresignedUrl): Promise<LinkCheck>;
  /** HeadObject, read into facts; an SSE-C object (400 without its key) resolves with `problem`. */
  describeObject(bucket: string, key: string): Promise<ObjectFacts>;
  /** S3's time minus the local clock (ms), once learned from an answer and beyond the threshold. */
  clockOffsetMs(): number | undefined;
}

/** What kind of failure a port call met: the screens choose what to offer from it, never from its text. */
export type FailureKind = 'denied' | 'not-found' | 'timeout' | 'other';

/** A failure as the state machine keeps it: its kind and one line a person can act on. */
export interface Failure {
  kind: FailureKind;
  message: string;
}

/**
 * How an S3 port call fails: one line a person can act on, and whether the server refused
 * permission for it (the screens then offer to type the name instead of listing).
 */
export class S3CallError extends Error {
  override readonly name = 'S3CallError';
  readonly kind: FailureKind;

  constructor(
    message: string,
    readonly denied = false,
    kind?: FailureKind,
  ) {
    super(message);
    this.kind = denied ? 'denied' : (kind ?? 'other');
  }
}

export interface S3Connector {
  connect(connection: Connection): S3Session;
}

export type CopyOutcome =
  | {
      ok: true;
      via: string;
      /** Handed on (OSC 52) with no way to know it arrived: show `message`, never "Copied". */
      sentOnly?: boolean;
      /** One line saying what happened, where "Copied (via)" would claim too much. */
      message?: string;
    }
  | { ok: false; reason: string };

export interface Clipboard {
  copy(text: string): Promise<CopyOutcome>;
  /** A link is being made and a copy may follow: get ready so that it is quick. */
  warmUp?(): void;
}

export type OpenOutcome = { ok: true; message: string } | { ok: false; reason: string };

/** `o` on the result: the URL in the default browser. */
export interface Opener {
  open(url: string): Promise<OpenOutcome>;
}

export interface Clock {
  now(): Date;
}

export interface Services {
  profiles: ProfileSource;
  s3: S3Connector;
  clipboard: Clipboard;
  clock: Clock;
  /** Present when credential providers may ask for an MFA code. */
  mfa?: MfaChannel;
  /** Present when adapters may have something to say that is no error (shown as a warning). */
  notices?: NoticeChannel;
  /** Present where a browser can be started. */
  opener?: Opener;
}
