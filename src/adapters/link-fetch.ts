import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
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
 * all, as the SDK does); no answer at all rejects. node:http rather than fetch: fetch's parser is
 * WebAssembly whose compilation holds the process up for half a second at exit.
 */
export async function fetchLinkAnswer(
  url: string,
  abortSignal: AbortSignal,
  debug?: (line: string) => void,
): Promise<FetchedAnswer> {
  for (let attempt = 1; ; attempt += 1) {
    const started = Date.now();
    try {
      const answer = await getOnce(url, abortSignal);
      debug?.(`GET ${redactUrl(url)} (link check, Range bytes=0-0) → ${answer.status} (${Date.now() - started} ms)`);
      if (answer.status < 500 || attempt >= ATTEMPTS) return answer;
    } catch (error) {
      debug?.(`GET ${redactUrl(url)} (link check) → ${(error as Error).name} (${Date.now() - started} ms)`);
      if (abortSignal.aborted || attempt >= ATTEMPTS || !isCutConnection(error)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** (attempt - 1)));
  }
}

function getOnce(url: string, signal: AbortSignal): Promise<FetchedAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers: { range: 'bytes=0-0' }, agent: false, signal }, (response) => {
      const status = response.statusCode ?? 0;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      if (proves(status)) {
        response.destroy();
        resolve({ status, headers });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => {
        response.destroy();
        const body = Buffer.concat(chunks).subarray(0, MAX_ERROR_BYTES).toString('utf8');
        resolve({ status, headers, ...parseErrorDocument(body) });
      };
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size >= MAX_ERROR_BYTES) finish();
      });
      response.on('end', finish);
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/** Code, Message, StorageClass and AccessTier of an S3 error document (absent fields left out). */
export function parseErrorDocument(xml: string): Omit<LinkAnswer, 'status' | 'headers'> {
  const field = (name: string) => {
    const value = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
    return value === undefined ? undefined : decodeEntities(value.trim());
  };
  const fields = {
    code: field('Code'),
    message: field('Message'),
    storageClass: field('StorageClass'),
    accessTier: field('AccessTier'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value));
}

function decodeEntities(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '',
  );
}

/** A connection cut before the answer: worth another try. Refused or unresolvable hosts are not. */
function isCutConnection(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}
