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
