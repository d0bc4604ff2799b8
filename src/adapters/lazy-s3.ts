import type { Connection, S3Connector, S3Session } from '../core/ports.js';
import { FALLBACK_REGION } from '../core/connection.js';
import type { S3AdapterOptions } from './aws-s3.js';

/**
 * The S3 connector, with the AWS SDK loaded on first use: the profile screen needs neither the
 * SDK nor the network, so the first frame does not wait for either.
 */
export function createLazyS3Connector(options: S3AdapterOptions): S3Connector & { preload(): void } {
  let loading: Promise<S3Connector> | undefined;
  const connector = () => {
    loading ??= import('./aws-s3.js').then(({ createS3Connector }) => createS3Connector(options));
    return loading;
  };
  return {
    /** Starts loading the SDK now (after the first frame), so the first listing need not wait for it. */
    preload: () => void connector(),
    connect(connection: Connection): S3Session {
      const session = connector().then((real) => real.connect(connection));
      return {
        region: connection.region ?? FALLBACK_REGION,
        listBuckets: async () => (await session).listBuckets(),
        listPage: async (bucket, prefix, token) => (await session).listPage(bucket, prefix, token),
        headObject: async (bucket, key) => (await session).headObject(bucket, key),
        bucketRegion: async (bucket) => (await session).bucketRegion(bucket),
        credentialsExpireAt: async () => (await session).credentialsExpireAt(),
        presign: async (request) => (await session).presign(request),
      };
    },
  };
}
