import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedPoll {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** The little HTTP server both tracking fakes answer polls from; each fake routes its own API's paths. */
export class TrackingFakeServer {
  readonly polls: RecordedPoll[] = [];
  private server?: Server;

  constructor(private readonly route: (poll: RecordedPoll, url: URL, answer: (status: number, body: unknown) => void) => void) {}

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const poll = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
        this.polls.push(poll);
        this.route(poll, new URL(req.url ?? '/', 'http://fake'), (status, payload) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload)),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
