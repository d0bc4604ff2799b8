// Baseline for "time to first object rows": a fresh Node process that imports @aws-sdk/client-s3
// and makes one ListObjectsV2 call (Delimiter '/') for the prefix, then prints how many entries
// came back. The benchmark times it from spawn to that line on stdout.
// Usage: node list-once.mjs BUCKET PREFIX [MAX_KEYS]   (server from BENCH_S3_ENDPOINT, BENCH_S3_ACCESS_KEY_ID,
// BENCH_S3_SECRET_ACCESS_KEY, BENCH_S3_REGION)
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

const [bucket, prefix, maxKeys] = process.argv.slice(2);
const env = process.env;
const s3 = new S3Client({
  endpoint: env.BENCH_S3_ENDPOINT,
  region: env.BENCH_S3_REGION,
  forcePathStyle: true,
  credentials: { accessKeyId: env.BENCH_S3_ACCESS_KEY_ID, secretAccessKey: env.BENCH_S3_SECRET_ACCESS_KEY },
});
const page = await s3.send(
  new ListObjectsV2Command({
    Bucket: bucket,
    Prefix: prefix,
    Delimiter: '/',
    ...(maxKeys ? { MaxKeys: Number(maxKeys) } : {}),
  }),
);
process.stdout.write(`listed ${(page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0)}\n`);
process.exit(0);
