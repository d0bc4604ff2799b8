import { discoverProfiles } from './adapters/aws-profiles.js';
import { createLazyS3Connector } from './adapters/lazy-s3.js';
import { fileRegionCache, regionCachePath } from './adapters/region-cache.js';
import type { CliOptions } from './args.js';
import { connectionFor, endpointFromEnvironment, ENVIRONMENT_PROFILE } from './core/connection.js';
import { baseName } from './core/content-disposition.js';
import { DOT_SEGMENTS_WARNING, hasDotSegments } from './core/dot-segments.js';
import { formatUtc } from './core/expiry.js';
import type { PresignedUrl } from './core/ports.js';
import { printable } from './core/printable.js';
import { redactUserinfo } from './core/redact.js';
import type { S3Location } from './core/s3-uri.js';

const DEFAULT_EXPIRY_SECONDS = 3600;

export interface HeadlessIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `s3share-tui s3://bucket/key`: sign one URL and print it, for scripts. Never loads Ink or React.
 * Credentials and region are chosen as the AWS CLI chooses them: --profile, else environment
 * credentials, else AWS_PROFILE, else default; --region, else AWS_REGION, else the profile's.
 */
export async function runHeadless(options: CliOptions, target: S3Location, io: HeadlessIo): Promise<number> {
  // Every message may quote a config file, a profile name, an endpoint or a server's words.
  const say = (line: string) => io.stderr.write(`s3share-tui: ${printable(redactUserinfo(line))}\n`);
  const fail = (message: string) => {
    say(message);
    return 1;
  };
  const { env } = io;
  const discovery = await discoverProfiles(env);
  const hasEnvironmentKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const name = options.profile ?? (hasEnvironmentKeys ? ENVIRONMENT_PROFILE : env.AWS_PROFILE || 'default');
  const profile = discovery.profiles.find((p) => p.name === name);
  if (!profile) {
    const files = discovery.files.map((f) => `${f.path} (${f.state})`).join(', ');
    const problem = discovery.problems?.[0] ? `; ${discovery.problems[0]}` : '';
    return fail(`no AWS profile “${name}” (looked in ${files}${problem}); run \`aws configure\` or pass --profile`);
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
    notice: (line: string) => say(`warning: ${line}`),
    ...(options.debug
      ? { debug: (line: string) => io.stderr.write(`s3share-tui debug: ${printable(redactUserinfo(line))}\n`) }
      : {}),
  }).connect(connection);
  const where = printable(`s3://${target.bucket}/${target.key}`);

  try {
    if (!options.noCheck && options.method === 'GET') await session.headObject(target.bucket, target.key);
  } catch (error) {
    return fail(`${where}: ${(error as Error).message}`);
  }
  let presigned: PresignedUrl;
  try {
    const downloadName = options.downloadAs ?? (options.attachment ? baseName(target.key) : undefined);
    presigned = await session.presign({
      ...target,
      method: options.method,
      expiresInSeconds: options.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS,
      ...(downloadName ? { downloadName } : {}),
    });
  } catch (error) {
    return fail(`${where}: ${(error as Error).message}`);
  }
  if (hasDotSegments(target.key)) say(`warning: ${DOT_SEGMENTS_WARNING}`);
  if (!options.json) warnIfCutShort(presigned, io.stderr);
  io.stdout.write(options.json ? `${JSON.stringify(toJson(presigned))}\n` : `${presigned.url}\n`);
  return 0;
}

export function toJson(presigned: PresignedUrl) {
  const cutShort = presigned.expiresAt < presigned.requestedExpiresAt;
  return {
    url: presigned.url,
    method: presigned.method,
    bucket: presigned.bucket,
    key: presigned.key,
    region: presigned.region,
    expiresIn: Math.round((presigned.expiresAt.getTime() - presigned.signedAt.getTime()) / 1000),
    expiresAt: formatUtc(presigned.expiresAt),
    ...(presigned.credentialsExpireAt ? { credentialsExpireAt: formatUtc(presigned.credentialsExpireAt) } : {}),
    ...(cutShort
      ? {
          requestedExpiresIn: presigned.expiresInSeconds,
          warning: `the temporary credentials that signed this URL expire at ${formatUtc(presigned.expiresAt)}, before the ${presigned.expiresInSeconds} s requested`,
        }
      : {}),
  };
}

/** Plain output still warns (on stderr) when the link dies before the time asked for. */
function warnIfCutShort(presigned: PresignedUrl, stderr: NodeJS.WritableStream): void {
  const { warning } = toJson(presigned);
  if (warning) stderr.write(`s3share-tui: warning: ${warning}\n`);
}
