import { Body, Controller, Headers, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CheckoutDto, OrdersSubjects, OrderView } from '@suite/contracts/orders';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Checkout: the orders service runs the saga (key, order, stock, placement) and checks the key. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('checkout')
export class CheckoutController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('orders:create')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: '8-128 of A-Z a-z 0-9 _ -; a retry with the same key and body returns the same order',
  })
  @ApiOperation({
    summary: "Turn the caller's ACTIVE cart into an order: stock is reserved, COD orders are confirmed at once, others await payment",
  })
  @ApiCreatedResponse({ type: OrderView })
  create(
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CheckoutDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<OrderView> {
    return this.nats.request(OrdersSubjects.CheckoutCreate, { idempotencyKey, body }, { caller, timeoutMs: 30000 });
  }
}
