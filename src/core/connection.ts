import type { Connection, Profile } from './ports.js';
import { validRegion } from './region.js';

/** Endpoint settings that outrank the profile's own, in the AWS CLI's order. */
export function endpointFromEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  return nonEmpty(env.AWS_ENDPOINT_URL_S3) ?? nonEmpty(env.AWS_ENDPOINT_URL);
}

export interface ConnectionOverrides {
  /** `--endpoint-url`, else the environment's endpoint. */
  endpointUrl?: string;
  region?: string;
  pathStyle?: boolean;
}

/**
 * How to reach S3 as this profile. A custom endpoint (a local server, MinIO, Ceph) is addressed
 * path-style: virtual-hosted names like `bucket.127.0.0.1:7480` do not resolve.
 */
export function connectionFor(profile: Profile, overrides: ConnectionOverrides): Connection {
  const endpointUrl = overrides.endpointUrl ?? profile.endpointUrl;
  return {
    profile: profile.name,
    // A region that is not a region name (from AWS_REGION, say) is as good as none.
    region: validRegion(overrides.region) ?? validRegion(profile.region),
    endpointUrl,
    pathStyle: overrides.pathStyle === true || endpointUrl !== undefined,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The pseudo-profile for credentials taken from AWS_ACCESS_KEY_ID and friends. */
export const ENVIRONMENT_PROFILE = '(environment)';

/** A profile's region, else the one the SDK would use, else us-east-1 (where ListBuckets works). */
export const FALLBACK_REGION = 'us-east-1';
