import { defaultEndpointResolver } from '@aws-sdk/client-s3/dist-es/endpoint/endpointResolver.js';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import {
  loadConfig,
  NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS,
  NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS,
} from '@smithy/core/config';
import type { ServerTime } from '../core/clock-offset.js';
import { ENVIRONMENT_PROFILE } from '../core/connection.js';
import { attachmentDisposition } from '../core/content-disposition.js';
import { effectiveExpiry } from '../core/expiry.js';
import { redactUrl } from '../core/redact.js';
import type { Clock, Connection, PresignedUrl, PresignRequest } from '../core/ports.js';
import { QuerySigner } from './sigv4-query.js';
import { printable } from '../core/printable.js';
import { runCredentialProcessesInOwnGroup } from './credential-process.js';

/**
 * Signing a link needs credentials, the S3 endpoint rules and SigV4, not an S3 client: the S3
 * client's own endpoint resolver and a synchronous SigV4 query signer (./sigv4-query.ts), so
 * `s3share-tui s3://B/K` starts without loading the client and a list of links signs quickly.
 */
type CredentialProvider = ReturnType<typeof fromIni>;

export interface SignerOptions {
  clock: Clock;
  /** S3's time as learned from its answers: links are signed with it once the clocks disagree. */
  serverTime?: ServerTime;
  /** Asks the person for an MFA code when a role needs one (`mfa_serial`). */
  mfaCode?: (serial: string) => Promise<string>;
  debug?: (line: string) => void;
  /** Something the person should know that is not an error (said once). */
  notice?: (line: string) => void;
}

export interface Signer {
  /** One provider per connection: credentials (and an MFA prompt) are resolved once. */
  readonly credentials: CredentialProvider;
  presign(request: PresignRequest, region: string): Promise<PresignedUrl>;
  /**
   * Resolves the credentials and endpoint settings and reads the clock once, then signs links for
   * buckets of `region` synchronously: a batch of links shares one signing time and one expiry.
   */
  prepare(region: string): Promise<(request: PresignRequest) => PresignedUrl>;
}

export function createSigner(connection: Connection, options: SignerOptions): Signer {
  runCredentialProcessesInOwnGroup();
  const resolve =
    connection.profile === ENVIRONMENT_PROFILE
      ? fromEnv()
      : fromIni({
          profile: connection.profile,
          ignoreCache: true,
          ...(options.mfaCode ? { mfaCodeProvider: options.mfaCode } : {}),
        });
  const credentials = withKnownExpiration(resolve, connection.profile, options.notice);
  // What the S3 client reads for itself: AWS_USE_FIPS_ENDPOINT / use_fips_endpoint, and dual-stack.
  const profile = connection.profile === ENVIRONMENT_PROFILE ? {} : { profile: connection.profile };
  const useFips = loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, profile);
  const useDualStack = loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, profile);

  const prepare = async (region: string): Promise<(request: PresignRequest) => PresignedUrl> => {
    const resolved = await credentials();
    const credentialsExpireAt = resolved.expiration;
    const settings = { UseFIPS: await useFips(), UseDualStack: await useDualStack() };
    const clockOffsetMs = options.serverTime?.offsetMs;
    const batchSignedAt = (options.serverTime ?? options.clock).now();
    const signers = new Map<number, QuerySigner>();
    const endpoints = new Map<string, Endpoint>();
    const endpointOf = (bucket: string): Endpoint => {
      let endpoint = endpoints.get(bucket);
      if (!endpoint) {
        const url = defaultEndpointResolver({
          Bucket: bucket,
          Region: region,
          ...(connection.endpointUrl ? { Endpoint: connection.endpointUrl } : {}),
          ForcePathStyle: connection.pathStyle === true,
          // us-east-1 at s3.amazonaws.com, as the AWS CLI and the S3 documentation sign it.
          UseGlobalEndpoint: true,
          ...settings,
          Accelerate: false,
        }).url;
        endpoint = {
          protocol: url.protocol,
          hostname: url.hostname,
          port: url.port ? Number(url.port) : undefined,
          base: url.pathname.replace(/\/$/, ''),
        };
        endpoints.set(bucket, endpoint);
      }
      return endpoint;
    };
    return (request) => {
      const method = request.method ?? 'GET';
      // A signing date asked for (a test, a clock correction) gets a signer of its own.
      const signedAt = request.signingDate ?? batchSignedAt;
      let signer = request.signingDate ? undefined : signers.get(request.expiresInSeconds);
      if (!signer) {
        signer = new QuerySigner(resolved, region, signedAt, request.expiresInSeconds);
        if (!request.signingDate) signers.set(request.expiresInSeconds, signer);
      }
      const endpoint = endpointOf(request.bucket);
      const query: Record<string, string> = {};
      if (method === 'GET' && request.downloadName) {
        query['response-content-disposition'] = attachmentDisposition(request.downloadName);
      }
      if (method === 'GET' && request.versionId !== undefined) query.versionId = request.versionId;
      if (method === 'GET' && request.responseContentType) query['response-content-type'] = request.responseContentType;
      if (request.requestPayer) query['x-amz-request-payer'] = 'requester';
      const url = signer.sign({
        method,
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        port: endpoint.port,
        path: `${endpoint.base}/${encodeKey(request.key)}`,
        query,
      });
      options.debug?.(`presigned ${method} for ${region}: ${redactUrl(url)}`);
      const requestedExpiresAt = new Date(signedAt.getTime() + request.expiresInSeconds * 1000);
      // Assigned, not spread: a list of links builds thousands of these.
      const link: PresignedUrl = {
        url,
        method,
        bucket: request.bucket,
        key: request.key,
        region,
        expiresInSeconds: request.expiresInSeconds,
        signedAt,
        requestedExpiresAt,
        expiresAt: effectiveExpiry(requestedExpiresAt, credentialsExpireAt),
      };
      if (method === 'GET' && request.versionId !== undefined) link.versionId = request.versionId;
      if (credentialsExpireAt) link.credentialsExpireAt = credentialsExpireAt;
      if (clockOffsetMs !== undefined && !request.signingDate) link.clockOffsetMs = clockOffsetMs;
      return link;
    };
  };

  return {
    credentials,
    prepare,
    presign: async (request, region) => (await prepare(region))(request),
  };
}

/** Where a bucket's links go: the endpoint's parts, and its path without the final slash. */
interface Endpoint {
  protocol: string;
  hostname: string;
  port: number | undefined;
  base: string;
}

const PLAIN_KEY = /^[\w.~/-]*$/;
const ENCODED_SLASH_OR_SUBDELIM = /%2F|[!'()*]/g;

/**
 * The key as S3 signs its path: what the S3 client makes of it, each segment URI-encoded (RFC 3986:
 * `!'()*` too) and the slashes kept. One pass over the whole key gives the same: in the encoded
 * text, `%2F` can only come from a slash (a `%` of the key is `%25`).
 */
function encodeKey(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  return encodeURIComponent(key).replace(ENCODED_SLASH_OR_SUBDELIM, (found) =>
    found === '%2F' ? '/' : `%${found.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A credential_process (or AWS_CREDENTIAL_EXPIRATION) may give an Expiration that is not a date;
 * the SDK passes it on as an Invalid Date. Such credentials are used with no end known, and the
 * person is told once.
 */
function withKnownExpiration(
  provider: CredentialProvider,
  profile: string,
  notice: ((line: string) => void) | undefined,
): CredentialProvider {
  let told = false;
  return async (...args: Parameters<CredentialProvider>) => {
    const credentials = await provider(...args);
    const { expiration } = credentials;
    const known = expiration instanceof Date && Number.isFinite(expiration.getTime());
    if (expiration === undefined || known) return credentials;
    if (!told) {
      told = true;
      notice?.(
        printable(
          `the credentials of profile “${profile}” carry an expiration that is not a date; links are signed as if they had none.`,
        ),
      );
    }
    const withoutExpiration = { ...credentials };
    delete withoutExpiration.expiration;
    return withoutExpiration;
  };
}
