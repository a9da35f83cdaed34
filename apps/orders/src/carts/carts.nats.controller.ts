import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import {
  AddCartItemDto,
  CartView,
  MergeCartDto,
  OrdersSubjects,
  SESSION_ID_MESSAGE,
  SESSION_ID_PATTERN,
  UpdateCartItemDto,
} from '@suite/contracts/orders';
import { Caller, CallerIdentity } from '@suite/platform';
import { cartOwner } from './cart-owner';
import { CartMergeService } from './cart-merge.service';
import { CartsService } from './carts.service';

/** Every cart request carries the guest's X-Session-Id when the gateway got one. */
class CartContext {
  @IsOptional() @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE }) sessionId?: string;
}
class CartRef extends CartContext {
  @IsUUID() cartId: string;
}
class ItemRef extends CartRef {
  @IsUUID() itemId: string;
}
class AddItemRequest extends CartRef {
  @ValidateNested() @Type(() => AddCartItemDto) body: AddCartItemDto;
}
class UpdateItemRequest extends ItemRef {
  @ValidateNested() @Type(() => UpdateCartItemDto) body: UpdateCartItemDto;
}
class MergeRequest {
  @ValidateNested() @Type(() => MergeCartDto) body: MergeCartDto;
}

@Controller()
export class CartsNatsController {
  constructor(
    private readonly carts: CartsService,
    private readonly merges: CartMergeService,
  ) {}

  @MessagePattern(OrdersSubjects.CartOpen)
  open(@Payload() r: CartContext, @Caller() caller: CallerIdentity): Promise<CartView> {
    return this.carts.open(cartOwner(caller, r.sessionId));
  }

  @MessagePattern(OrdersSubjects.CartCurrent)
  current(@Payload() r: CartContext, @Caller() caller: CallerIdentity): Promise<CartView> {
    return this.carts.current(cartOwner(caller, r.sessionId));
  }

  @MessagePattern(OrdersSubjects.CartItemAdd)
  add(@Payload() r: AddItemRequest, @Caller() caller: CallerIdentity): Promise<CartView> {
    return this.carts.addItem(cartOwner(caller, r.sessionId), r.cartId, r.body, caller);
  }

  @MessagePattern(OrdersSubjects.CartItemUpdate)
  update(@Payload() r: UpdateItemRequest, @Caller() caller: CallerIdentity): Promise<CartView> {
    return this.carts.updateItem(cartOwner(caller, r.sessionId), r.cartId, r.itemId, r.body.quantity, caller);
  }

  @MessagePattern(OrdersSubjects.CartItemRemove)
  remove(@Payload() r: ItemRef, @Caller() caller: CallerIdentity): Promise<CartView> {
    return this.carts.removeItem(cartOwner(caller, r.sessionId), r.cartId, r.itemId);
  }

  @MessagePattern(OrdersSubjects.CartMerge)
  merge(@Payload() r: MergeRequest, @Caller() caller: CallerIdentity): Promise<CartView> {
    return this.merges.merge(caller, r.body.sessionId);
  }
}
