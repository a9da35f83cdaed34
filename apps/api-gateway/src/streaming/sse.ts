import type { ServerResponse } from 'node:http';

/** One Server-Sent Event: `event:` and a single `data:` line (JSON has no raw newlines). */
export const sseEvent = (type: string, data: unknown): string => `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;

/** A comment line: clients ignore it; it keeps proxies from closing an idle connection. */
export const sseComment = (text: string): string => `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-store, no-transform',
  connection: 'keep-alive',
  // nginx and similar would buffer the stream otherwise
  'x-accel-buffering': 'no',
} as const;

/** A client that stops reading while events keep coming is dropped past this much unsent output, instead of buffering without end. */
export const MAX_UNSENT_BYTES = 1024 * 1024;

/** Writes unless the client is gone or too far behind (then the connection is closed: an EventSource reconnects). */
export function writeOrDrop(raw: ServerResponse, chunk: string): void {
  if (raw.destroyed || raw.writableEnded) return;
  if (raw.writableLength > MAX_UNSENT_BYTES) {
    raw.destroy();
    return;
  }
  raw.write(chunk);
}

/** Proxies and idle timeouts drop a silent connection; a comment every 15 s keeps it open. */
export const HEARTBEAT_MS = 15_000;

/** The part of Fastify's reply a stream uses. */
export interface SseReply {
  raw: ServerResponse;
  hijack(): void;
  getHeaders(): Record<string, string | number | string[] | undefined>;
}

/** A core NATS subscription as far as a relay needs it. */
export interface LiveSubscription extends AsyncIterable<{ json<T>(): T }> {
  unsubscribe(): void;
}

/**
 * Relays a core NATS subscription to the client as Server-Sent Events (`event: <type>`, data the message's JSON), with a
 * heartbeat comment. Call it once every check that may refuse the request has passed, and after the subscription is
 * flushed, so from the first byte the client receives nothing is missed. Written to the raw reply rather than with
 * @Sse(): behind the global interceptor, @Sse() sends its 200 headers before an async ownership check can fail.
 * The subscription ends when the client goes; when the subscription ends first (the connection drains at shutdown),
 * the response ends too. An unreadable message is reported through onUnreadable and skipped.
 */
export function relaySse(reply: SseReply, sub: LiveSubscription, type: string, onUnreadable: () => void): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { ...reply.getHeaders(), ...SSE_HEADERS });
  raw.write(sseComment('subscribed'));
  const heartbeat = setInterval(() => writeOrDrop(raw, sseComment('heartbeat')), HEARTBEAT_MS);
  const close = () => {
    clearInterval(heartbeat);
    sub.unsubscribe();
  };
  raw.once('close', close);
  void (async () => {
    for await (const message of sub) {
      try {
        writeOrDrop(raw, sseEvent(type, message.json()));
      } catch {
        onUnreadable();
      }
    }
    close();
    if (!raw.writableEnded) raw.end();
  })();
}
