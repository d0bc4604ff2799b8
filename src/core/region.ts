/**
 * What a region name looks like (us-east-1, eu-central-2, us-gov-west-1, cn-north-1, and the
 * names S3-compatible stores use: "default", "garage"). A region arrives from config files and
 * from servers (ListBuckets, HeadBucket, GetBucketLocation) and ends up on screen, in a URL's
 * signing scope and in the cache file: anything else is not a region.
 */
const REGION = /^[a-z0-9-]{1,32}$/;

export function isValidRegion(region: unknown): region is string {
  return typeof region === 'string' && REGION.test(region);
}

/** The region if it is one, else undefined (the caller then falls back as if none was given). */
export function validRegion(region: string | undefined | null): string | undefined {
  return isValidRegion(region) ? region : undefined;
}
