import { describe, expect, it } from 'vitest';
import { parseS3Uri } from '../../src/core/s3-uri.js';

describe('parseS3Uri', () => {
  it.each([
    ['s3://bucket/key.txt', 'bucket', 'key.txt'],
    ['s3://my.bucket-1/dir/sub dir/a b+c.txt', 'my.bucket-1', 'dir/sub dir/a b+c.txt'],
    ['S3://bucket/k', 'bucket', 'k'],
    ['s3://bucket/x#y?z%.txt', 'bucket', 'x#y?z%.txt'],
    ['s3://bucket/line\nbreak', 'bucket', 'line\nbreak'],
    ['s3://bucket/\u202Eevil', 'bucket', '\u202Eevil'],
    ['s3://bucket/a//b/', 'bucket', 'a//b/'],
    ['s3://bucket/%41', 'bucket', '%41'],
  ])('reads %j', (text, bucket, key) => {
    expect(parseS3Uri(text)).toEqual({ ok: true, location: { bucket, key } });
  });

  it.each([
    ['s3://', /needs a bucket/],
    ['s3://b', /not a valid bucket name/],
    ['s3://bucket', /^s3:\/\/bucket\/ needs a key after the bucket: s3:\/\/bucket\/KEY$/],
    ['s3://exp/', /^s3:\/\/exp\/ needs a key after the bucket: s3:\/\/exp\/KEY$/],
    ['s3://bad_bucket/k', /not a valid bucket name/],
    ['s3://Bucket/k', /not a valid bucket name/],
    ['s3://a..b/k', /not a valid bucket name/],
    ['https://b.s3.amazonaws.com/k', /not an S3 URI/],
    ['bucket/key', /expected s3:\/\/BUCKET\/KEY/],
    [`s3://bucket/${'é'.repeat(513)}`, /1026 bytes long; S3 allows 1024/],
  ])('refuses %j', (text, message) => {
    const result = parseS3Uri(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('accepts a key of exactly 1,024 bytes of non-ASCII', () => {
    expect(parseS3Uri(`s3://bucket/${'é'.repeat(512)}`).ok).toBe(true);
  });
});
