import { S3CallError, type Connection, type S3Session, type Services } from '../core/ports.js';
import type { Action, Request } from './app-state.js';

/**
 * Runs one queued request through the ports and answers with the action that completes it.
 * Never throws: a failure becomes a `request-failed` action with a one-line message.
 */
export function createRequestRunner(services: Services): (request: Request) => Promise<Action> {
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

  return async (request) => {
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
        case 'presign': {
          const presigned = await sessionFor(request.connection).presign({
            bucket: request.bucket,
            key: request.key,
            expiresInSeconds: request.seconds,
            method: request.method,
            ...(request.downloadName ? { downloadName: request.downloadName } : {}),
            ...(request.bucketRegion ? { bucketRegion: request.bucketRegion } : {}),
          });
          return { type: 'presigned', requestId, presigned };
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
