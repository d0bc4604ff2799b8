import { discoverProfiles } from '../adapters/aws-profiles.js';
import { missingProfileMessage } from '../core/missing-profile.js';
import { createLazyS3Connector } from '../adapters/lazy-s3.js';
import { fileRegionCache, regionCachePath } from '../adapters/region-cache.js';
import type { CliOptions } from '../args.js';
import { connectionFor, endpointFromEnvironment, ENVIRONMENT_PROFILE } from '../core/connection.js';
import type { S3Session } from '../core/ports.js';

/**
 * The S3 session a script signs with. Credentials and region are chosen as the AWS CLI chooses
 * them: --profile, else environment credentials, else AWS_PROFILE, else default; --region, else
 * AWS_REGION, else the profile's.
 */
export async function openSession(
  options: CliOptions,
  env: NodeJS.ProcessEnv,
  debug: ((line: string) => void) | undefined,
  notice?: (line: string) => void,
): Promise<{ session: S3Session; profile: string } | { failure: string }> {
  const discovery = await discoverProfiles(env);
  const hasEnvironmentKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const name = options.profile ?? (hasEnvironmentKeys ? ENVIRONMENT_PROFILE : env.AWS_PROFILE || 'default');
  const profile = discovery.profiles.find((p) => p.name === name);
  if (!profile) {
    const namedBy =
      options.profile !== undefined ? 'flag' : env.AWS_PROFILE && !hasEnvironmentKeys ? 'AWS_PROFILE' : 'default';
    return { failure: missingProfileMessage(name, namedBy, discovery) };
  }
  const connection = connectionFor(profile, {
    endpointUrl: options.endpointUrl ?? endpointFromEnvironment(env),
    region: options.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined),
    pathStyle: options.pathStyle,
  });
  const clock = { now: () => new Date() };
  const session = createLazyS3Connector({
    clock,
    regionCache: fileRegionCache(regionCachePath(env), clock),
    timeoutMs: options.timeoutSeconds * 1000,
    ...(notice ? { notice } : {}),
    ...(debug ? { debug } : {}),
  }).connect(connection);
  return { session, profile: connection.profile };
}
