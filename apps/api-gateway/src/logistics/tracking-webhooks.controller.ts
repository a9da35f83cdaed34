import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { TrackingWebhook, TrackingWebhookResult } from '@suite/contracts/logistics';
import { NatsClient } from '@suite/platform';
import { Public } from '../auth/auth.decorators';

/** The headers the tracking providers sign with (see the logistics service's tracking-signatures.ts). */
const SIGNATURE_HEADERS = ['aftership-hmac-sha256', 'x-hmac-signature'];

const RESULT_SCHEMA = {
  schema: { type: 'object', properties: { received: { type: 'boolean' }, applied: { type: 'boolean' }, stored: { type: 'integer' } } },
};

/**
 * Tracking webhooks, written by hand: the provider signs the exact bytes it sent, so the raw body is
 * forwarded, not the parsed JSON. The other shipment routes are forwarded from ShipmentOperations.
 */
@ApiTags('shipments')
@Controller()
export class TrackingWebhooksController {
  constructor(private readonly nats: NatsClient) {}

  @Post('webhooks/tracking/aftership')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'AfterShip tracking webhook (base64 HMAC-SHA256 of the body in aftership-hmac-sha256; idempotent on event_id)' })
  @ApiOkResponse(RESULT_SCHEMA)
  aftership(@Req() request: RawBodyRequest<FastifyRequest>): Promise<TrackingWebhookResult> {
    return this.forward('aftership', request);
  }

  @Post('webhooks/tracking/easypost')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'EasyPost tracker.updated webhook (X-Hmac-Signature: hmac-sha256-hex=...; idempotent on the event id)' })
  @ApiOkResponse(RESULT_SCHEMA)
  easypost(@Req() request: RawBodyRequest<FastifyRequest>): Promise<TrackingWebhookResult> {
    return this.forward('easypost', request);
  }

  private forward(provider: 'aftership' | 'easypost', request: RawBodyRequest<FastifyRequest>) {
    const headers = Object.fromEntries(
      SIGNATURE_HEADERS.flatMap((h) => (typeof request.headers[h] === 'string' ? [[h, request.headers[h] as string]] : [])),
    );
    return this.nats.call(TrackingWebhook, { provider, rawBody: request.rawBody?.toString('utf8') ?? '', headers });
  }
}
