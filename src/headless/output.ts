import { formatUtc } from '../core/expiry.js';
import { formatHeader, formatLink, type LinkFormat } from '../core/link-formats.js';
import type { PresignedUrl } from '../core/ports.js';
import type { LinkReport } from '../link-report.js';

/** Lines are handed to stdout in chunks of about this many characters (one write per chunk). */
const CHUNK = 64 * 1024;

/**
 * Prints links on stdout in the chosen format, buffered: thousands of links cost a few writes,
 * not one each. Only whole records are ever written, so a line is there complete or not at all.
 */
export class LinkPrinter {
  private buffer = '';
  private started = false;
  private warned = false;

  constructor(
    private readonly stdout: NodeJS.WritableStream,
    private readonly format: LinkFormat | 'json',
    private readonly warn: (line: string) => void,
  ) {}

  /** With a check, `checked` says what it proved (--json fields). */
  print(link: PresignedUrl, checked: CheckFields = { checked: false }): void {
    if (!this.started) {
      this.started = true;
      const header = this.format === 'json' ? undefined : formatHeader(this.format);
      if (header !== undefined) this.buffer += `${header}\n`;
    }
    if (this.format === 'json') {
      // Not `{ ...toJson(link), ...checked }`: see shareBatch on spreads in V8.
      this.buffer += `${JSON.stringify(Object.assign(toJson(link), checked))}\n`;
    } else {
      // Every link of a run is signed by the same credentials: one warning says it for all.
      if (!this.warned && cutShort(link)) {
        const { warning } = toJson(link);
        if (warning) {
          this.warned = true;
          this.warn(`s3share-tui: warning: ${warning}\n`);
        }
      }
      this.buffer += `${formatLink(link, this.format)}\n`;
    }
    if (this.buffer.length >= CHUNK) this.flush();
  }

  /** A link whose check failed: only --json prints it (with the problem); other formats leave it out. */
  printFailed(link: PresignedUrl, checked: CheckFields): void {
    if (this.format === 'json') this.print(link, checked);
  }

  flush(): void {
    if (this.buffer === '') return;
    this.stdout.write(this.buffer);
    this.buffer = '';
  }
}

/** What --json says of a link's check. */
export type CheckFields = LinkReport['json'];

/** The credentials end before the expiry asked for: the link dies with them. */
function cutShort(presigned: PresignedUrl): boolean {
  return presigned.expiresAt < presigned.requestedExpiresAt;
}

/** The --json fields of one link (one JSON Lines record). */
function toJson(presigned: PresignedUrl) {
  return {
    url: presigned.url,
    method: presigned.method,
    bucket: presigned.bucket,
    key: presigned.key,
    ...(presigned.versionId !== undefined ? { versionId: presigned.versionId } : {}),
    region: presigned.region,
    expiresIn: Math.round((presigned.expiresAt.getTime() - presigned.signedAt.getTime()) / 1000),
    expiresAt: formatUtc(presigned.expiresAt),
    ...(presigned.credentialsExpireAt ? { credentialsExpireAt: formatUtc(presigned.credentialsExpireAt) } : {}),
    ...(cutShort(presigned)
      ? {
          requestedExpiresIn: presigned.expiresInSeconds,
          warning: `the temporary credentials that signed this URL expire at ${formatUtc(presigned.expiresAt)}, before the ${presigned.expiresInSeconds} s requested`,
        }
      : {}),
  };
}
