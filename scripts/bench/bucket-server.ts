/**
 * A loopback S3 impostor holding many buckets, for the hostile-input figures: a Ceph RGW cannot
 * hold 100,000 buckets cheaply. ListBuckets is paged as S3 pages it (MaxBuckets at most 10,000,
 * ContinuationToken to the next page), without BucketRegion, so the app looks regions up itself;
 * HeadBucket answers with x-amz-bucket-region. No signature is checked.
 */
import { performance } from 'node:perf_hooks';
import { HostileServer } from '../../test/support/hostile-server.js';

/** S3's largest ListBuckets page. */
const MAX_PAGE = 10_000;

export const bucketName = (i: number) => `bench-bucket-${String(i).padStart(6, '0')}`;

export interface BucketServer {
  endpoint: string;
  /** performance.now() when the last byte of the last page was handed to the socket (per listing). */
  lastPageSentAt: number | undefined;
  /** Buckets sent (in pages fully handed to the socket) since the last reset. */
  bucketsSent: number;
  /** Region lookups (HeadBucket, GetBucketLocation) seen since the last reset, and the most at once. */
  regionLookups: number;
  maxLookupsInFlight: number;
  /** The MaxBuckets of the last ListBuckets (undefined: not given, an unpaginated request). */
  pageSizeAsked: string | undefined;
  /** Resolves once `buckets` buckets have been sent since the last reset. */
  sentReached(buckets: number, timeoutMs: number): Promise<void>;
  /** Forgets the counters; from now on each page is held back `delayPer1000` ms per 1,000 buckets in it (a slow server). */
  reset(delayPer1000?: number): void;
  close(): Promise<void>;
}

export async function startBucketServer(count: number): Promise<BucketServer> {
  // The pages are the same every run: build each once.
  const pages = new Map<number, string>();
  const page = (start: number, size: number) => {
    const key = start * MAX_PAGE + size;
    let body = pages.get(key);
    if (!body) {
      const end = Math.min(count, start + size);
      const parts = ['<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets>'];
      for (let i = start; i < end; i += 1)
        parts.push(
          `<Bucket><Name>${bucketName(i)}</Name><CreationDate>2026-01-02T03:04:05.000Z</CreationDate></Bucket>`,
        );
      parts.push('</Buckets><Owner><ID>bench</ID></Owner>');
      if (end < count) parts.push(`<ContinuationToken>after-${end}</ContinuationToken>`);
      parts.push('</ListAllMyBucketsResult>');
      body = parts.join('');
      pages.set(key, body);
    }
    return { body, buckets: Math.min(count, start + size) - start, last: start + size >= count };
  };

  let delayPer1000 = 0;
  const pageListeners = new Set<() => void>();
  let lookupsInFlight = 0;
  const state = {
    lastPageSentAt: undefined as number | undefined,
    bucketsSent: 0,
    regionLookups: 0,
    maxLookupsInFlight: 0,
    pageSizeAsked: undefined as string | undefined,
  };
  const server = await HostileServer.start(async (request, res) => {
    if (request.path !== '/' && request.path !== '') {
      // HeadBucket or GetBucketLocation for one bucket.
      state.regionLookups += 1;
      lookupsInFlight += 1;
      state.maxLookupsInFlight = Math.max(state.maxLookupsInFlight, lookupsInFlight);
      res.on('close', () => (lookupsInFlight -= 1));
      res.writeHead(200, { 'x-amz-bucket-region': 'us-east-1', 'content-type': 'application/xml' });
      res.end(request.method === 'HEAD' ? undefined : '<LocationConstraint/>');
      return;
    }
    const token = request.query.get('continuation-token');
    const start = token ? Number(/^after-(\d+)$/.exec(token)?.[1] ?? Number.NaN) : 0;
    state.pageSizeAsked = request.query.get('max-buckets') ?? undefined;
    const asked = Number(request.query.get('max-buckets') ?? MAX_PAGE);
    if (!Number.isInteger(start) || start < 0 || start > count) {
      res.writeHead(400, { 'content-type': 'application/xml' });
      res.end('<Error><Code>InvalidArgument</Code><Message>bad continuation token</Message></Error>');
      return;
    }
    const { body, buckets, last } = page(start, Math.min(MAX_PAGE, Math.max(1, asked || MAX_PAGE)));
    if (delayPer1000 > 0) await new Promise((resolve) => setTimeout(resolve, (delayPer1000 * buckets) / 1000));
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body, () => {
      if (last) state.lastPageSentAt = performance.now();
      state.bucketsSent += buckets;
      for (const listener of pageListeners) listener();
    });
  });
  return {
    endpoint: server.endpoint,
    get lastPageSentAt() {
      return state.lastPageSentAt;
    },
    get bucketsSent() {
      return state.bucketsSent;
    },
    get regionLookups() {
      return state.regionLookups;
    },
    get maxLookupsInFlight() {
      return state.maxLookupsInFlight;
    },
    get pageSizeAsked() {
      return state.pageSizeAsked;
    },
    sentReached: (buckets, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (state.bucketsSent < buckets) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${buckets} buckets were not sent within ${timeoutMs} ms (${state.bucketsSent} were)`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          pageListeners.delete(check);
        };
        pageListeners.add(check);
        check();
      }),
    reset(slowness = 0) {
      delayPer1000 = slowness;
      state.lastPageSentAt = undefined;
      state.bucketsSent = 0;
      state.regionLookups = 0;
      state.maxLookupsInFlight = 0;
    },
    close: () => server.close(),
  };
}
