import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, IntersectionType } from '@nestjs/swagger';
import { CancelOrderDto, OrderFilter, OrdersSubjects, OrderView } from '@suite/contracts/orders';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

class OrderListQuery extends IntersectionType(OrderFilter, PageQuery) {}

/** Orders: visibility is decided by the orders service (a buyer's own, a seller's teams' stores', staff all); anything else is 404. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(private readonly nats: NatsClient) {}

  @Post('import/:storeId')
  @RequirePermissions('orders:create')
  @ApiOperation({
    summary:
      "Import a marketplace order into one of the caller's teams' stores, in the platform's own order format; the same platform order again returns the same order",
  })
  @ApiBody({
    schema: {
      type: 'object',
      description:
        'Shopify Admin REST order, TikTok Shop order detail, Etsy receipt, Amazon SP-API {Order, OrderItems} or WooCommerce REST order, by the store platform',
    },
  })
  @ApiCreatedResponse({ type: OrderView })
  import(
    @Param('storeId', ParseUUIDPipe) storeId: string,
    @Body() order: Record<string, unknown>,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<OrderView> {
    return this.nats.request(OrdersSubjects.OrderImport, { storeId, order }, { caller });
  }

  @Get()
  @RequirePermissions('orders:read')
  @ApiOperation({ summary: 'Orders the caller may see, newest first; cursor pagination' })
  list(@Query() query: OrderListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<OrderView>> {
    return this.nats.request(OrdersSubjects.OrderList, query, { caller });
  }

  @Get(':id')
  @RequirePermissions('orders:read')
  @ApiOkResponse({ type: OrderView })
  get(@Param('id', ParseUUIDPipe) orderId: string, @CurrentCaller() caller: CallerIdentity): Promise<OrderView> {
    return this.nats.request(OrdersSubjects.OrderGet, { orderId }, { caller });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermissions('orders:update')
  @ApiOperation({ summary: 'Cancel the order (allowed from PENDING, CONFIRMED, PROCESSING); held stock is released' })
  @ApiOkResponse({ type: OrderView })
  cancel(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: CancelOrderDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<OrderView> {
    return this.nats.request(OrdersSubjects.OrderCancel, { orderId, body }, { caller });
  }
}
