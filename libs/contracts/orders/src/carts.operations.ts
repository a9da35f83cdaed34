import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { AddCartItemDto, CartView, MergeCartDto, SESSION_ID_MESSAGE, SESSION_ID_PATTERN, UpdateCartItemDto } from './carts.dto';
import { OrdersSubjects } from './subjects';

/** Every cart request carries the guest's X-Session-Id when the gateway got one. */
export class CartContext {
  @IsOptional() @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE }) sessionId?: string;
}
export class CartRef extends CartContext {
  @IsUUID() cartId: string;
}
export class CartItemRef extends CartRef {
  @IsUUID() itemId: string;
}
export class AddCartItemRequest extends CartRef {
  @ValidateNested() @Type(() => AddCartItemDto) body: AddCartItemDto;
}
export class UpdateCartItemRequest extends CartItemRef {
  @ValidateNested() @Type(() => UpdateCartItemDto) body: UpdateCartItemDto;
}
export class MergeCartRequest {
  @ValidateNested() @Type(() => MergeCartDto) body: MergeCartDto;
}

/** The guest's cart key, sent by the frontend on every cart route but merge. */
const session = {
  sessionId: { name: 'x-session-id', description: 'Guests: a random id (16-128 of A-Z a-z 0-9 _ -) the frontend keeps' },
};

/**
 * Carts of signed-in users and of guests (keyed by the X-Session-Id the frontend keeps). The routes
 * are public so guests can shop; a signed-in caller's token still makes the cart theirs. Ownership,
 * the header's format and the money are decided by the orders service.
 */
export const CartOpen = operation({
  subject: OrdersSubjects.CartOpen,
  request: CartContext,
  response: CartView,
  http: {
    method: 'POST',
    path: 'carts',
    public: true,
    status: 200,
    headers: session,
    summary: "The caller's ACTIVE cart, created on first call",
  },
});

export const CartCurrent = operation({
  subject: OrdersSubjects.CartCurrent,
  request: CartContext,
  response: CartView,
  http: { method: 'GET', path: 'carts/current', public: true, headers: session },
});

export const CartMerge = operation({
  subject: OrdersSubjects.CartMerge,
  request: MergeCartRequest,
  response: CartView,
  permissions: ['carts:update'],
  http: {
    method: 'POST',
    path: 'carts/merge',
    status: 200,
    body: MergeCartDto,
    summary: "After sign-in: move the guest cart of sessionId into the user's cart",
  },
});

export const CartItemAdd = operation({
  subject: OrdersSubjects.CartItemAdd,
  request: AddCartItemRequest,
  response: CartView,
  http: {
    method: 'POST',
    path: 'carts/:cartId/items',
    public: true,
    status: 200,
    body: AddCartItemDto,
    headers: session,
    summary: 'Add a product (adds to its line when already in the cart)',
  },
});

export const CartItemUpdate = operation({
  subject: OrdersSubjects.CartItemUpdate,
  request: UpdateCartItemRequest,
  response: CartView,
  http: { method: 'PATCH', path: 'carts/:cartId/items/:itemId', public: true, body: UpdateCartItemDto, headers: session },
});

export const CartItemRemove = operation({
  subject: OrdersSubjects.CartItemRemove,
  request: CartItemRef,
  response: CartView,
  http: { method: 'DELETE', path: 'carts/:cartId/items/:itemId', public: true, headers: session },
});

export const CartOperations = [CartOpen, CartCurrent, CartMerge, CartItemAdd, CartItemUpdate, CartItemRemove];
