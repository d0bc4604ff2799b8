import {
  GetObjectCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { fromEnv, fromIni } from '@aws-sdk/credential-providers';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ENVIRONMENT_PROFILE, FALLBACK_REGION } from '../core/connection.js';
import { attachmentDisposition } from '../core/content-disposition.js';
import { DELIMITER } from '../core/listing.js';
import type {
  Bucket,
  Clock,
  Connection,
  ListPage,
  ObjectSummary,
  PresignedUrl,
  PresignRequest,
  S3Connector,
  S3Session,
} from '../core/ports.js';
import { describeAwsError } from './aws-errors.js';

export interface S3AdapterOptions {
  clock: Clock;
  /** Per-request timeout; the SDK retries within `maxAttempts`. */
  timeoutMs?: number;
}

/** The only module that talks to the AWS SDK. */
export function createS3Connector(options: S3AdapterOptions): S3Connector {
  return { connect: (connection) => new SdkSession(connection, options) };
}

class SdkSession implements S3Session {
  readonly region: string;
  private readonly client: S3Client;

  constructor(
    private readonly connection: Connection,
    private readonly options: S3AdapterOptions,
  ) {
    this.region = connection.region ?? FALLBACK_REGION;
    const fromProfile = connection.profile !== ENVIRONMENT_PROFILE;
    const timeoutMs = options.timeoutMs ?? 10_000;
    this.client = new S3Client({
      region: this.region,
      credentials: fromProfile ? fromIni({ profile: connection.profile, ignoreCache: true }) : fromEnv(),
      ...(fromProfile ? { profile: connection.profile } : {}),
      ...(connection.endpointUrl ? { endpoint: connection.endpointUrl } : {}),
      forcePathStyle: connection.pathStyle === true,
      // Without these the SDK adds checksum parameters to presigned URLs, which several
      // S3-compatible stores then refuse.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: timeoutMs, requestTimeout: timeoutMs },
    });
  }

  async listBuckets(): Promise<Bucket[]> {
    return this.call(async () => {
      const buckets: Bucket[] = [];
      let token: string | undefined;
      do {
        const page = await this.client.send(new ListBucketsCommand({ ContinuationToken: token }));
        for (const bucket of page.Buckets ?? []) {
          if (!bucket.Name) continue;
          buckets.push({
            name: bucket.Name,
            ...(bucket.BucketRegion ? { region: bucket.BucketRegion } : {}),
            ...(bucket.CreationDate ? { createdAt: bucket.CreationDate } : {}),
          });
        }
        token = page.ContinuationToken;
      } while (token);
      return buckets;
    });
  }

  async listPage(bucket: string, prefix: string, continuationToken?: string): Promise<ListPage> {
    return this.call(async () => {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: prefix || undefined,
          Delimiter: DELIMITER,
          ContinuationToken: continuationToken,
        }),
      );
      return {
        folders: (page.CommonPrefixes ?? []).flatMap((p) => (p.Prefix ? [p.Prefix] : [])),
        objects: (page.Contents ?? []).flatMap((o) =>
          o.Key === undefined
            ? []
            : [{ key: o.Key, size: o.Size ?? 0, ...(o.LastModified ? { lastModified: o.LastModified } : {}) }],
        ),
        ...(page.IsTruncated && page.NextContinuationToken ? { nextToken: page.NextContinuationToken } : {}),
      };
    });
  }

  async headObject(bucket: string, key: string): Promise<ObjectSummary> {
    return this.call(async () => {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { key, size: head.ContentLength ?? 0, ...(head.LastModified ? { lastModified: head.LastModified } : {}) };
    });
  }

  async presign(request: PresignRequest): Promise<PresignedUrl> {
    const method = request.method ?? 'GET';
    const signedAt = this.options.clock.now();
    const input = { Bucket: request.bucket, Key: request.key };
    const command =
      method === 'PUT'
        ? new PutObjectCommand(input)
        : new GetObjectCommand({
            ...input,
            ...(request.downloadName
              ? { ResponseContentDisposition: attachmentDisposition(request.downloadName) }
              : {}),
          });
    const url = await this.call(() =>
      getSignedUrl(this.client, command, { expiresIn: request.expiresInSeconds, signingDate: signedAt }),
    );
    return {
      url,
      method,
      bucket: request.bucket,
      key: request.key,
      region: this.region,
      expiresInSeconds: request.expiresInSeconds,
      signedAt,
      expiresAt: new Date(signedAt.getTime() + request.expiresInSeconds * 1000),
    };
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw new Error(
        describeAwsError(error, { endpoint: this.connection.endpointUrl, profile: this.connection.profile }),
      );
    }
  }
}
