import type { Connection, S3Connector, S3Session } from '../core/ports.js';
import { ServerTime } from '../core/clock-offset.js';
import { FALLBACK_REGION } from '../core/connection.js';
import { boundedCall } from './aws-errors.js';
import type { Signer } from './aws-presign.js';
import { presignAll } from './presign-all.js';
import type { S3AdapterOptions } from './aws-s3.js';
import { checkGetLink } from './link-check.js';

/**
 * The S3 connector, with the AWS SDK loaded on first use: the profile screen needs neither the
 * SDK nor the network, so the first frame does not wait for either. Signing a link for a bucket
 * whose region is already known needs only the small signer, never the S3 client.
 */
export function createLazyS3Connector(options: S3AdapterOptions): S3Connector & { preload(): void } {
  let loading: Promise<typeof import('./aws-s3.js')> | undefined;
  const sdk = () => (loading ??= import('./aws-s3.js'));
  return {
    /** Starts loading the SDK now (after the first frame), so the first listing need not wait for it. */
    preload: () => void sdk(),
    connect(connection: Connection): S3Session {
      const serverTime = new ServerTime(options.clock);
      let signer: Promise<Signer> | undefined;
      const signerOnce = () =>
        (signer ??= import('./aws-presign.js').then(({ createSigner }) =>
          createSigner(connection, { ...options, serverTime }),
        ));
      let session: Promise<S3Session> | undefined;
      const sessionOnce = () =>
        (session ??= Promise.all([sdk(), signerOnce()]).then(([{ createS3Connector }, made]) =>
          createS3Connector(options).connectWith(connection, made, serverTime),
        ));
      const knownRegion = (bucket: string, given?: string) =>
        given ?? options.regionCache?.get(connection.endpointUrl, bucket);
      return {
        region: connection.region ?? FALLBACK_REGION,
        listBuckets: async () => (await sessionOnce()).listBuckets(),
        listPage: async (bucket, prefix, token, maxKeys) =>
          (await sessionOnce()).listPage(bucket, prefix, token, maxKeys),
        listPageRecursive: async (bucket, prefix, token, maxKeys) =>
          (await sessionOnce()).listPageRecursive(bucket, prefix, token, maxKeys),
        listVersions: async (bucket, key, token) => (await sessionOnce()).listVersions(bucket, key, token),
        versioningStatus: async (bucket) => (await sessionOnce()).versioningStatus(bucket),
        headObject: async (bucket, key, versionId) => (await sessionOnce()).headObject(bucket, key, versionId),
        bucketRegion: async (bucket) => (await sessionOnce()).bucketRegion(bucket),
        credentialsExpireAt: () =>
          boundedCall(connection, options.timeoutMs, async () => (await (await signerOnce()).credentials()).expiration),
        describeObject: async (bucket, key) => (await sessionOnce()).describeObject(bucket, key),
        // A GET link is proven by fetching it: no S3 client needed, so signing and checking a link
        // to a bucket whose region is remembered stays one request without loading the SDK.
        checkLink: async (presigned) => {
          const check =
            presigned.method === 'GET'
              ? await checkGetLink(presigned, connection, serverTime, options)
              : await (await sessionOnce()).checkLink(presigned);
          if (!check.ok && check.problem.code === 'wrong-region') {
            if (check.bucketRegion)
              options.regionCache?.set(connection.endpointUrl, presigned.bucket, check.bucketRegion);
            else options.regionCache?.forget(connection.endpointUrl, presigned.bucket);
          }
          return check;
        },
        clockOffsetMs: () => serverTime.offsetMs,
        presign: async (request) => {
          const region = knownRegion(request.bucket, request.bucketRegion);
          if (region === undefined) return (await sessionOnce()).presign(request);
          return boundedCall(connection, options.timeoutMs, async () => (await signerOnce()).presign(request, region));
        },
        // Regions known already (the cache) need only the signer; the others load the S3 client.
        presignAll: (requests) =>
          boundedCall(connection, options.timeoutMs, async () =>
            presignAll(requests, {
              regionOf: async (bucket) => knownRegion(bucket) ?? (await sessionOnce()).bucketRegion(bucket),
              prepare: async (region) => (await signerOnce()).prepare(region),
            }),
          ),
      };
    },
  };
}
