/**
 * A small S3 impostor on 127.0.0.1 for tests of what the app does when a server is hostile: the
 * test answers each request itself (escape sequences in region names, repeating continuation
 * tokens, endless bodies). It verifies no signature; it records every request and how many were
 * in flight at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileRequest {
  method: string;
  path: string;
  query: URLSearchParams;
}

export type Answer = (request: HostileRequest, response: ServerResponse) => void | Promise<void>;

export class HostileServer {
  readonly requests: HostileRequest[] = [];
  /** The most requests seen in flight at once. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
    private answer: Answer,
  ) {}

  static async start(answer: Answer): Promise<HostileServer> {
    // Nothing can connect before the port is known, so the handlers are added once it is.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const self = new HostileServer(server, `http://127.0.0.1:${port}`, answer);
    server.on('request', (req, res) => void self.handle(req, res));
    server.on('connection', (socket) => {
      self.sockets.add(socket);
      socket.on('close', () => self.sockets.delete(socket));
    });
    return self;
  }

  /** Answers from now on with `answer`. */
  answerWith(answer: Answer): void {
    this.answer = answer;
    this.requests.length = 0;
    this.maxInFlight = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const request = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams };
    this.requests.push(request);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => (this.inFlight -= 1));
    req.resume();
    try {
      await this.answer(request, res);
    } catch {
      res.destroy();
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function xml(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/xml', ...headers });
  res.end(body);
}

/**
 * Streams `totalBytes` of filler with the given status; resolves with how many bytes were
 * written before the client hung up (or all of them).
 */
export function endlessBody(res: ServerResponse, status: number, totalBytes: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': String(totalBytes) });
  let sent = 0;
  return new Promise((resolve) => {
    const pump = () => {
      while (sent < totalBytes) {
        if (res.destroyed) return resolve(sent);
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
      resolve(sent);
    };
    res.on('close', () => resolve(sent));
    pump();
  });
}

export const EVIL = '\u001b]52;c;aGk=\u0007\u001b]0;owned\u0007';
