import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CodConfirmationView, CreatePaymentDto, OrdersSubjects, PaymentIntentView, RefundDto, RefundView } from '@suite/contracts/orders';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, Public, RequirePermissions } from '../auth/auth.decorators';

/** Headers a provider signs its webhooks with; only these are forwarded. */
const SIGNATURE_HEADERS = ['paymongo-signature'];

/** Online payments, provider webhooks and refunds; the orders service decides who may do what to which order. */
@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(private readonly nats: NatsClient) {}

  @Post('orders/:id/payments')
  @ApiBearerAuth()
  @RequirePermissions('orders:create')
  @ApiOperation({ summary: "Start paying one's own PENDING order online (GCash, Maya, card through PayMongo)" })
  @ApiCreatedResponse({ type: PaymentIntentView })
  create(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: CreatePaymentDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<PaymentIntentView> {
    return this.nats.request(OrdersSubjects.PaymentCreate, { orderId, body }, { caller });
  }

  @Post('orders/:id/refunds')
  @ApiBearerAuth()
  @RequirePermissions('payments:create')
  @ApiOperation({ summary: 'Refund part or all of what was paid for the order, through the provider' })
  @ApiCreatedResponse({ type: RefundView })
  refund(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: RefundDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<RefundView> {
    return this.nats.request(OrdersSubjects.RefundCreate, { orderId, body }, { caller });
  }

  @Post('orders/:id/payments/cod')
  @ApiBearerAuth()
  @RequirePermissions('payments:create')
  @ApiOperation({ summary: 'Confirm the cash of a cash-on-delivery order was collected: the order becomes PAID' })
  @ApiCreatedResponse({ type: CodConfirmationView })
  confirmCod(@Param('id', ParseUUIDPipe) orderId: string, @CurrentCaller() caller: CallerIdentity): Promise<CodConfirmationView> {
    return this.nats.request(OrdersSubjects.PaymentCodConfirm, { orderId }, { caller });
  }

  /** Public: the provider authenticates by signing the exact bytes it sent, so those bytes are forwarded, not the parsed JSON. */
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
    return this.nats.request(OrdersSubjects.PaymentWebhook, { provider, rawBody: request.rawBody?.toString('utf8') ?? '', headers });
  }
}
