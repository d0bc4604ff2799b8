import type { MfaChannel } from './mfa-channel.js';

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
}

export interface PresignedUrl {
  url: string;
  method: HttpMethod;
  bucket: string;
  key: string;
  region: string;
  expiresInSeconds: number;
  signedAt: Date;
  /** signedAt + expiresInSeconds: what was asked for. */
  requestedExpiresAt: Date;
  /** When the link really stops working: the earlier of the request and the credentials' end. */
  expiresAt: Date;
  /** Temporary credentials (SSO, roles, sessions) end; the link dies with them. */
  credentialsExpireAt?: Date;
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
  /** Resolves when the object exists; rejects with a one-line reason otherwise. */
  headObject(bucket: string, key: string): Promise<ObjectSummary>;
  /** The region the bucket lives in (links must be signed for it). */
  bucketRegion(bucket: string): Promise<string>;
  /** When the credentials that sign now expire; undefined for long-term keys. */
  credentialsExpireAt(): Promise<Date | undefined>;
  presign(request: PresignRequest): Promise<PresignedUrl>;
}

/**
 * How an S3 port call fails: one line a person can act on, and whether the server refused
 * permission for it (the screens then offer to type the name instead of listing).
 */
export class S3CallError extends Error {
  override readonly name = 'S3CallError';

  constructor(
    message: string,
    readonly denied = false,
  ) {
    super(message);
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
}
