import { createServer, IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
}

/** The common part of the notification fakes: a local HTTP server that records every request it answers. */
export abstract class HttpFake {
  readonly received: Received[] = [];
  private server?: Server;
  base = '';

  /** A key and certificate make it an HTTPS server (push services are HTTPS only). */
  constructor(private readonly tls?: { key: string; cert: string }) {}

  protected abstract handle(request: Received, res: ServerResponse): void | Promise<void>;

  async start(): Promise<string> {
    const listener: RequestListener = (req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw };
        this.received.push(request);
        void this.handle(request, res);
      });
    };
    this.server = this.tls ? createTlsServer(this.tls, listener) : createServer(listener);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `${this.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function answer(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(payload === undefined ? '' : JSON.stringify(payload));
}
