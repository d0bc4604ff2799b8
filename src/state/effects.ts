import { checkEach } from '../core/check-each.js';
import { S3CallError, type Connection, type S3Session, type Services } from '../core/ports.js';
import { signAndProve } from '../core/prove-link.js';
import { listEveryObject } from '../core/recursive-listing.js';
import type { Action, MarkKind, Request } from './app-state.js';

/**
 * Runs one queued request through the ports and answers with the action that completes it.
 * Never throws: a failure becomes a `request-failed` action with a one-line message.
 */
export function createRequestRunner(
  services: Services,
): (request: Request, report?: (action: Action) => void, signal?: AbortSignal) => Promise<Action> {
  const sessions = new Map<string, S3Session>();
  const sessionFor = (connection: Connection): S3Session => {
    const key = JSON.stringify(connection);
    let session = sessions.get(key);
    if (!session) {
      session = services.s3.connect(connection);
      sessions.set(key, session);
    }
    return session;
  };

  return async (request, report, signal) => {
    const requestId = request.id;
    try {
      switch (request.kind) {
        case 'discover-profiles':
          return { type: 'profiles-discovered', requestId, discovery: await services.profiles.discover() };
        case 'list-buckets':
          return { type: 'buckets-loaded', requestId, buckets: await sessionFor(request.connection).listBuckets() };
        case 'list-page': {
          const page = await sessionFor(request.connection).listPage(
            request.bucket,
            request.prefix,
            request.token,
            request.maxKeys,
          );
          return { type: 'page-loaded', requestId, page };
        }
        case 'describe-object': {
          // A failure (not there yet, not allowed) leaves the facts unknown: the screen shows none.
          const facts = await sessionFor(request.connection).describeObject(request.bucket, request.key);
          return { type: 'object-described', requestId, facts };
        }
        case 'presign': {
          services.clipboard.warmUp?.();
          const { presigned, check } = await signAndProve(
            sessionFor(request.connection),
            {
              bucket: request.bucket,
              key: request.key,
              expiresInSeconds: request.seconds,
              method: request.method,
              ...(request.downloadName ? { downloadName: request.downloadName } : {}),
              ...(request.bucketRegion ? { bucketRegion: request.bucketRegion } : {}),
              ...(request.versionId ? { versionId: request.versionId } : {}),
            },
            request.check !== false,
          );
          return { type: 'presigned', requestId, presigned, ...(check ? { check } : {}) };
        }
        case 'expand-marks': {
          const session = sessionFor(request.connection);
          const keys = await expandMarks(session, request.bucket, request.marked, (done) =>
            report?.({ type: 'progress', requestId, progress: { what: 'Listing marked folders', done } }),
          );
          return { type: 'marks-expanded', requestId, keys };
        }
        case 'presign-all': {
          services.clipboard.warmUp?.();
          const { bucket, bucketRegion, seconds } = request;
          const outcomes = await sessionFor(request.connection).presignAll(
            request.keys.map((key) => ({
              bucket,
              key,
              expiresInSeconds: seconds,
              method: 'GET',
              ...(bucketRegion ? { bucketRegion } : {}),
            })),
          );
          return { type: 'presigned-all', requestId, keys: request.keys, outcomes };
        }
        case 'check-links': {
          const { links } = request;
          await checkEach(
            sessionFor(request.connection),
            links.map(({ link }) => link),
            (index, checked) => report?.({ type: 'link-checked', requestId, row: links[index]?.row ?? -1, ...checked }),
            signal,
          );
          return { type: 'links-checked', requestId };
        }
        case 'list-versions': {
          const page = await sessionFor(request.connection).listVersions(request.bucket, request.key, request.token);
          return { type: 'versions-loaded', requestId, page };
        }
        case 'versioning-status': {
          const status = await sessionFor(request.connection).versioningStatus(request.bucket);
          return { type: 'versioning-found', requestId, status };
        }
        case 'bucket-region': {
          const region = await sessionFor(request.connection).bucketRegion(request.bucket);
          return { type: 'bucket-region-found', requestId, bucket: request.bucket, region };
        }
        case 'credentials-expiry': {
          const expiresAt = await sessionFor(request.connection).credentialsExpireAt();
          return { type: 'credentials-checked', requestId, expiresAt: expiresAt ?? null };
        }
        case 'mfa-answer':
          services.mfa?.answer(request.code);
          return { type: 'mfa-answered', requestId };
        case 'open-url': {
          const outcome = services.opener
            ? await services.opener.open(request.url)
            : ({ ok: false, reason: 'no browser can be started here' } as const);
          return { type: 'opened', requestId, outcome };
        }
        case 'copy':
          return { type: 'copied', requestId, outcome: await services.clipboard.copy(request.text) };
      }
    } catch (error) {
      const kind = error instanceof S3CallError ? error.kind : 'other';
      return { type: 'request-failed', requestId, error: { kind, message: oneLine(error) } };
    }
  };
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim() || 'Something went wrong.';
}

/** Every object the marks stand for, once each, in key order: marked objects, and all under marked folders. */
async function expandMarks(
  session: S3Session,
  bucket: string,
  marked: ReadonlyMap<string, MarkKind>,
  progress: (done: number) => void,
): Promise<string[]> {
  const keys = new Set<string>();
  for (const [key, kind] of marked) {
    if (kind === 'object') {
      keys.add(key);
      continue;
    }
    for await (const objects of listEveryObject((token) => session.listPageRecursive(bucket, key, token))) {
      for (const object of objects) keys.add(object.key);
      progress(keys.size);
    }
  }
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
