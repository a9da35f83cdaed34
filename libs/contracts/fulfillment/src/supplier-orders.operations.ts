import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { FulfillmentSubjects } from './subjects';
import {
  CancelSupplierOrderDto,
  CreateSupplierOrderDto,
  RejectSupplierOrderDto,
  SupplierOrderFilter,
  SupplierOrderView,
  SupplierWebhookRequest,
  SupplierWebhookResult,
  UpdateSupplierOrderDto,
} from './supplier-orders.dto';

export class SupplierOrderRef {
  @IsUUID() supplierOrderId: string;
}
export class CreateSupplierOrderRequest {
  @ValidateNested() @Type(() => CreateSupplierOrderDto) body: CreateSupplierOrderDto;
}
export class RejectSupplierOrderRequest extends SupplierOrderRef {
  @ValidateNested() @Type(() => RejectSupplierOrderDto) body: RejectSupplierOrderDto;
}
export class CancelSupplierOrderRequest extends SupplierOrderRef {
  @ValidateNested() @Type(() => CancelSupplierOrderDto) body: CancelSupplierOrderDto;
}
export class UpdateSupplierOrderRequest extends SupplierOrderRef {
  @ValidateNested() @Type(() => UpdateSupplierOrderDto) body: UpdateSupplierOrderDto;
}
export class SupplierOrderListQuery extends IntersectionType(SupplierOrderFilter, PageQuery) {}

/**
 * Orders we place with a factory, submitted through its adapter (MANUAL: its FULFILLER users answer through
 * this API; PRINTFUL: Printful's order API and its signed webhooks). Staff place and submit them; a
 * factory's FULFILLER users see, accept, reject and update their own factory's only (others' are 404).
 */
export const SupplierOrderList = operation({
  subject: FulfillmentSubjects.SupplierOrderList,
  request: SupplierOrderListQuery,
  response: pageOf(SupplierOrderView),
  permissions: ['fulfillments:read'],
  http: {
    method: 'GET',
    path: 'supplier-orders',
    query: SupplierOrderListQuery,
    summary: 'Supplier orders, newest first; cursor pagination',
  },
});

export const SupplierOrderGet = operation({
  subject: FulfillmentSubjects.SupplierOrderGet,
  request: SupplierOrderRef,
  response: SupplierOrderView,
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'supplier-orders/:supplierOrderId' },
});

export const SupplierOrderCreate = operation({
  subject: FulfillmentSubjects.SupplierOrderCreate,
  request: CreateSupplierOrderRequest,
  response: SupplierOrderView,
  permissions: ['factories:update'],
  http: {
    method: 'POST',
    path: 'supplier-orders',
    body: CreateSupplierOrderDto,
    summary: "A DRAFT order of the factory's supplier variants, priced from them (orderNumber unique; 409 otherwise)",
  },
});

export const SupplierOrderSubmit = operation({
  subject: FulfillmentSubjects.SupplierOrderSubmit,
  request: SupplierOrderRef,
  response: SupplierOrderView,
  permissions: ['factories:update'],
  http: {
    method: 'POST',
    path: 'supplier-orders/:supplierOrderId/submit',
    summary: "Send a DRAFT to the factory through its adapter (MANUAL or PRINTFUL); it then waits for the factory's answer",
  },
});

export const SupplierOrderCancel = operation({
  subject: FulfillmentSubjects.SupplierOrderCancel,
  request: CancelSupplierOrderRequest,
  response: SupplierOrderView,
  permissions: ['factories:update'],
  http: {
    method: 'POST',
    path: 'supplier-orders/:supplierOrderId/cancel',
    body: CancelSupplierOrderDto,
    summary: 'Cancel an order the supplier has not shipped yet',
  },
});

export const SupplierOrderReceive = operation({
  subject: FulfillmentSubjects.SupplierOrderReceive,
  request: SupplierOrderRef,
  response: SupplierOrderView,
  permissions: ['factories:update'],
  http: { method: 'POST', path: 'supplier-orders/:supplierOrderId/receive', summary: 'Record that a SHIPPED order arrived' },
});

export const SupplierOrderAccept = operation({
  subject: FulfillmentSubjects.SupplierOrderAccept,
  request: SupplierOrderRef,
  response: SupplierOrderView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'supplier-orders/:supplierOrderId/accept',
    summary: "A MANUAL factory's user accepts a SUBMITTED order",
  },
});

export const SupplierOrderReject = operation({
  subject: FulfillmentSubjects.SupplierOrderReject,
  request: RejectSupplierOrderRequest,
  response: SupplierOrderView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'supplier-orders/:supplierOrderId/reject',
    body: RejectSupplierOrderDto,
    summary: "A MANUAL factory's user rejects a SUBMITTED order, with a reason",
  },
});

export const SupplierOrderUpdate = operation({
  subject: FulfillmentSubjects.SupplierOrderUpdate,
  request: UpdateSupplierOrderRequest,
  response: SupplierOrderView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'supplier-orders/:supplierOrderId/update',
    body: UpdateSupplierOrderDto,
    summary: "A MANUAL factory's user reports progress: IN_PRODUCTION, SHIPPED (with tracking) or a new expectedAt",
  },
});

/**
 * A supplier's webhook. No permissions: the provider authenticates by signing the exact bytes it sent
 * (HMAC-SHA256 with the factory's webhookSecret). Its route (POST webhooks/printful) is written by hand
 * in the gateway, which forwards the raw body, so it has no declared `http`.
 */
export const SupplierWebhook = operation<SupplierWebhookRequest, undefined, SupplierWebhookResult>({
  subject: FulfillmentSubjects.SupplierWebhook,
  request: SupplierWebhookRequest,
});

export const SupplierOrderOperations = [
  SupplierOrderList,
  SupplierOrderGet,
  SupplierOrderCreate,
  SupplierOrderSubmit,
  SupplierOrderCancel,
  SupplierOrderReceive,
  SupplierOrderAccept,
  SupplierOrderReject,
  SupplierOrderUpdate,
];
