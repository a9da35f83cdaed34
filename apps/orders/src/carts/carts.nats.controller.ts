import { Controller } from '@nestjs/common';
import {
  AddCartItemRequest,
  CartContext,
  CartCurrent,
  CartItemAdd,
  CartItemRef,
  CartItemRemove,
  CartItemUpdate,
  CartMerge,
  CartOpen,
  MergeCartRequest,
  UpdateCartItemRequest,
} from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { cartOwner } from './cart-owner';
import { CartMergeService } from './cart-merge.service';
import { CartsService } from './carts.service';

@Controller()
export class CartsNatsController {
  constructor(
    private readonly carts: CartsService,
    private readonly merges: CartMergeService,
  ) {}

  @Handles(CartOpen)
  open(r: CartContext, caller: CallerIdentity) {
    return this.carts.open(cartOwner(caller, r.sessionId));
  }

  @Handles(CartCurrent)
  current(r: CartContext, caller: CallerIdentity) {
    return this.carts.current(cartOwner(caller, r.sessionId));
  }

  @Handles(CartItemAdd)
  add(r: AddCartItemRequest, caller: CallerIdentity) {
    return this.carts.addItem(cartOwner(caller, r.sessionId), r.cartId, r.body, caller);
  }

  @Handles(CartItemUpdate)
  update(r: UpdateCartItemRequest, caller: CallerIdentity) {
    return this.carts.updateItem(cartOwner(caller, r.sessionId), r.cartId, r.itemId, r.body.quantity, caller);
  }

  @Handles(CartItemRemove)
  remove(r: CartItemRef, caller: CallerIdentity) {
    return this.carts.removeItem(cartOwner(caller, r.sessionId), r.cartId, r.itemId);
  }

  @Handles(CartMerge)
  merge(r: MergeCartRequest, caller: CallerIdentity) {
    return this.merges.merge(caller, r.body.sessionId);
  }
}
