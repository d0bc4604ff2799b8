import { discoverProfiles } from '../adapters/aws-profiles.js';
import { bucketNamesPath, cacheBucketNames, cachedBucketNames } from '../adapters/bucket-names-cache.js';
import { loadDefaults } from '../adapters/defaults-file.js';
import { createLazyS3Connector } from '../adapters/lazy-s3.js';
import { fileRegionCache, regionCachePath } from '../adapters/region-cache.js';
import { connectionFor, endpointFromEnvironment, ENVIRONMENT_PROFILE } from '../core/connection.js';
import type { CompletionIo } from './command.js';

/** A Tab press waits at most this long for S3; then it completes nothing. */
const BUCKETS_TIMEOUT_MS = 5000;

/**
 * Names for the completion scripts, one a line: `profiles` (from the config files, no network)
 * or `buckets [--profile NAME]` (ListBuckets, kept a few minutes). Nothing is printed on errors:
 * a shell completing would show it mid-line.
 */
export async function completeNames(args: readonly string[], io: CompletionIo): Promise<number> {
  const { env } = io;
  const discovery = await discoverProfiles(env);
  if (args[0] === 'profiles') {
    const names = discovery.profiles.map((p) => p.name).filter((name) => name !== ENVIRONMENT_PROFILE);
    io.stdout.write(names.map((name) => `${name}\n`).join(''));
    return 0;
  }
  if (args[0] !== 'buckets') return 2;
  const flagProfile = args[1] === '--profile' ? args[2] : undefined;
  const hasEnvironmentKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const name =
    flagProfile ||
    (hasEnvironmentKeys ? ENVIRONMENT_PROFILE : env.AWS_PROFILE || loadDefaults(env).defaults.profile || 'default');
  const profile = discovery.profiles.find((p) => p.name === name);
  if (!profile) return 1;
  const connection = connectionFor(profile, { endpointUrl: endpointFromEnvironment(env) });
  const key = `${profile.name} ${connection.endpointUrl ?? 'aws'}`;
  const path = bucketNamesPath(env);
  const now = Date.now();
  let names = cachedBucketNames(path, key, now);
  if (!names) {
    const clock = { now: () => new Date() };
    try {
      const session = createLazyS3Connector({
        clock,
        regionCache: fileRegionCache(regionCachePath(env), clock),
        timeoutMs: BUCKETS_TIMEOUT_MS,
      }).connect(connection);
      names = (await session.listBuckets()).map((bucket) => bucket.name);
    } catch {
      return 1;
    }
    cacheBucketNames(path, key, names, now);
  }
  io.stdout.write(names.map((bucket) => `${bucket}\n`).join(''));
  return 0;
}
