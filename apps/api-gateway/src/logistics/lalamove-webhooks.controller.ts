import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { LalamoveWebhook } from '@suite/contracts/logistics';
import { NatsClient } from '@suite/platform';
import { Public } from '../auth/auth.decorators';

/**
 * Lalamove's webhook, written by hand: Lalamove signs the body it sent together with the path it posted
 * to (its signature travels inside the body), so the raw bytes and the path are forwarded, not the parsed
 * JSON. The other delivery routes are forwarded from the deliveries operations.
 */
@ApiTags('deliveries')
@Controller()
export class LalamoveWebhooksController {
  constructor(private readonly nats: NatsClient) {}

  @Post('webhooks/lalamove')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Lalamove webhook (HMAC-SHA256 signature in the body verified, idempotent on eventId, safe out of order)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { received: { type: 'boolean' }, applied: { type: 'boolean' } } } })
  lalamove(@Req() request: RawBodyRequest<FastifyRequest>): Promise<{ received: true; applied: boolean }> {
    const path = (request.originalUrl ?? request.url).split('?')[0];
    return this.nats.call(LalamoveWebhook, { rawBody: request.rawBody?.toString('utf8') ?? '', path });
  }
}
