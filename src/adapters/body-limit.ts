import { Transform, type Readable } from 'node:stream';
import { MAX_ERROR_BODY_BYTES, MAX_RESPONSE_BODY_BYTES } from '../core/limits.js';

/** An answer larger than the app will read: the transfer is cut and the call fails with this. */
class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLarge';
}

interface RawResponse {
  statusCode: number;
  body?: unknown;
}
type Next = (args: unknown) => Promise<{ response: RawResponse; output?: unknown }>;
export interface BodyLimitStack {
  add(middleware: (next: Next) => Next, options: { step: 'deserialize'; name: string; priority: 'low' }): void;
}

/**
 * Caps what is read of each answer before the SDK parses it: an error answer at 256 KB (S3's are
 * under 1 KB), any other at 16 MB (a listing page is about 300 KB). A server sending hundreds of
 * megabytes then costs a cut connection and one clear error, not the whole heap. Runs inside the
 * SDK's deserializer (deserialize step, low priority), on the raw HTTP response.
 */
export function limitResponseBodies(stack: BodyLimitStack): void {
  stack.add(
    (next) => async (args) => {
      const result = await next(args);
      const { response } = result;
      const body = response.body as Readable | undefined;
      if (body && typeof body.pipe === 'function') {
        const isError = response.statusCode < 200 || response.statusCode >= 300;
        const limit = isError ? MAX_ERROR_BODY_BYTES : MAX_RESPONSE_BODY_BYTES;
        response.body = capped(body, limit, response.statusCode, isError);
      }
      return result;
    },
    { step: 'deserialize', name: 'limitResponseBodies', priority: 'low' },
  );
}

function capped(body: Readable, maxBytes: number, status: number, isError: boolean): Readable {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) {
        body.destroy();
        const size = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
        done(
          new ResponseTooLargeError(
            isError
              ? `The server's error answer (HTTP ${status}) is larger than ${size}; it was not read.`
              : `The server's answer (HTTP ${status}) is larger than ${size}; it was not read.`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
  body.on('error', (error) => limited.destroy(error));
  return body.pipe(limited);
}
