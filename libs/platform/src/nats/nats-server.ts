import { Logger } from '@nestjs/common';
import { ServerNats } from '@nestjs/microservices';
import type { Msg } from '@nats-io/nats-core';
import { CALLER_HEADER } from '../auth/caller';
import { acceptRequestId, REQUEST_ID_HEADER, requestContext } from '../logging/request-id';
import { rpcDuration, rpcRequests } from '../metrics/metrics';
import { DirectHandler, dispatchDirect } from './direct-dispatch';

/**
 * Nest's NATS server, lighter per message:
 * - a request to a @Handles operation is dispatched directly (see collectDirectHandlers) instead of
 *   through Nest's per-message pipeline; anything else (events, other patterns) goes the Nest way;
 * - each message runs inside the request-id context (read from its header), which every log line
 *   and every outgoing call or event picks up, instead of two child loggers built per message;
 * - its getRouteFromPattern JSON.parses every subject in case it is an object pattern and catches
 *   the SyntaxError, an exception for each request. Our patterns are plain subjects
 *   (`<service>.<entity>.<verb>`); an object pattern still goes the old way;
 * - requests are counted and timed where the reply is sent, instead of by a global rxjs interceptor
 *   wrapped around every handler.
 */
export class SuiteNatsServer extends ServerNats {
  private readonly messages = new Logger('NatsServer');
  private direct = new Map<string, DirectHandler>();

  /** The operations to dispatch directly; set once the application is initialised, before listening. */
  useDirectHandlers(handlers: Map<string, DirectHandler>): void {
    this.direct = handlers;
  }

  override handleMessage(channel: string, natsMsg: Msg): Promise<unknown> {
    const requestId = acceptRequestId(natsMsg.headers?.get(REQUEST_ID_HEADER));
    return requestContext.run({ requestId }, () => {
      // One line per message at debug (the gateway writes the access line at info).
      this.messages.debug({ subject: channel }, 'nats message');
      const direct = this.direct.get(channel);
      const packet = direct && natsMsg.reply ? parseRequest(natsMsg.data) : undefined;
      if (!direct || !packet) return super.handleMessage(channel, natsMsg as never);
      return this.reply(direct, natsMsg, packet);
    });
  }

  private async reply(handler: DirectHandler, natsMsg: Msg, packet: { id: string; data: unknown }): Promise<void> {
    const subject = natsMsg.subject;
    const stop = rpcDuration.startTimer({ subject });
    const reply = await dispatchDirect(handler, packet.id, packet.data, natsMsg.headers?.get(CALLER_HEADER) || undefined);
    stop();
    rpcRequests.inc({ subject, outcome: reply.err === undefined ? 'ok' : 'error' });
    natsMsg.respond(JSON.stringify(reply));
  }

  override getPublisher(natsMsg: Msg, id: string, ctx: unknown): (response: unknown) => unknown {
    const publish = super.getPublisher(natsMsg as never, id, ctx as never) as (response: unknown) => unknown;
    if (!natsMsg.reply) return publish;
    const subject = natsMsg.subject;
    const stop = rpcDuration.startTimer({ subject });
    return (response) => {
      const packet = response as { err?: unknown; isDisposed?: boolean };
      if (packet.isDisposed || packet.err !== undefined) {
        stop();
        rpcRequests.inc({ subject, outcome: packet.err === undefined || packet.err === null ? 'ok' : 'error' });
      }
      return publish(response);
    };
  }

  protected override getRouteFromPattern(pattern: string): string {
    return pattern.startsWith('{') ? super.getRouteFromPattern(pattern) : pattern;
  }
}

/** A request packet as NatsClient sends it (`{pattern, data, id}`); anything else is left to Nest. */
function parseRequest(data: Uint8Array): { id: string; data: unknown } | undefined {
  try {
    const packet = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) as {
      id?: unknown;
      data?: unknown;
    };
    return typeof packet?.id === 'string' ? { id: packet.id, data: packet.data } : undefined;
  } catch {
    return undefined;
  }
}
