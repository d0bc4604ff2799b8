import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export interface CliOptions {
  profile?: string;
  bucket?: string;
  prefix?: string;
  region?: string;
  endpointUrl?: string;
  pathStyle: boolean;
  /** `s3://bucket/key`: sign it without the interactive screens. */
  target?: string;
  help: boolean;
  version: boolean;
}

/** argv (without node and the script) → validated options, or a UsageError naming the problem. */
export function parseArguments(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        profile: { type: 'string' },
        bucket: { type: 'string' },
        prefix: { type: 'string' },
        region: { type: 'string' },
        'endpoint-url': { type: 'string' },
        'path-style': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(firstLine(error));
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`expected at most one s3://bucket/key, got ${positionals.length} arguments`);
  for (const name of ['profile', 'bucket', 'region', 'endpoint-url'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') throw new UsageError(`--${name} needs a value`);
  }
  const endpointUrl = values['endpoint-url'];
  if (endpointUrl !== undefined) checkEndpoint(endpointUrl);
  if (values.prefix !== undefined && values.bucket === undefined) throw new UsageError('--prefix needs --bucket');
  return {
    profile: values.profile,
    bucket: values.bucket,
    prefix: values.prefix,
    region: values.region,
    endpointUrl,
    pathStyle: values['path-style'],
    target: positionals[0],
    help: values.help,
    version: values.version,
  };
}

function checkEndpoint(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--endpoint-url “${value}” is not a URL (expected e.g. http://127.0.0.1:9000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--endpoint-url must start with http:// or https://, not ${url.protocol}`);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').replace(/\. To specify a positional argument.*$/, '');
}

export const USAGE = `s3share-tui — share private S3 objects through presigned URLs

Usage:
  s3share-tui [options]                 pick profile, bucket, object and expiry on screen
  s3share-tui [options] s3://BUCKET/KEY  (reserved for the non-interactive mode)

Options:
  --profile NAME        use this AWS profile (skips the profile screen)
  --bucket NAME         open this bucket (skips the bucket screen)
  --prefix PREFIX       open this folder of the bucket (needs --bucket)
  --region REGION       override the profile's region
  --endpoint-url URL    S3-compatible endpoint (also AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL,
                        or endpoint_url in the profile); implies --path-style
  --path-style          address buckets as URL paths instead of host names
  -h, --help            show this help
  -V, --version         show the version

When standard output is not a terminal, the screens are drawn on the terminal and the last
URL shown is written to standard output on exit:  url=$(s3share-tui)

Exit codes:
  0    done (quit normally)
  1    an error ended the program
  2    bad command-line arguments
  130  interrupted (Ctrl-C)
`;
