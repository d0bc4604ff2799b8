/**
 * In-memory fakes of the ports in src/core/ports.ts, for component tests of the screens.
 *
 * Every fake records its calls. Calls can be *held* (the promise stays pending until the test
 * releases or fails it by hand) or told to fail with a message, so a test can look at loading
 * states, errors and late answers without timers.
 */
import { classifyLinkAnswer } from '../../src/core/link-problem.js';
import { S3CallError } from '../../src/core/ports.js';
import { DELETE_MARKER_REASON } from '../../src/core/versions.js';
import type {
  Bucket,
  Clipboard,
  Clock,
  Connection,
  CopyOutcome,
  LinkCheck,
  ListPage,
  ObjectFacts,
  ObjectSummary,
  ObjectVersion,
  PresignedUrl,
  PresignOutcome,
  PresignRequest,
  Profile,
  ProfileDiscovery,
  ProfileSource,
  S3Connector,
  S3Session,
  Services,
  VersioningStatus,
  VersionPage,
} from '../../src/core/ports.js';

// ── held calls ───────────────────────────────────────────────────────────────

/** A call the test answers by hand. */
interface HeldCall {
  readonly method: string;
  readonly args: readonly unknown[];
  /** Answers with what the fake would have answered (or its queued failure). */
  release(): void;
  /** Makes the call fail with `message`, as the S3 adapter fails (an HTTP 403 counts as denied). */
  fail(message: string): void;
  readonly settled: boolean;
}

type Matcher = (args: readonly unknown[]) => boolean;

/** The adapter's error: its one-line message, and `denied` when the server said 403. */
const failed = (message: string) => new S3CallError(message, /\bHTTP 403\b/.test(message));

/** The shared bookkeeping: holds, queued failures, held calls. */
class CallControl<M extends string> {
  readonly held: HeldCall[] = [];
  private readonly holds: Array<{ method: M; match: Matcher }> = [];
  private readonly failures: Array<{ method: M; match: Matcher; message: string }> = [];

  /** Calls of `method` (whose arguments `match`, if given) from now on wait for the test. */
  hold(method: M, match: Matcher = () => true): void {
    this.holds.push({ method, match });
  }

  /** Stops holding new calls of `method` (calls already held stay held). */
  stopHolding(method: M): void {
    for (let i = this.holds.length - 1; i >= 0; i -= 1) if (this.holds[i]?.method === method) this.holds.splice(i, 1);
  }

  /** The next call of `method` (whose arguments `match`) fails with `message`; once per call. */
  failNext(method: M, message: string, match: Matcher = () => true): void {
    this.failures.push({ method, match, message });
  }

  /** Calls of `method` still waiting for the test. */
  pending(method?: M): HeldCall[] {
    return this.held.filter((call) => !call.settled && (method === undefined || call.method === method));
  }

  /**
   * Waits until at least `count` calls of `method` are held and returns them. (A screen shows
   * its spinner as soon as the request is queued; the port is called a moment later.)
   */
  async waitForHeld(method: M, count = 1, timeoutMs = 5000): Promise<HeldCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending(method).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} held ${method} call(s), have ${this.pending(method).length}`);
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 2));
    }
    return this.pending(method);
  }

  /** Calls of each method started and not yet answered, and the most there ever were at once. */
  private readonly active = new Map<M, number>();
  private readonly peaks = new Map<M, number>();

  inFlight(method: M): number {
    return this.active.get(method) ?? 0;
  }

  maxInFlight(method: M): number {
    return this.peaks.get(method) ?? 0;
  }

  run<T>(method: M, args: readonly unknown[], answer: () => T): Promise<T> {
    this.active.set(method, this.inFlight(method) + 1);
    this.peaks.set(method, Math.max(this.maxInFlight(method), this.inFlight(method)));
    const done = () => this.active.set(method, this.inFlight(method) - 1);
    return this.start(method, args, answer).finally(done);
  }

  private start<T>(method: M, args: readonly unknown[], answer: () => T): Promise<T> {
    const failureIndex = this.failures.findIndex((f) => f.method === method && f.match(args));
    const failure = failureIndex === -1 ? undefined : this.failures.splice(failureIndex, 1)[0];
    const compute = (): T => {
      if (failure) throw failed(failure.message);
      return answer();
    };
    const hold = this.holds.some((h) => h.method === method && h.match(args));
    if (!hold) return Promise.resolve().then(compute);
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const call: HeldCall = {
        method,
        args,
        get settled() {
          return settled;
        },
        release() {
          if (settled) throw new Error(`${method} was already answered`);
          settled = true;
          try {
            resolve(compute());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        fail(message: string) {
          if (settled) throw new Error(`${method} was already answered`);
          settled = true;
          reject(failed(message));
        },
      };
      this.held.push(call);
    });
  }
}

// ── profiles ─────────────────────────────────────────────────────────────────

export const CONFIG_FILE = '/home/tester/.aws/config';
export const CREDENTIALS_FILE = '/home/tester/.aws/credentials';

export function discovery(profiles: Profile[], extra: Partial<ProfileDiscovery> = {}): ProfileDiscovery {
  return {
    profiles,
    files: [
      { path: CONFIG_FILE, state: 'read' },
      { path: CREDENTIALS_FILE, state: 'read' },
    ],
    ...extra,
  };
}

/**
 * Answers `discover()` with the queued answers in turn (the last one repeats). An answer that is
 * an Error makes that call fail.
 */
export class FakeProfileSource implements ProfileSource {
  readonly control = new CallControl<'discover'>();
  calls = 0;
  private readonly answers: Array<ProfileDiscovery | Error>;

  constructor(...answers: Array<ProfileDiscovery | Error>) {
    if (answers.length === 0) throw new Error('FakeProfileSource needs at least one answer');
    this.answers = answers;
  }

  discover(): Promise<ProfileDiscovery> {
    const answer = this.answers[Math.min(this.calls, this.answers.length - 1)] as ProfileDiscovery | Error;
    this.calls += 1;
    return this.control.run('discover', [], () => {
      if (answer instanceof Error) throw answer;
      return structuredClone(answer);
    });
  }
}

// ── S3 ───────────────────────────────────────────────────────────────────────

export interface FakeBucket {
  name: string;
  region?: string;
  createdAt?: Date;
  objects?: ObjectSummary[];
  /** Default 'off'. */
  versioning?: VersioningStatus;
  /** Versions and delete markers of any keys, in any order (listVersions sorts them). */
  versions?: ObjectVersion[];
}

export type S3Method =
  | 'listBuckets'
  | 'listPage'
  | 'listPageRecursive'
  | 'listVersions'
  | 'versioningStatus'
  | 'headObject'
  | 'bucketRegion'
  | 'credentialsExpireAt'
  | 'presign'
  | 'presignAll'
  | 'checkLink'
  | 'describeObject';

export interface S3Call {
  method: S3Method;
  profile: string;
  args: readonly unknown[];
}

export interface FakeS3Options {
  /** Entries (folders + objects) per ListObjectsV2 page, like MaxKeys. Default 1000. */
  pageSize?: number;
  /** The URL presign returns; default a short, fake, SigV4-looking URL. */
  urlFor?(request: PresignRequest, region: string): string;
  clock?: Clock;
  /** When the signing credentials end (temporary credentials); undefined: long-term keys. */
  credentialsExpireAt?: Date;
  /**
   * What checking a link answers; by default 206 when the object is in the fake bucket, else the
   * classifier's object-gone problem (as a 404 NoSuchKey would give).
   */
  checkLink?(presigned: PresignedUrl): LinkCheck;
  /** Extra facts merged into describeObject's answer (storage class, encryption, problem…). */
  facts?(bucket: string, key: string): Partial<ObjectFacts>;
  /** S3's time minus the local clock that the session reports. */
  clockOffsetMs?: number;
}

/**
 * An S3 account per profile name (`'*'` answers for any profile without its own), kept in
 * memory. listPage behaves like ListObjectsV2 with Delimiter "/": folders and objects merged in
 * key order, `pageSize` entries a page, opaque continuation tokens.
 */
export class FakeS3 implements S3Connector {
  readonly control = new CallControl<S3Method>();
  readonly calls: S3Call[] = [];
  readonly connections: Connection[] = [];
  readonly presignRequests: PresignRequest[] = [];
  private readonly pageSize: number;

  constructor(
    private readonly accounts: Record<string, FakeBucket[]>,
    private readonly options: FakeS3Options = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
  }

  callsOf(method: S3Method): S3Call[] {
    return this.calls.filter((call) => call.method === method);
  }

  connect(connection: Connection): S3Session {
    this.connections.push(connection);
    const region = connection.region ?? 'us-east-1';
    const profile = connection.profile;
    const account = (): FakeBucket[] => {
      const buckets = this.accounts[profile] ?? this.accounts['*'];
      if (!buckets) throw new Error(`The config profile (${profile}) could not be found`);
      return buckets;
    };
    const record = (method: S3Method, args: readonly unknown[]) => this.calls.push({ method, profile, args });
    return {
      region,
      listBuckets: () => {
        record('listBuckets', []);
        return this.control.run('listBuckets', [], (): Bucket[] =>
          account().map(({ name, region: bucketRegion, createdAt }) => ({
            name,
            ...(bucketRegion ? { region: bucketRegion } : {}),
            ...(createdAt ? { createdAt } : {}),
          })),
        );
      },
      listPage: (bucket, prefix, token, maxKeys) => {
        const args = [bucket, prefix, token] as const;
        record('listPage', args);
        return this.control.run('listPage', args, () => this.page(account(), bucket, prefix, token, maxKeys));
      },
      listPageRecursive: (bucket, prefix, token, maxKeys) => {
        const args = [bucket, prefix, token] as const;
        record('listPageRecursive', args);
        return this.control.run('listPageRecursive', args, () =>
          this.treePage(account(), bucket, prefix, token, maxKeys),
        );
      },
      listVersions: (bucket, key, token) => {
        const args = [bucket, key, token] as const;
        record('listVersions', args);
        return this.control.run('listVersions', args, () => this.versionPage(account(), bucket, key, token));
      },
      versioningStatus: (bucket) => {
        record('versioningStatus', [bucket]);
        return this.control.run('versioningStatus', [bucket], () => findBucket(account(), bucket).versioning ?? 'off');
      },
      headObject: (bucket, key, versionId) => {
        const args = versionId === undefined ? [bucket, key] : [bucket, key, versionId];
        record('headObject', args);
        return this.control.run('headObject', args, (): ObjectSummary => {
          const found = findBucket(account(), bucket);
          if (versionId !== undefined) {
            const version = found.versions?.find((v) => v.key === key && v.versionId === versionId);
            if (!version) throw new Error(`NoSuchVersion: no version ${versionId} of s3://${bucket}/${key}`);
            if (version.deleteMarker) throw new Error(DELETE_MARKER_REASON);
            return {
              key,
              size: version.size ?? 0,
              ...(version.lastModified ? { lastModified: version.lastModified } : {}),
            };
          }
          const object = found.objects?.find((o) => o.key === key);
          if (!object) throw new Error(`NotFound: no object s3://${bucket}/${key}`);
          return { ...object };
        });
      },
      bucketRegion: (bucket) => {
        record('bucketRegion', [bucket]);
        return this.control.run('bucketRegion', [bucket], () => findBucket(account(), bucket).region ?? region);
      },
      credentialsExpireAt: () => {
        record('credentialsExpireAt', []);
        return this.control.run('credentialsExpireAt', [], () => this.options.credentialsExpireAt);
      },
      describeObject: (bucket, key) => {
        record('describeObject', [bucket, key]);
        return this.control.run('describeObject', [bucket, key], (): ObjectFacts => {
          const found = findBucket(account(), bucket).objects?.find((o) => o.key === key);
          if (!found) throw new Error(`NotFound (HTTP 404): the object does not exist.`);
          return {
            bucket,
            key,
            size: found.size,
            ...(found.lastModified ? { lastModified: found.lastModified } : {}),
            storageClass: 'STANDARD',
            encryption: 'none',
            ...this.options.facts?.(bucket, key),
          };
        });
      },
      checkLink: (presigned) => {
        record('checkLink', [presigned]);
        return this.control.run('checkLink', [presigned], (): LinkCheck => {
          if (this.options.checkLink) return this.options.checkLink(presigned);
          const scope = presigned.method === 'GET' ? 'link' : 'bucket';
          const bucket = account().find((b) => b.name === presigned.bucket);
          const exists =
            scope === 'bucket' ? bucket !== undefined : bucket?.objects?.some((o) => o.key === presigned.key);
          if (exists) return { ok: true, scope, status: scope === 'link' ? 206 : 200 };
          const answer = bucket ? { status: 404, code: 'NoSuchKey' } : { status: 404, code: 'NoSuchBucket' };
          const problem = classifyLinkAnswer(answer, { profile, scope });
          return problem ? { ok: false, scope, status: 404, problem } : { ok: true, scope, status: 200 };
        });
      },
      clockOffsetMs: () => this.options.clockOffsetMs,
      presign: (request) => {
        record('presign', [request]);
        this.presignRequests.push(request);
        return this.control.run('presign', [request], () => this.sign(account(), region, request));
      },
      presignAll: (requests) => {
        record('presignAll', [requests]);
        this.presignRequests.push(...requests);
        return this.control.run('presignAll', [requests], () =>
          requests.map((request): PresignOutcome => {
            try {
              return { ok: true, link: this.sign(account(), region, request) };
            } catch (error) {
              return { ok: false, message: (error as Error).message };
            }
          }),
        );
      },
    };
  }

  private sign(buckets: FakeBucket[], region: string, request: PresignRequest): PresignedUrl {
    const signedAt = this.options.clock?.now() ?? new Date(NOW.getTime());
    // Like the adapter: signed for the bucket's own region.
    const signedFor = request.bucketRegion ?? buckets.find((b) => b.name === request.bucket)?.region ?? region;
    const url =
      this.options.urlFor?.(request, signedFor) ??
      `https://${request.bucket}.s3.${signedFor}.amazonaws.com/${request.key}` +
        `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=${request.expiresInSeconds}&X-Amz-Signature=fake` +
        (request.versionId === undefined ? '' : `&versionId=${encodeURIComponent(request.versionId)}`);
    const requestedExpiresAt = new Date(signedAt.getTime() + request.expiresInSeconds * 1000);
    const credentialsEnd = this.options.credentialsExpireAt;
    return {
      url,
      method: request.method ?? 'GET',
      bucket: request.bucket,
      key: request.key,
      region: signedFor,
      ...(request.versionId === undefined ? {} : { versionId: request.versionId }),
      expiresInSeconds: request.expiresInSeconds,
      signedAt,
      requestedExpiresAt,
      expiresAt: credentialsEnd && credentialsEnd < requestedExpiresAt ? credentialsEnd : requestedExpiresAt,
      ...(credentialsEnd ? { credentialsExpireAt: credentialsEnd } : {}),
    };
  }

  /** ListObjectsV2 without a delimiter: every object under the prefix, in key order. */
  private treePage(
    buckets: FakeBucket[],
    bucketName: string,
    prefix: string,
    token?: string,
    maxKeys?: number,
  ): ListPage {
    const objects = (findBucket(buckets, bucketName).objects ?? [])
      .filter((o) => o.key.startsWith(prefix))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const start = this.tokenStart(`tree:${bucketName}/${prefix}`, token);
    const slice = objects.slice(start, start + Math.min(this.pageSize, maxKeys ?? Number.POSITIVE_INFINITY));
    const end = start + slice.length;
    return {
      folders: [],
      objects: slice.map((o) => ({ ...o })),
      ...(end < objects.length ? { nextToken: `page-token:tree:${bucketName}/${prefix}:${end}` } : {}),
    };
  }

  /** ListObjectVersions for one key: newest first, `pageSize` a page. */
  private versionPage(buckets: FakeBucket[], bucketName: string, key: string, token?: string): VersionPage {
    const versions = (findBucket(buckets, bucketName).versions ?? [])
      .filter((v) => v.key === key)
      .sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0));
    const start = this.tokenStart(`versions:${bucketName}/${key}`, token);
    const slice = versions.slice(start, start + this.pageSize);
    const end = start + slice.length;
    return {
      versions: slice.map((v) => ({ ...v })),
      ...(end < versions.length ? { nextToken: `page-token:versions:${bucketName}/${key}:${end}` } : {}),
    };
  }

  private tokenStart(scope: string, token?: string): number {
    if (token === undefined) return 0;
    const match = /^page-token:(.*):(\d+)$/.exec(token);
    if (!match || match[1] !== scope) throw new Error(`The continuation token provided is incorrect: ${token}`);
    return Number(match[2]);
  }

  private page(buckets: FakeBucket[], bucketName: string, prefix: string, token?: string, maxKeys?: number): ListPage {
    const bucket = findBucket(buckets, bucketName);
    type Entry = { sortKey: string; folder?: string; object?: ObjectSummary };
    const entries: Entry[] = [];
    const folders = new Set<string>();
    for (const object of bucket.objects ?? []) {
      if (!object.key.startsWith(prefix)) continue;
      const rest = object.key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) {
        entries.push({ sortKey: object.key, object });
      } else {
        const folder = prefix + rest.slice(0, slash + 1);
        if (!folders.has(folder)) {
          folders.add(folder);
          entries.push({ sortKey: folder, folder });
        }
      }
    }
    entries.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    let start = 0;
    if (token !== undefined) {
      const match = /^page-token:(.*):(\d+)$/.exec(token);
      if (!match || match[1] !== `${bucketName}/${prefix}`)
        throw new Error(`The continuation token provided is incorrect: ${token}`);
      start = Number(match[2]);
    }
    const slice = entries.slice(start, start + Math.min(this.pageSize, maxKeys ?? Number.POSITIVE_INFINITY));
    const end = start + slice.length;
    return {
      folders: slice.flatMap((e) => (e.folder ? [e.folder] : [])),
      objects: slice.flatMap((e) => (e.object ? [{ ...e.object }] : [])),
      ...(end < entries.length ? { nextToken: `page-token:${bucketName}/${prefix}:${end}` } : {}),
    };
  }
}

function findBucket(buckets: FakeBucket[], name: string): FakeBucket {
  const bucket = buckets.find((b) => b.name === name);
  if (!bucket) throw new Error(`NoSuchBucket: The specified bucket does not exist: ${name}`);
  return bucket;
}

// ── clipboard, clock ─────────────────────────────────────────────────────────

export class FakeClipboard implements Clipboard {
  readonly control = new CallControl<'copy'>();
  readonly copied: string[] = [];

  constructor(private outcome: CopyOutcome = { ok: true, via: 'fake clipboard' }) {}

  failWith(reason: string): void {
    this.outcome = { ok: false, reason };
  }

  copy(text: string): Promise<CopyOutcome> {
    this.copied.push(text);
    const outcome = this.outcome;
    return this.control.run('copy', [text], () => outcome);
  }
}

export class FixedClock implements Clock {
  constructor(readonly at: Date) {}
  now(): Date {
    return new Date(this.at.getTime());
  }
}

// ── a ready-made world ───────────────────────────────────────────────────────

export const NOW = new Date('2026-11-28T10:00:00Z');

export function object(key: string, size = 1000, lastModified = new Date('2026-04-02T03:44:00Z')): ObjectSummary {
  return { key, size, lastModified };
}

export interface FakeServices extends Services {
  profiles: FakeProfileSource;
  s3: FakeS3;
  clipboard: FakeClipboard;
  clock: FixedClock;
}
