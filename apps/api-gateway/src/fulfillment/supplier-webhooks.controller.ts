import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SupplierWebhook } from '@suite/contracts/fulfillment';
import { NatsClient } from '@suite/platform';
import { Public } from '../auth/auth.decorators';

/** The header Printful's webhooks carry their HMAC-SHA256 signature in (see the fulfillment service's printful-signature.ts). */
const SIGNATURE_HEADERS = ['x-pf-webhook-signature'];

/**
 * Supplier webhooks, written by hand: the supplier signs the exact bytes it sent, so the raw body is
 * forwarded, not the parsed JSON. The other supplier-order routes are forwarded from SupplierOrderOperations.
 */
@ApiTags('supplier-orders')
@Controller()
export class SupplierWebhooksController {
  constructor(private readonly nats: NatsClient) {}

  @Post('webhooks/printful')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Printful order webhook (HMAC-SHA256 signature-verified with the factory webhookSecret, idempotent on the event id)',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { received: { type: 'boolean' }, applied: { type: 'boolean' } } } })
  printful(@Req() request: RawBodyRequest<FastifyRequest>): Promise<{ received: true; applied: boolean }> {
    const headers = Object.fromEntries(
      SIGNATURE_HEADERS.flatMap((h) => (typeof request.headers[h] === 'string' ? [[h, request.headers[h] as string]] : [])),
    );
    return this.nats.call(SupplierWebhook, { provider: 'printful', rawBody: request.rawBody?.toString('utf8') ?? '', headers });
  }
}
