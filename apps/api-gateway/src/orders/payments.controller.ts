import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PaymentWebhook } from '@suite/contracts/orders';
import { NatsClient } from '@suite/platform';
import { Public } from '../auth/auth.decorators';

/** Headers a provider signs its webhooks with; only these are forwarded. */
const SIGNATURE_HEADERS = ['paymongo-signature'];

/**
 * Provider webhooks, written by hand: the provider signs the exact bytes it sent, so the raw body is
 * forwarded, not the parsed JSON. The other payment routes are forwarded from PaymentOperations.
 */
@ApiTags('payments')
@Controller()
export class PaymentWebhooksController {
  constructor(private readonly nats: NatsClient) {}

  @Post('payments/webhooks/:provider')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Payment provider webhook (signature-verified, idempotent)' })
  @ApiOkResponse({ schema: { type: 'object', properties: { received: { type: 'boolean' }, applied: { type: 'boolean' } } } })
  webhook(
    @Param('provider') provider: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<{ received: true; applied: boolean }> {
    const headers = Object.fromEntries(
      SIGNATURE_HEADERS.flatMap((h) => (typeof request.headers[h] === 'string' ? [[h, request.headers[h] as string]] : [])),
    );
    return this.nats.call(PaymentWebhook, { provider, rawBody: request.rawBody?.toString('utf8') ?? '', headers });
  }
}
