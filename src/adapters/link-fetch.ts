import type { LinkAnswer } from '../core/link-problem.js';
import { proves } from '../core/link-problem.js';
import { redactUrl } from '../core/redact.js';

/** Enough of an error document for its Code, Message and the elements S3 adds for some errors. */
const MAX_ERROR_BYTES = 16 * 1024;
const ATTEMPTS = 3;

export interface FetchedAnswer extends LinkAnswer {
  headers: Record<string, string>;
}

/**
 * GETs a presigned URL with `Range: bytes=0-0`, as a recipient's browser would but asking for one
 * byte, and reads what S3 answered: status, headers, and the error document's fields. A body is
 * never read past a few kilobytes. 5xx answers and cut connections are tried again (3 attempts in
 * all, as the SDK does); no answer at all rejects.
 */
export async function fetchLinkAnswer(
  url: string,
  abortSignal: AbortSignal,
  debug?: (line: string) => void,
): Promise<FetchedAnswer> {
  for (let attempt = 1; ; attempt += 1) {
    const started = Date.now();
    try {
      const response = await fetch(url, { headers: { range: 'bytes=0-0' }, redirect: 'manual', signal: abortSignal });
      debug?.(`GET ${redactUrl(url)} (link check, Range bytes=0-0) → ${response.status} (${Date.now() - started} ms)`);
      const headers = Object.fromEntries(response.headers);
      if (proves(response.status)) {
        await response.body?.cancel();
        return { status: response.status, headers };
      }
      const answer = { status: response.status, headers, ...parseErrorDocument(await readSome(response, MAX_ERROR_BYTES)) };
      if (response.status < 500 || attempt >= ATTEMPTS) return answer;
    } catch (error) {
      debug?.(`GET ${redactUrl(url)} (link check) → ${(error as Error).name} (${Date.now() - started} ms)`);
      if (abortSignal.aborted || attempt >= ATTEMPTS || !isCutConnection(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
  }
}

/** Code, Message, StorageClass and AccessTier of an S3 error document (absent fields left out). */
export function parseErrorDocument(xml: string): Omit<LinkAnswer, 'status' | 'headers'> {
  const field = (name: string) => {
    const value = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
    return value === undefined ? undefined : decodeEntities(value.trim());
  };
  const fields = { code: field('Code'), message: field('Message'), storageClass: field('StorageClass'), accessTier: field('AccessTier') };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value)) as Omit<LinkAnswer, 'status' | 'headers'>;
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '');
}

async function readSome(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel();
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** A connection cut before the answer: worth another try. Refused or unresolvable hosts are not. */
function isCutConnection(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}
