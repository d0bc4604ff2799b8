import { S3CallError, type Connection } from '../core/ports.js';
import { printable } from '../core/printable.js';
import { DELETE_MARKER_REASON } from '../core/versions.js';
import { redactUserinfo, shownEndpoint } from '../core/redact.js';
import { credentialProcessRunning, stopCredentialProcesses } from './credential-process.js';

export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Runs one port call within the timeout, retries included, so a server that accepts and never
 * answers ends in an error instead of a spinner forever; any failure becomes one readable line.
 */
export async function boundedCall<T>(
  connection: Connection,
  timeoutMs: number | undefined,
  work: (abortSignal: AbortSignal) => Promise<T>,
  onFailure?: (error: unknown) => void,
): Promise<T> {
  const limitMs = timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const abortSignal = AbortSignal.timeout(limitMs);
  // Not everything listens to the signal (a credential_process that never exits, a file read):
  // the call ends at the limit whatever it waits for.
  const limit = new Promise<never>((_, reject) => {
    abortSignal.addEventListener(
      'abort',
      () => {
        // A DOMException named TimeoutError, which is an Error in Node.
        const reason: unknown = abortSignal.reason;
        reject(reason instanceof Error ? reason : new Error(`timed out after ${limitMs} ms`));
      },
      { once: true },
    );
  });
  limit.catch(() => {});
  try {
    return await Promise.race([work(abortSignal), limit]);
  } catch (error) {
    onFailure?.(error);
    if (error instanceof S3CallError) throw error;
    if (abortSignal.aborted) {
      const seconds = limitMs / 1000;
      if (credentialProcessRunning()) {
        stopCredentialProcesses();
        const profile = connection.profile;
        throw new S3CallError(
          printable(
            `credential_process of profile “${profile}” did not answer in ${seconds} s (--timeout); it was stopped.`,
          ),
        );
      }
      const target = connection.endpointUrl ? shownEndpoint(connection.endpointUrl) : 'S3';
      throw new S3CallError(`No answer from ${target} in ${seconds} s (--timeout).`);
    }
    throw new S3CallError(
      describeAwsError(error, { endpoint: connection.endpointUrl, profile: connection.profile }),
      isAccessDenied(error),
    );
  }
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  Code?: string;
  errno?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

/**
 * One line a person can act on, from whatever the SDK or the network threw. Never includes
 * credentials: SDK errors do not carry them, and the request URL is not quoted.
 */
function describeAwsError(error: unknown, where: { endpoint?: string; profile?: string }): string {
  return redactUserinfo(printable(describe(error, where)));
}

function describe(error: unknown, where: { endpoint?: string; profile?: string }): string {
  const e = (error ?? {}) as SdkErrorShape;
  const code = networkCode(e);
  const target = where.endpoint ? shownEndpoint(where.endpoint) : 'the S3 endpoint';
  if (code === 'ECONNREFUSED') return `Cannot connect to ${target}: connection refused.`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `Cannot resolve the host of ${target}: check the network or the endpoint URL.`;
  if (code === 'ECONNRESET' || code === 'EPIPE') return `The connection to ${target} was cut off.`;
  if (code === 'ETIMEDOUT' || e.name === 'TimeoutError' || e.name === 'RequestTimeout' || e.name === 'AbortError') {
    return `No answer from ${target} in time.`;
  }
  const message = firstLine(e.message ?? String(error));
  if (e.name === 'ResponseTooLarge') return message;
  const processFailure = /^Command failed: /.exec(e.message ?? '');
  if (processFailure) {
    // credential_process exited non-zero: its own words are on the lines after the command.
    const said = (e.message ?? '')
      .split('\n')
      .slice(1)
      .find((line) => line.trim() !== '');
    return printable(
      `credential_process of profile “${where.profile ?? 'default'}” failed: ${said?.trim() ?? 'no message on stderr'}`,
    );
  }
  if (e.name === 'CredentialsProviderError' || /credential/i.test(e.name ?? '')) {
    if (/multi-factor/i.test(message)) {
      return `Profile “${where.profile ?? 'default'}” needs an MFA code (mfa_serial): run s3share-tui without s3:// to type it on screen.`;
    }
    if (/sso|token/i.test(message) && where.profile) {
      return `The SSO session of profile “${where.profile}” has expired or is missing: run \`aws sso login --profile ${where.profile}\`. (${message})`;
    }
    return `No usable credentials for profile “${where.profile ?? 'default'}”: ${message}`;
  }
  const status = e.$metadata?.httpStatusCode;
  if (isDeleteMarker(e)) return DELETE_MARKER_REASON;
  // HEAD answers carry no body: the SDK then knows only the status.
  if (status && /^Unknown/.test(e.Code ?? e.name ?? 'Unknown')) {
    return `HTTP ${status}: ${STATUS_MEANINGS[status] ?? 'the server refused the request'}.`;
  }
  const name = e.Code ?? e.name ?? 'Error';
  const explained = EXPLANATIONS[name];
  const head = status ? `${name} (HTTP ${status})` : name;
  return printable(explained ? `${head}: ${explained}` : `${head}: ${message}`);
}

/** S3 answers a request for a delete marker's version with 405 and `x-amz-delete-marker: true`. */
function isDeleteMarker(e: SdkErrorShape): boolean {
  const headers = (e as { $response?: { headers?: Record<string, string> } }).$response?.headers;
  return e.$metadata?.httpStatusCode === 405 && headers?.['x-amz-delete-marker'] === 'true';
}

/** The server refused permission: S3's AccessDenied, or a bare 403 (a HEAD answer has no body). */
export function isAccessDenied(error: unknown): boolean {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.Code ?? e.name ?? 'Unknown';
  if (name === 'AccessDenied' || name === 'Forbidden' || name === 'AllAccessDisabled') return true;
  return e.$metadata?.httpStatusCode === 403 && /^Unknown/.test(name);
}

const STATUS_MEANINGS: Record<number, string> = {
  400: 'bad request',
  403: 'access denied',
  404: 'not found',
  500: 'internal error on the server',
  503: 'service unavailable (the server asks to slow down; try again)',
};

const EXPLANATIONS: Record<string, string> = {
  AccessDenied: 'the credentials are not allowed to do this.',
  InvalidAccessKeyId: 'the access key is not known to this endpoint.',
  SignatureDoesNotMatch: 'the secret key does not match the access key.',
  NoSuchBucket: 'the bucket does not exist.',
  NoSuchKey: 'the object does not exist.',
  NotFound: 'the object does not exist.',
  Forbidden: 'access denied (or the object does not exist and listing it is not allowed).',
  ExpiredToken: 'the session token has expired: refresh the credentials of this profile.',
  PermanentRedirect: 'the bucket lives in another region: pass --region.',
};

function networkCode(e: SdkErrorShape): string | undefined {
  const own = e.code ?? e.errno;
  if (typeof own === 'string') return own;
  const cause = e.cause as SdkErrorShape | undefined;
  if (cause && typeof cause === 'object') return networkCode(cause);
  const nested = (e as { errors?: SdkErrorShape[] }).errors;
  return Array.isArray(nested) && nested[0] ? networkCode(nested[0]) : undefined;
}

function firstLine(text: string): string {
  return printable((text.split('\n')[0] ?? '').trim()) || 'unknown error';
}
