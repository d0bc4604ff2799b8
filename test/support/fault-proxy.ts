/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the local S3 server, for tests of what
 * the app does when the network or the server misbehaves. Requests pass through unchanged (the
 * Host header included, so SigV4 signatures made for the proxy's address still verify) until a
 * test tells the proxy otherwise, at run time:
 *
 * - `refuse()`: nothing listens on the port any more (connections are refused) until `accept()`;
 * - `hang()`: requests are read and never answered;
 * - `failNext(n, fault)` / `fail(fault)`: answer with an HTTP error (e.g. 503 SlowDown), hang or
 *   cut the connection, for the next `n` requests (or every one) that match a predicate;
 * - `passThrough()`: back to normal.
 *
 * Every request is recorded (`requests`, `count()`), so a test can prove how often the client tried.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the proxy saw of one request. */
export interface SeenRequest {
  method: string;
  /** The path and query as sent, e.g. `/bucket?list-type=2&continuation-token=…`. */
  url: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The S3 operation, guessed from the method, path and query (see `s3Operation`). */
  operation: string;
  /** What the proxy did with it. */
  outcome: 'passed' | 'hung' | 'reset' | `status ${number}`;
}

export type Fault =
  /** An HTTP error answer with an S3 error document (no body for HEAD, as S3 does). */
  | { kind: 'status'; status: number; code?: string; message?: string; headers?: Record<string, string> }
  /** Read the request, never answer. */
  | { kind: 'hang' }
  /** Cut the connection without an answer (the client sees ECONNRESET or "socket hang up"). */
  | { kind: 'reset' };

export type Matcher = (request: SeenRequest) => boolean;

interface Rule {
  match: Matcher;
  fault: Fault;
  /** How many more requests this rule takes; Infinity for all. */
  remaining: number;
}

/** 503 SlowDown, word for word as S3 sends it. */
export const SLOW_DOWN: Fault = {
  kind: 'status',
  status: 503,
  code: 'SlowDown',
  message: 'Please reduce your request rate.',
};

/** 500 InternalError, word for word as S3 sends it. */
export const INTERNAL_ERROR: Fault = {
  kind: 'status',
  status: 500,
  code: 'InternalError',
  message: 'We encountered an internal error. Please try again.',
};

/** Matchers for the S3 operations the app sends. */
export const is = {
  any: (() => true) as Matcher,
  operation:
    (...names: string[]): Matcher =>
    (r) =>
      names.includes(r.operation),
  /** ListObjectsV2 of a later page (it carries a continuation token). */
  laterListPage: ((r) => r.operation === 'ListObjectsV2' && r.query.has('continuation-token')) as Matcher,
  /** ListObjectsV2 of the first page. */
  firstListPage: ((r) => r.operation === 'ListObjectsV2' && !r.query.has('continuation-token')) as Matcher,
};

/** The S3 operation of a path-style request (only the ones the app and the tests send). */
function s3Operation(method: string, path: string, query: URLSearchParams): string {
  const parts = path.split('/').filter((part) => part !== '');
  if (parts.length === 0) return method === 'GET' ? 'ListBuckets' : `${method} /`;
  if (parts.length === 1) {
    if (query.has('location')) return 'GetBucketLocation';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'GET' && query.get('list-type') === '2') return 'ListObjectsV2';
    if (method === 'GET') return 'ListObjects';
    if (method === 'PUT') return 'CreateBucket';
    return `${method} bucket`;
  }
  if (method === 'HEAD') return 'HeadObject';
  if (method === 'GET') return 'GetObject';
  if (method === 'PUT') return 'PutObject';
  return `${method} object`;
}

export class FaultProxy {
  /** Every request received, faulted or not, in order. */
  readonly requests: SeenRequest[] = [];
  readonly port: number;
  readonly url: string;

  private rules: Rule[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly hung = new Set<ServerResponse>();
  private listening = true;
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly upstream: URL,
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.url = `http://127.0.0.1:${this.port}`;
  }

  /** Starts a proxy for `upstream` (e.g. http://127.0.0.1:7480) on a free port of 127.0.0.1. */
  static async start(upstream: string): Promise<FaultProxy> {
    const target = new URL(upstream);
    if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
      throw new Error(`the fault proxy only fronts a local server, not ${upstream}`);
    }
    // Requests and connections arrive only after `proxy` is set below (listen has resolved by then).
    const server = createServer((req, res) => proxy.handle(req, res));
    // No server-side time limits: a hung request stays hung until the test releases it.
    server.requestTimeout = 0;
    server.headersTimeout = 0;
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const proxy = new FaultProxy(server, target);
    server.on('connection', (socket) => proxy.track(socket));
    return proxy;
  }

  /** Requests matching `match` (all when omitted) seen so far. */
  count(match: Matcher = is.any): number {
    return this.requests.filter(match).length;
  }

  /** Stops listening and cuts every open connection: connecting is refused until `accept()`. */
  async refuse(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.dropConnections();
    await closing;
  }

  /** Listens again on the same port (after `refuse()`). */
  async accept(): Promise<void> {
    if (this.listening || this.closed) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.listening = true;
  }

  /** Every request from now on is read and never answered (until `passThrough()` or `clear()`). */
  hang(match: Matcher = is.any): void {
    this.fail({ kind: 'hang' }, match);
  }

  /** Every request matching `match` gets `fault`. */
  fail(fault: Fault, match: Matcher = is.any): void {
    this.rules.push({ match, fault, remaining: Number.POSITIVE_INFINITY });
  }

  /** The next `times` requests matching `match` get `fault`; later ones pass. */
  failNext(times: number, fault: Fault, match: Matcher = is.any): void {
    this.rules.push({ match, fault, remaining: times });
  }

  /**
   * Drops every rule. Requests already left hanging stay so (a client that gave up on them has
   * closed them already; one that did not would otherwise retry them now, into the next test):
   * `releaseHung()` cuts them, `close()` too.
   */
  clear(): void {
    this.rules = [];
  }

  /** Cuts the connections of the requests left hanging (their clients see the connection end). */
  releaseHung(): void {
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
  }

  /** How many requests are hanging now (their clients have not given up on them). */
  get hanging(): number {
    return this.hung.size;
  }

  /** Back to normal: no rules, listening. */
  async passThrough(): Promise<void> {
    this.clear();
    await this.accept();
  }

  /** Forgets the requests seen so far. */
  resetCounts(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clear();
    this.releaseHung();
    if (this.listening) {
      this.listening = false;
      const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.dropConnections();
      await closing;
    } else {
      this.dropConnections();
    }
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // A client that gives up on a hung request resets the connection: not an error here.
    socket.on('error', () => {});
  }

  private dropConnections(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    this.hung.clear();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://proxy.invalid');
    const method = req.method ?? 'GET';
    const seen: SeenRequest = {
      method,
      url,
      path: decodeURIComponent(parsed.pathname),
      query: parsed.searchParams,
      headers: req.headers,
      operation: s3Operation(method, parsed.pathname, parsed.searchParams),
      outcome: 'passed',
    };
    this.requests.push(seen);
    const rule = this.rules.find((r) => r.remaining > 0 && r.match(seen));
    if (!rule) {
      this.forward(req, res);
      return;
    }
    rule.remaining -= 1;
    const { fault } = rule;
    // Read (and drop) the request body either way, as a server would.
    req.resume();
    switch (fault.kind) {
      case 'hang':
        seen.outcome = 'hung';
        this.hung.add(res);
        res.on('close', () => this.hung.delete(res));
        return;
      case 'reset':
        seen.outcome = 'reset';
        req.socket.destroy();
        return;
      case 'status': {
        seen.outcome = `status ${fault.status}`;
        const body =
          fault.code === undefined
            ? ''
            : '<?xml version="1.0" encoding="UTF-8"?>\n' +
              `<Error><Code>${fault.code}</Code><Message>${fault.message ?? ''}</Message>` +
              `<RequestId>fault-proxy-${this.requests.length}</RequestId></Error>`;
        res.writeHead(fault.status, {
          'content-type': 'application/xml',
          'x-amz-request-id': `fault-proxy-${this.requests.length}`,
          ...(method === 'HEAD' ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
          ...fault.headers,
        });
        res.end(method === 'HEAD' ? undefined : body);
        return;
      }
    }
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const upstream = httpRequest(
      {
        hostname: this.upstream.hostname,
        port: this.upstream.port,
        method: req.method,
        path: req.url,
        // Unchanged, Host included: the signature covers it.
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // A client that gives up (its timeout) takes the upstream request down with it.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.on('error', (error) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502, { 'content-type': 'text/plain' }).end(`fault proxy: upstream failed: ${error.message}`);
    });
    req.pipe(upstream);
  }
}
