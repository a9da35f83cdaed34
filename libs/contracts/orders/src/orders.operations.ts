import { ApiProperty, ApiSchema, IntersectionType } from '@nestjs/swagger';
import { ImportBatchRequest, ImportBatchResponse, PageQuery } from '@suite/contracts/core';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { CancelOrderDto, ImportOrderRequest, OrderFilter, OrderView } from './orders.dto';
import { PurchaseVerifyRequest, PurchaseVerifyResponse } from './purchase.dto';
import { OrdersSubjects } from './subjects';

export class OrderRef {
  @IsUUID() orderId: string;
}
export class CancelOrderRequest extends OrderRef {
  @ValidateNested() @Type(() => CancelOrderDto) body: CancelOrderDto;
}

/** The filters of `GET /orders`, with cursor and limit from PageQuery. */
export class OrderListQuery extends IntersectionType(OrderFilter, PageQuery) {}

/** One page of orders (the platform's Page). */
export class OrderPage {
  @ApiProperty({ type: [OrderView] }) items: OrderView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` to get the next page; null on the last page' })
  nextCursor: string | null;
}

/** Documents the body of the import: the marketplace's own order, checked by the orders service's normaliser. */
@ApiSchema({
  description:
    'Shopify Admin REST order, TikTok Shop order detail, Etsy receipt, Amazon SP-API {Order, OrderItems} or WooCommerce REST order, by the store platform',
})
export class MarketplaceOrder {}

/** Orders: visibility is decided by the orders service (a buyer's own, a seller's teams' stores', staff all); anything else is 404. */
export const OrderImport = operation({
  subject: OrdersSubjects.OrderImport,
  request: ImportOrderRequest,
  response: OrderView,
  permissions: ['orders:create'],
  http: {
    method: 'POST',
    path: 'orders/import/:storeId',
    body: MarketplaceOrder,
    summary:
      "Import a marketplace order into one of the caller's teams' stores, in the platform's own order format; the same platform order again returns the same order",
  },
});

/** Rows of an ORDER import job (analytics' worker, the uploader's identity): one order per row, see @suite/contracts/core import-batch. */
export const OrderImportBatch = operation({
  subject: OrdersSubjects.OrderImportBatch,
  request: ImportBatchRequest,
  response: ImportBatchResponse,
  permissions: ['orders:create'],
});

export const OrderList = operation({
  subject: OrdersSubjects.OrderList,
  request: OrderListQuery,
  response: OrderPage,
  permissions: ['orders:read'],
  http: { method: 'GET', path: 'orders', query: OrderListQuery, summary: 'Orders the caller may see, newest first; cursor pagination' },
});

export const OrderGet = operation({
  subject: OrdersSubjects.OrderGet,
  request: OrderRef,
  response: OrderView,
  permissions: ['orders:read'],
  http: { method: 'GET', path: 'orders/:orderId' },
});

export const OrderCancel = operation({
  subject: OrdersSubjects.OrderCancel,
  request: CancelOrderRequest,
  response: OrderView,
  permissions: ['orders:update'],
  http: {
    method: 'POST',
    path: 'orders/:orderId/cancel',
    status: 200,
    body: CancelOrderDto,
    summary: 'Cancel the order (allowed from PENDING, CONFIRMED, PROCESSING); held stock is released',
  },
});

/** Internal: the catalog asks whether a user bought a product (verified reviews). */
export const PurchaseVerify = operation({
  subject: OrdersSubjects.PurchaseVerify,
  request: PurchaseVerifyRequest,
  response: PurchaseVerifyResponse,
});

export const OrderOperations = [OrderImport, OrderList, OrderGet, OrderCancel];
