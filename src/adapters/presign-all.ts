import type { PresignedUrl, PresignOutcome, PresignRequest } from '../core/ports.js';
import { printable } from '../core/printable.js';

export interface BatchSigning {
  /** The bucket's region (remembered, or looked up); rejects with a one-line reason. */
  regionOf(bucket: string): Promise<string>;
  /** A synchronous signer for that region (credentials resolved once). */
  prepare(region: string): Promise<(request: PresignRequest) => PresignedUrl>;
}

/**
 * Signs many links: each bucket's region is resolved once (all buckets at the same time), then
 * every link of a region is signed in one synchronous loop. A bucket whose region cannot be
 * found fails its own links, not the others; credentials that cannot be resolved fail the call.
 */
export async function presignAll(
  requests: readonly PresignRequest[],
  signing: BatchSigning,
): Promise<PresignOutcome[]> {
  type Found = { region: string } | { failure: string };
  const buckets = [...new Set(requests.filter((r) => r.bucketRegion === undefined).map((r) => r.bucket))];
  const found = new Map<string, Found>(
    await Promise.all(
      buckets.map(async (bucket): Promise<[string, Found]> => {
        try {
          return [bucket, { region: await signing.regionOf(bucket) }];
        } catch (error) {
          return [bucket, { failure: messageOf(error) }];
        }
      }),
    ),
  );
  const regionOf = (request: PresignRequest): Found =>
    request.bucketRegion !== undefined ? { region: request.bucketRegion } : (found.get(request.bucket) as Found);
  const regions = new Set<string>();
  for (const request of requests) {
    const where = regionOf(request);
    if ('region' in where) regions.add(where.region);
  }
  const signers = new Map(
    await Promise.all([...regions].map(async (region) => [region, await signing.prepare(region)] as const)),
  );
  return requests.map((request): PresignOutcome => {
    const where = regionOf(request);
    if ('failure' in where) return { ok: false, message: where.failure };
    try {
      return { ok: true, link: (signers.get(where.region) as (request: PresignRequest) => PresignedUrl)(request) };
    } catch (error) {
      return { ok: false, message: messageOf(error) };
    }
  });
}

function messageOf(error: unknown): string {
  return printable(((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').trim());
}
