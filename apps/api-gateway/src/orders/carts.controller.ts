import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddCartItemDto, CartView, MergeCartDto, OrdersSubjects, UpdateCartItemDto } from '@suite/contracts/orders';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, Public, RequirePermissions } from '../auth/auth.decorators';

const SESSION_HEADER = 'x-session-id';

/**
 * Carts of signed-in users and of guests (keyed by the X-Session-Id the frontend keeps). The routes
 * are public so guests can shop; a signed-in caller's token still makes the cart theirs. Ownership,
 * the header's format and the money are decided by the orders service.
 */
@ApiTags('carts')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Session-Id', required: false, description: 'Guests: a random id (16-128 of A-Z a-z 0-9 _ -) the frontend keeps' })
@Controller('carts')
export class CartsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "The caller's ACTIVE cart, created on first call" })
  @ApiOkResponse({ type: CartView })
  open(@Headers(SESSION_HEADER) sessionId: string | undefined, @CurrentCaller() caller: CallerIdentity): Promise<CartView> {
    return this.nats.request(OrdersSubjects.CartOpen, { sessionId }, { caller });
  }

  @Get('current')
  @Public()
  @ApiOkResponse({ type: CartView })
  current(@Headers(SESSION_HEADER) sessionId: string | undefined, @CurrentCaller() caller: CallerIdentity): Promise<CartView> {
    return this.nats.request(OrdersSubjects.CartCurrent, { sessionId }, { caller });
  }

  @Post('merge')
  @RequirePermissions('carts:update')
  @HttpCode(200)
  @ApiOperation({ summary: "After sign-in: move the guest cart of sessionId into the user's cart" })
  @ApiOkResponse({ type: CartView })
  merge(@Body() body: MergeCartDto, @CurrentCaller() caller: CallerIdentity): Promise<CartView> {
    return this.nats.request(OrdersSubjects.CartMerge, { body }, { caller });
  }

  @Post(':id/items')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Add a product (adds to its line when already in the cart)' })
  @ApiOkResponse({ type: CartView })
  add(
    @Param('id', ParseUUIDPipe) cartId: string,
    @Body() body: AddCartItemDto,
    @Headers(SESSION_HEADER) sessionId: string | undefined,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<CartView> {
    return this.nats.request(OrdersSubjects.CartItemAdd, { cartId, body, sessionId }, { caller });
  }

  @Patch(':id/items/:itemId')
  @Public()
  @ApiOkResponse({ type: CartView })
  update(
    @Param('id', ParseUUIDPipe) cartId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() body: UpdateCartItemDto,
    @Headers(SESSION_HEADER) sessionId: string | undefined,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<CartView> {
    return this.nats.request(OrdersSubjects.CartItemUpdate, { cartId, itemId, body, sessionId }, { caller });
  }

  @Delete(':id/items/:itemId')
  @Public()
  @ApiOkResponse({ type: CartView })
  remove(
    @Param('id', ParseUUIDPipe) cartId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Headers(SESSION_HEADER) sessionId: string | undefined,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<CartView> {
    return this.nats.request(OrdersSubjects.CartItemRemove, { cartId, itemId, sessionId }, { caller });
  }
}
