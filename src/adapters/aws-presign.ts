import { defaultEndpointResolver } from '@aws-sdk/client-s3/dist-es/endpoint/endpointResolver.js';
import { formatUrl } from '@aws-sdk/core/util';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { loadConfig, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS } from '@smithy/core/config';
import { extendedEncodeURIComponent, HttpRequest } from '@smithy/core/protocols';
import { Hash } from '@smithy/core/serde';
import { ENVIRONMENT_PROFILE } from '../core/connection.js';
import { attachmentDisposition } from '../core/content-disposition.js';
import { effectiveExpiry } from '../core/expiry.js';
import { redactUrl } from '../core/redact.js';
import type { Clock, Connection, PresignedUrl, PresignRequest } from '../core/ports.js';

/**
 * Signing a link needs credentials, the S3 endpoint rules and SigV4, not an S3 client: this is the
 * SDK's documented client-free presigner (S3RequestPresigner on an HttpRequest) fed by the S3
 * client's own endpoint resolver, so `s3share-tui s3://B/K` starts without loading the client.
 */
export type CredentialProvider = ReturnType<typeof fromIni>;

export interface SignerOptions {
  clock: Clock;
  /** Asks the person for an MFA code when a role needs one (`mfa_serial`). */
  mfaCode?: (serial: string) => Promise<string>;
  debug?: (line: string) => void;
}

export interface Signer {
  /** One provider per connection: credentials (and an MFA prompt) are resolved once. */
  readonly credentials: CredentialProvider;
  presign(request: PresignRequest, region: string): Promise<PresignedUrl>;
}

const UNSIGNED_PAYLOAD_HEADER = 'x-amz-content-sha256';

export function createSigner(connection: Connection, options: SignerOptions): Signer {
  const credentials =
    connection.profile === ENVIRONMENT_PROFILE
      ? fromEnv()
      : fromIni({
          profile: connection.profile,
          ignoreCache: true,
          ...(options.mfaCode ? { mfaCodeProvider: options.mfaCode } : {}),
        });
  // What the S3 client reads for itself: AWS_USE_FIPS_ENDPOINT / use_fips_endpoint, and dual-stack.
  const profile = connection.profile === ENVIRONMENT_PROFILE ? {} : { profile: connection.profile };
  const useFips = loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, profile);
  const useDualStack = loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, profile);

  return {
    credentials,
    async presign(request, region) {
      const method = request.method ?? 'GET';
      const credentialsExpireAt = (await credentials()).expiration;
      const signedAt = options.clock.now();
      const endpoint = defaultEndpointResolver({
        Bucket: request.bucket,
        Region: region,
        ...(connection.endpointUrl ? { Endpoint: connection.endpointUrl } : {}),
        ForcePathStyle: connection.pathStyle === true,
        // us-east-1 at s3.amazonaws.com, as the AWS CLI and the S3 documentation sign it.
        UseGlobalEndpoint: true,
        UseFIPS: await useFips(),
        UseDualStack: await useDualStack(),
        Accelerate: false,
      });
      const base = endpoint.url.pathname.replace(/\/$/, '');
      const key = request.key.split('/').map(extendedEncodeURIComponent).join('/');
      const query: Record<string, string> = {};
      if (method === 'GET' && request.downloadName) {
        query['response-content-disposition'] = attachmentDisposition(request.downloadName);
      }
      const presigner = new S3RequestPresigner({ credentials, region, sha256: Hash.bind(null, 'sha256') });
      const signed = await presigner.presign(
        new HttpRequest({
          method,
          protocol: endpoint.url.protocol,
          hostname: endpoint.url.hostname,
          ...(endpoint.url.port ? { port: Number(endpoint.url.port) } : {}),
          path: `${base}/${key}`,
          query,
          headers: {},
        }),
        {
          expiresIn: request.expiresInSeconds,
          signingDate: signedAt,
          signingRegion: region,
          // Sign exactly what the AWS CLI signs: UNSIGNED-PAYLOAD, the default of query
          // authentication, stays implicit rather than becoming an X-Amz-Content-Sha256 parameter.
          unhoistableHeaders: new Set([UNSIGNED_PAYLOAD_HEADER]),
          unsignableHeaders: new Set([UNSIGNED_PAYLOAD_HEADER]),
        },
      );
      const url = formatUrl(signed);
      options.debug?.(`presigned ${method} for ${region}: ${redactUrl(url)}`);
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
    },
  };
}
