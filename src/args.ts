import { parseArgs } from 'node:util';
import { MAX_EXPIRY_SECONDS, parseExpiry } from './core/expiry.js';
import { LINK_FORMATS, type LinkFormat } from './core/link-formats.js';
import { MAX_CLEAR_CLIPBOARD_SECONDS } from './core/limits.js';
import { printable } from './core/printable.js';
import { isValidRegion } from './core/region.js';
import type { CopyFormat, DefaultLinkKind } from './core/defaults.js';
import type { HttpMethod } from './core/ports.js';
import { parseShareTarget } from './core/share-target.js';

export class UsageError extends Error {}

export interface CliOptions {
  profile?: string;
  bucket?: string;
  prefix?: string;
  region?: string;
  endpointUrl?: string;
  pathStyle: boolean;
  /**
   * `s3://bucket/key` URIs (or `-`: read them from standard input) to sign without the
   * interactive screens, in the order given.
   */
  targets: string[];
  /** A URI ending in `/` shares every object under it. */
  recursive: boolean;
  /** Sign this version of the one object named. */
  versionId?: string;
  /** How the links are printed (--json aside). */
  format: LinkFormat;
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
  /** Draw the screens on the terminal's alternate screen (undefined: as the defaults file says). */
  altScreen?: boolean;
  /** Skip the check that the link works (for upload links, or objects that will exist later). */
  noCheck: boolean;
  /** GET links: the Content-Type S3 answers with (signed as response-content-type). */
  contentType?: string;
  /** Sign for a Requester Pays bucket (x-amz-request-payer=requester). */
  requestPayer: boolean;
  /** --no-color: no colour on the screens (NO_COLOR and FORCE_COLOR=0 do the same). */
  noColor: boolean;
  /** From the defaults file: the link kind the expiry screen starts on. */
  linkKind?: DefaultLinkKind;
  /** From the defaults file: how `c` copies links. */
  copyFormat?: CopyFormat;
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
        recursive: { type: 'boolean', short: 'r', default: false },
        'version-id': { type: 'string' },
        format: { type: 'string' },
        'content-type': { type: 'string' },
        'request-payer': { type: 'boolean', default: false },
        'alt-screen': { type: 'boolean' },
        'no-color': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(firstLine(error));
  }
  const { values, positionals } = parsed;
  const sharing = sharingFrom(values, positionals);
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
  const contentType = values['content-type'];
  if (contentType !== undefined) {
    if (method === 'PUT') throw new UsageError('--content-type applies to GET links only');
    if (!/^[\w.+-]+\/[\w.+-]+(\s*;\s*[\w.+-]+=("[^"\p{Cc}]*"|[\w.+-]+))*$/u.test(contentType.trim())) {
      throw new UsageError(
        `--content-type takes a media type such as application/pdf, not “${printable(contentType)}”`,
      );
    }
  }
  if (values.region !== undefined && !isValidRegion(values.region)) {
    throw new UsageError(`--region takes a region name such as us-east-1, not “${printable(values.region)}”`);
  }
  const timeoutSeconds = Number(values.timeout);
  if (!/^\d{1,3}$/.test(values.timeout) || timeoutSeconds < 1 || timeoutSeconds > 600) {
    throw new UsageError(`--timeout takes whole seconds from 1 to 600, not “${printable(values.timeout)}”`);
  }
  const clearAfter = values['clear-clipboard-after'];
  const clearClipboardAfter = clearAfter === undefined ? undefined : Number(clearAfter);
  if (
    clearAfter !== undefined &&
    (!/^\d+$/.test(clearAfter) || clearClipboardAfter === 0 || (clearClipboardAfter ?? 0) > MAX_CLEAR_CLIPBOARD_SECONDS)
  ) {
    throw new UsageError(
      `--clear-clipboard-after takes whole seconds from 1 to ${MAX_CLEAR_CLIPBOARD_SECONDS} (7 days), not “${printable(clearAfter)}”`,
    );
  }
  return {
    ...expiry,
    ...(clearClipboardAfter ? { clearClipboardAfter } : {}),
    noClipboard: values['no-clipboard'],
    ...(values['alt-screen'] === undefined ? {} : { altScreen: values['alt-screen'] }),
    timeoutSeconds,
    debug: values.debug,
    method,
    downloadAs: values['download-as'],
    attachment: values.attachment,
    json: values.json,
    noCheck: values['no-check'],
    ...(contentType !== undefined ? { contentType: contentType.trim() } : {}),
    requestPayer: values['request-payer'],
    noColor: values['no-color'],
    profile: values.profile,
    bucket: values.bucket,
    prefix: values.prefix,
    region: values.region,
    endpointUrl,
    pathStyle: values['path-style'],
    ...sharing,
    help: values.help,
    version: values.version,
  };
}

function sharingFrom(
  values: {
    recursive: boolean;
    'version-id'?: string;
    format?: string;
    json: boolean;
    method: string;
    'download-as'?: string;
  },
  positionals: string[],
) {
  const format = (values.format ?? 'plain').toLowerCase();
  if (!(LINK_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format takes ${LINK_FORMATS.join(', ')}, not “${values.format}”`);
  }
  if (values.format !== undefined && values.json) throw new UsageError('use --json or --format, not both');
  if (positionals.filter((p) => p === '-').length > 1)
    throw new UsageError('- (read URIs from standard input) may be given once');
  for (const text of positionals) {
    if (text === '-') continue;
    const target = parseShareTarget(text, values.recursive);
    if (!target.ok) throw new UsageError(target.message);
  }
  if (values['download-as'] !== undefined && (positionals.length > 1 || positionals[0] === '-' || values.recursive)) {
    throw new UsageError('--download-as names one file: with several objects use --attachment (each its own name)');
  }
  const versionId = values['version-id'];
  if (versionId !== undefined) {
    if (versionId.trim() === '') throw new UsageError('--version-id needs a value');
    if (positionals.length !== 1 || positionals[0] === '-' || values.recursive) {
      throw new UsageError('--version-id signs one object: give exactly one s3://BUCKET/KEY (no -, no --recursive)');
    }
    if (values.method.toUpperCase() !== 'GET')
      throw new UsageError('--version-id makes download links only (not --method PUT)');
  }
  if (positionals.length === 0) {
    const given = (['recursive', 'version-id', 'format'] as const).filter((flag) =>
      flag === 'recursive' ? values.recursive : values[flag] !== undefined,
    );
    if (given[0]) throw new UsageError(`--${given[0]} needs s3:// URIs (or - to read them from standard input)`);
  }
  return {
    targets: positionals,
    recursive: values.recursive,
    format: format as LinkFormat,
    ...(versionId !== undefined ? { versionId } : {}),
  };
}

function expiryFrom(values: { 'expires-in'?: string; hours?: string; expires?: string }) {
  const given = (['expires-in', 'hours', 'expires'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length > 1)
    throw new UsageError(
      `use one of --expires-in, --hours, --expires (got ${given.map((f) => `--${f}`).join(' and ')})`,
    );
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
  s3share-tui [options]               pick profile, bucket, object and expiry
  s3share-tui [options] URI...        print a presigned URL for each and exit
  s3share-tui [options] -             the same for URIs on standard input, one
                                      a line (# comments, blank lines skipped)
  s3share-tui completion bash|zsh|fish  print a shell completion script
URI is s3://BUCKET/KEY, or with --recursive s3://BUCKET/PREFIX/ (every object
under it) or s3://BUCKET (all of it).

Options:
  --profile NAME        use this AWS profile (skips the profile screen)
  --bucket NAME         open this bucket (skips the bucket screen)
  --prefix PREFIX       open this folder of the bucket (needs --bucket)
  --region REGION       override the profile's region
  --endpoint-url URL    S3-compatible endpoint (also AWS_ENDPOINT_URL_S3,
                        AWS_ENDPOINT_URL, or endpoint_url in the profile);
                        implies --path-style
  --path-style          address buckets as URL paths instead of host names
  --timeout SECONDS     give up on an S3 request after this long, 1 to 600
                        (default 10)
  --debug               log each S3 request to stderr, secrets redacted
  --clear-clipboard-after SECONDS
                        after a copy, empty the clipboard if it still holds
                        the URL
  --no-clipboard        never copy (no system clipboard, no OSC 52)
  --no-check            do not fetch each link to prove it works first
  --alt-screen          draw on the alternate screen (the shell's screen
                        returns on exit)
  --no-color            no colours (also NO_COLOR=1 or FORCE_COLOR=0)

Expiry (default 1 hour, at most 7 days):
  --expires-in SECONDS  as in \`aws s3 presign\`
  --hours N             hours, decimals allowed (1.5)
  --expires DURATION    90m, 36h, 2d, 1w

Non-interactive (with URIs):
  -r, --recursive       a URI ending in / shares every object under it
  --version-id ID       sign this version of the one object given
  --method GET|PUT      a download (default) or an upload link
  --download-as NAME    browsers save the download under NAME (one object)
  --attachment          browsers save each download under its key's file name
  --content-type TYPE   browsers get this Content-Type (application/pdf shows
                        a PDF inline instead of downloading it)
  --request-payer       sign for a Requester Pays bucket (your account pays)
  --format FORMAT       plain (one URL per line, the default), tsv (key, tab,
                        URL), csv (key,url,expires_at) or markdown ([key](URL))
  --json                one JSON object per line: url, method, bucket, key,
                        region, expiresIn, expiresAt, checked (and versionId;
                        problem and message when the check fails)
  -h, --help            show this help
  -V, --version         show the version

Links are printed in the order asked. A URI that fails is named on stderr, the
others are still printed, and the exit code is 1.


Defaults for expiry, link kind, copy format, clipboard clearing and profile:
$XDG_CONFIG_HOME/s3share-tui/config.toml (else ~/.config/…); flags win.

When standard output is not a terminal, the screens are drawn on the terminal,
and q on a result writes its URL (on the links of marked objects, every URL,
one per line) to standard output; a link that failed its check is not written:
  url=$(s3share-tui)

Exit codes:
  0    done: every URL was printed, or q on a result whose links all work
  1    an error: no credentials, an object or bucket missing, network, server;
       a link that failed its check
  2    bad command-line arguments, or no terminal for the screens
  129  the terminal hung up (SIGHUP)
  130  aborted: Ctrl-C, or Esc on the first screen (nothing printed)
  143  terminated (SIGTERM)
`;
