import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { LogisticsSubjects } from './subjects';
import {
  CreateDeliveryQuotationDto,
  DeliveryOrderFilter,
  DeliveryOrderView,
  DeliveryQuotationFilter,
  DeliveryQuotationView,
  DriverView,
  LalamoveWebhookRequest,
  LalamoveWebhookResult,
  PlaceDeliveryOrderDto,
  DeliveryProofView,
} from './deliveries.dto';

export class DeliveryQuotationRef {
  @IsUUID() deliveryQuotationId: string;
}
export class DeliveryOrderRef {
  @IsUUID() deliveryOrderId: string;
}
export class CreateDeliveryQuotationRequest {
  @ValidateNested() @Type(() => CreateDeliveryQuotationDto) body: CreateDeliveryQuotationDto;
}
export class PlaceDeliveryOrderRequest {
  @ValidateNested() @Type(() => PlaceDeliveryOrderDto) body: PlaceDeliveryOrderDto;
}
export class DeliveryQuotationListQuery extends IntersectionType(DeliveryQuotationFilter, PageQuery) {}
export class DeliveryOrderListQuery extends IntersectionType(DeliveryOrderFilter, PageQuery) {}

/**
 * Farm deliveries through Lalamove (Philippines). Staff-run: FULFILLER users quote, place and cancel,
 * SUPPORT reads, admins do everything; every permitted caller sees every delivery.
 */
export const DeliveryQuotationCreate = operation({
  subject: LogisticsSubjects.DeliveryQuotationCreate,
  request: CreateDeliveryQuotationRequest,
  response: DeliveryQuotationView,
  permissions: ['deliveries:create'],
  http: {
    method: 'POST',
    path: 'deliveries/quotations',
    body: CreateDeliveryQuotationDto,
    summary: 'Ask Lalamove for a price (stops, vehicle, item); the quotation can be ordered until its expiresAt (about 5 minutes)',
    timeoutMs: 15000,
  },
});

export const DeliveryQuotationList = operation({
  subject: LogisticsSubjects.DeliveryQuotationList,
  request: DeliveryQuotationListQuery,
  response: pageOf(DeliveryQuotationView),
  permissions: ['deliveries:read'],
  http: { method: 'GET', path: 'deliveries/quotations', query: DeliveryQuotationListQuery, summary: 'Quotations, newest first' },
});

export const DeliveryQuotationGet = operation({
  subject: LogisticsSubjects.DeliveryQuotationGet,
  request: DeliveryQuotationRef,
  response: DeliveryQuotationView,
  permissions: ['deliveries:read'],
  http: { method: 'GET', path: 'deliveries/quotations/:deliveryQuotationId' },
});

export const DeliveryOrderPlace = operation({
  subject: LogisticsSubjects.DeliveryOrderPlace,
  request: PlaceDeliveryOrderRequest,
  response: DeliveryOrderView,
  permissions: ['deliveries:create'],
  http: {
    method: 'POST',
    path: 'deliveries/orders',
    body: PlaceDeliveryOrderDto,
    summary: 'Place a Lalamove order from an ACTIVE quotation (used once: an expired or used one is 409)',
    timeoutMs: 20000,
  },
});

export const DeliveryOrderList = operation({
  subject: LogisticsSubjects.DeliveryOrderList,
  request: DeliveryOrderListQuery,
  response: pageOf(DeliveryOrderView),
  permissions: ['deliveries:read'],
  http: { method: 'GET', path: 'deliveries/orders', query: DeliveryOrderListQuery, summary: 'Delivery orders, newest first' },
});

export const DeliveryOrderGet = operation({
  subject: LogisticsSubjects.DeliveryOrderGet,
  request: DeliveryOrderRef,
  response: DeliveryOrderView,
  permissions: ['deliveries:read'],
  http: { method: 'GET', path: 'deliveries/orders/:deliveryOrderId' },
});

export const DeliveryOrderCancel = operation({
  subject: LogisticsSubjects.DeliveryOrderCancel,
  request: DeliveryOrderRef,
  response: DeliveryOrderView,
  permissions: ['deliveries:update'],
  http: {
    method: 'POST',
    path: 'deliveries/orders/:deliveryOrderId/cancel',
    status: 200,
    summary: 'Cancel at Lalamove: while ASSIGNING_DRIVER, or ON_GOING within the window after a driver took it; 409 otherwise',
    timeoutMs: 20000,
  },
});

export const DeliveryOrderDriver = operation({
  subject: LogisticsSubjects.DeliveryOrderDriver,
  request: DeliveryOrderRef,
  response: DriverView,
  permissions: ['deliveries:read'],
  http: {
    method: 'GET',
    path: 'deliveries/orders/:deliveryOrderId/driver',
    summary: "The assigned driver's details and position, from Lalamove (409 while no driver is assigned)",
    timeoutMs: 15000,
  },
});

export const DeliveryOrderProofOfDelivery = operation({
  subject: LogisticsSubjects.DeliveryOrderProofOfDelivery,
  request: DeliveryOrderRef,
  response: DeliveryProofView,
  permissions: ['deliveries:read'],
  http: {
    method: 'GET',
    path: 'deliveries/orders/:deliveryOrderId/proof-of-delivery',
    summary: "The drop-off's proof of delivery (status, photo, signature); read from Lalamove once the order is COMPLETED",
    timeoutMs: 15000,
  },
});

/**
 * Lalamove's webhook. No permissions: Lalamove signs the body with our API secret. Its route (POST
 * webhooks/lalamove) is written by hand in the gateway, which forwards the raw body, so it has no `http`.
 */
export const LalamoveWebhook = operation<LalamoveWebhookRequest, undefined, LalamoveWebhookResult>({
  subject: LogisticsSubjects.LalamoveWebhook,
  request: LalamoveWebhookRequest,
});

export const DeliveryQuotationOperations = [DeliveryQuotationCreate, DeliveryQuotationList, DeliveryQuotationGet];
export const DeliveryOrderOperations = [
  DeliveryOrderPlace,
  DeliveryOrderList,
  DeliveryOrderGet,
  DeliveryOrderCancel,
  DeliveryOrderDriver,
  DeliveryOrderProofOfDelivery,
];
