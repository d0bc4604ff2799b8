import { parseArgs } from 'node:util';
import { MAX_EXPIRY_SECONDS, parseExpiry } from './core/expiry.js';
import type { CopyFormat, DefaultLinkKind } from './core/defaults.js';
import type { HttpMethod } from './core/ports.js';

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
  /** From --expires-in, --hours or --expires; undefined means the default (1 hour). */
  expiresInSeconds?: number;
  /** The expiry as typed, to prefill the interactive expiry input. */
  expiryText?: string;
  method: HttpMethod;
  /** GET links: the file name browsers save the download under. */
  downloadAs?: string;
  /** --attachment: download under the key's own file name. */
  attachment: boolean;
  json: boolean;
  /** Seconds to wait for each answer from S3 before giving up on it. */
  timeoutSeconds: number;
  /** Log each request to stderr, with secrets redacted. */
  debug: boolean;
  /** Empty the clipboard this many seconds after a copy, if it still holds the URL. */
  clearClipboardAfter?: number;
  /** Never touch the clipboard (nor send OSC 52). */
  noClipboard: boolean;
  /** Skip the check that the object exists (for upload links, or objects that will exist later). */
  noCheck: boolean;
  /** --no-color: no colour on the screens (NO_COLOR and FORCE_COLOR=0 do the same). */
  noColor: boolean;
  /** From the defaults file: the link kind the expiry screen starts on. */
  linkKind?: DefaultLinkKind;
  /** From the defaults file: how `c` copies links. */
  copyFormat?: CopyFormat;
  /** From the defaults file: draw the screens on the terminal's alternate screen. */
  altScreen?: boolean;
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
        'expires-in': { type: 'string' },
        hours: { type: 'string' },
        expires: { type: 'string' },
        method: { type: 'string', default: 'GET' },
        'download-as': { type: 'string' },
        attachment: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'no-check': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '10' },
        debug: { type: 'boolean', default: false },
        'clear-clipboard-after': { type: 'string' },
        'no-clipboard': { type: 'boolean', default: false },
        'no-color': { type: 'boolean', default: false },
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
  const expiry = expiryFrom(values);
  const method = values.method.toUpperCase();
  if (method !== 'GET' && method !== 'PUT') throw new UsageError(`--method must be GET or PUT, not “${values.method}”`);
  if (method === 'PUT' && (values['download-as'] !== undefined || values.attachment)) {
    throw new UsageError('--download-as and --attachment apply to GET links only');
  }
  if (values['download-as'] !== undefined && values['download-as'].trim() === '') {
    throw new UsageError('--download-as needs a file name');
  }
  const timeoutSeconds = Number(values.timeout);
  if (!/^\d+(\.\d+)?$/.test(values.timeout) || timeoutSeconds <= 0 || timeoutSeconds > 600) {
    throw new UsageError(`--timeout takes seconds from 1 to 600, not “${values.timeout}”`);
  }
  const clearAfter = values['clear-clipboard-after'];
  const clearClipboardAfter = clearAfter === undefined ? undefined : Number(clearAfter);
  if (clearAfter !== undefined && (!/^\d+$/.test(clearAfter) || clearClipboardAfter === 0)) {
    throw new UsageError(`--clear-clipboard-after takes whole seconds (1 or more), not “${clearAfter}”`);
  }
  return {
    ...expiry,
    ...(clearClipboardAfter ? { clearClipboardAfter } : {}),
    noClipboard: values['no-clipboard'],
    timeoutSeconds,
    debug: values.debug,
    method,
    downloadAs: values['download-as'],
    attachment: values.attachment,
    json: values.json,
    noCheck: values['no-check'],
    noColor: values['no-color'],
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

function expiryFrom(values: { 'expires-in'?: string; hours?: string; expires?: string }) {
  const given = (['expires-in', 'hours', 'expires'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length > 1) throw new UsageError(`use one of --expires-in, --hours, --expires (got ${given.map((f) => `--${f}`).join(' and ')})`);
  const flag = given[0];
  if (flag === undefined) return {};
  const text = values[flag] as string;
  if (flag === 'expires-in') {
    const seconds = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (!(seconds >= 1 && seconds <= MAX_EXPIRY_SECONDS)) {
      throw new UsageError(`--expires-in takes whole seconds from 1 to ${MAX_EXPIRY_SECONDS} (7 days), not “${text}”`);
    }
    return { expiresInSeconds: seconds, expiryText: String(seconds / 3600) };
  }
  if (flag === 'hours' && !/^\s*(\d+(\.\d+)?|\.\d+)\s*$/.test(text.normalize('NFKC'))) {
    throw new UsageError(`--hours takes a number of hours (e.g. 24 or 1.5), not “${text}”`);
  }
  const parsed = parseExpiry(text);
  if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.message}`);
  return { expiresInSeconds: parsed.seconds, expiryText: text.trim() };
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
  s3share-tui [options]                  pick profile, bucket, object, expiry
  s3share-tui [options] s3://BUCKET/KEY  print a presigned URL and exit
  s3share-tui completion bash|zsh|fish   print a shell completion script

Options:
  --profile NAME        use this AWS profile (skips the profile screen)
  --bucket NAME         open this bucket (skips the bucket screen)
  --prefix PREFIX       open this folder of the bucket (needs --bucket)
  --region REGION       override the profile's region
  --endpoint-url URL    S3-compatible endpoint (also AWS_ENDPOINT_URL_S3,
                        AWS_ENDPOINT_URL, or endpoint_url in the profile);
                        implies --path-style
  --path-style          address buckets as URL paths instead of host names
  --timeout SECONDS     give up on an S3 request after this long (default 10)
  --debug               log each S3 request to stderr, secrets redacted
  --clear-clipboard-after SECONDS
                        after a copy, empty the clipboard then if it still
                        holds the URL
  --no-clipboard        never copy (no system clipboard, no OSC 52)
  --no-color            no colours (also NO_COLOR=1 or FORCE_COLOR=0)

Expiry (default 1 hour, at most 7 days):
  --expires-in SECONDS  as in \`aws s3 presign\`
  --hours N             hours, decimals allowed (1.5)
  --expires DURATION    90m, 36h, 2d, 1w

Non-interactive (with s3://BUCKET/KEY):
  --method GET|PUT      a download (default) or an upload link
  --download-as NAME    browsers save the download under NAME
  --attachment          browsers save the download under the key's file name
  --no-check            do not check that the object exists first
  --json                print url, method, bucket, key, region, expiresIn,
                        expiresAt as JSON
  -h, --help            show this help
  -V, --version         show the version

Defaults for expiry, link kind, copy format, clipboard clearing and profile:
$XDG_CONFIG_HOME/s3share-tui/config.toml (else ~/.config/…); flags win.

When standard output is not a terminal, the screens are drawn on the terminal
and the last URL shown is written to standard output on exit:
  url=$(s3share-tui)

Exit codes:
  0    done: the URL was printed, or the screens were left normally
  1    an error ended the program (no credentials, object or bucket missing,
       network, server)
  2    bad command-line arguments, or no terminal for the screens
  130  interrupted (Ctrl-C)
`;
