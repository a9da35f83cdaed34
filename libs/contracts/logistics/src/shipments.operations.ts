import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { LogisticsSubjects } from './subjects';
import {
  AddShipmentLegDto,
  CreateShipmentDto,
  ProofOfDeliveryDto,
  PublicTrackingView,
  ShipmentFilter,
  ShipmentView,
  TrackingEventView,
  TrackingWebhookRequest,
  TrackingWebhookResult,
  UpdateShipmentDto,
  UpdateShipmentStatusDto,
} from './shipments.dto';
import { RaiseShipmentExceptionDto, ResolveShipmentExceptionDto, ShipmentExceptionView } from './shipment-exceptions.dto';

export class ShipmentRef {
  @IsUUID() shipmentId: string;
}
export class ShipmentExceptionRef extends ShipmentRef {
  @IsUUID() exceptionId: string;
}
export class TrackingNumberRef {
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,60}$/, { message: 'trackingNumber must be 4-60 letters, digits and dashes' })
  trackingNumber: string;
}
export class ShipmentListQuery extends IntersectionType(ShipmentFilter, PageQuery) {}
export class CreateShipmentRequest {
  @ValidateNested() @Type(() => CreateShipmentDto) body: CreateShipmentDto;
}
export class UpdateShipmentRequest extends ShipmentRef {
  @ValidateNested() @Type(() => UpdateShipmentDto) body: UpdateShipmentDto;
}
export class UpdateShipmentStatusRequest extends ShipmentRef {
  @ValidateNested() @Type(() => UpdateShipmentStatusDto) body: UpdateShipmentStatusDto;
}
export class AddShipmentLegRequest extends ShipmentRef {
  @ValidateNested() @Type(() => AddShipmentLegDto) body: AddShipmentLegDto;
}
export class ProofOfDeliveryRequest extends ShipmentRef {
  @ValidateNested() @Type(() => ProofOfDeliveryDto) body: ProofOfDeliveryDto;
}
export class RaiseShipmentExceptionRequest extends ShipmentRef {
  @ValidateNested() @Type(() => RaiseShipmentExceptionDto) body: RaiseShipmentExceptionDto;
}
export class ResolveShipmentExceptionRequest extends ShipmentExceptionRef {
  @ValidateNested() @Type(() => ResolveShipmentExceptionDto) body: ResolveShipmentExceptionDto;
}

/**
 * Shipments: opened by fulfillment's SHIPPED event or by staff for orders the farm ships itself.
 * Buyers see their orders' shipments, seller teams their stores', staff (admins, support, finance,
 * fulfillers) all; anything else is 404.
 */
export const ShipmentList = operation({
  subject: LogisticsSubjects.ShipmentList,
  request: ShipmentListQuery,
  response: pageOf(ShipmentView),
  permissions: ['shipments:read'],
  http: {
    method: 'GET',
    path: 'shipments',
    query: ShipmentListQuery,
    summary: 'Shipments the caller may see, newest first; cursor pagination',
  },
});

export const ShipmentGet = operation({
  subject: LogisticsSubjects.ShipmentGet,
  request: ShipmentRef,
  response: ShipmentView,
  permissions: ['shipments:read'],
  http: { method: 'GET', path: 'shipments/:shipmentId' },
});

export const ShipmentCreate = operation({
  subject: LogisticsSubjects.ShipmentCreate,
  request: CreateShipmentRequest,
  response: ShipmentView,
  permissions: ['shipments:create'],
  http: {
    method: 'POST',
    path: 'shipments',
    body: CreateShipmentDto,
    summary: "A shipment the farm sends itself: items of one known order, quantities not above the order's",
  },
});

export const ShipmentUpdate = operation({
  subject: LogisticsSubjects.ShipmentUpdate,
  request: UpdateShipmentRequest,
  response: ShipmentView,
  permissions: ['shipments:update'],
  http: {
    method: 'PATCH',
    path: 'shipments/:shipmentId',
    body: UpdateShipmentDto,
    summary: 'Carrier, tracking number, service, label, cost, weight',
  },
});

export const ShipmentStatusUpdate = operation({
  subject: LogisticsSubjects.ShipmentStatusUpdate,
  request: UpdateShipmentStatusRequest,
  response: ShipmentView,
  permissions: ['shipments:update'],
  http: {
    method: 'POST',
    path: 'shipments/:shipmentId/status',
    status: 200,
    body: UpdateShipmentStatusDto,
    summary: 'Move the shipment forward (or to RETURNED / LOST); a move backwards is 409',
  },
});

export const ShipmentLegAdd = operation({
  subject: LogisticsSubjects.ShipmentLegAdd,
  request: AddShipmentLegRequest,
  response: ShipmentView,
  permissions: ['shipments:update'],
  http: {
    method: 'POST',
    path: 'shipments/:shipmentId/legs',
    body: AddShipmentLegDto,
    summary: 'A handoff to another carrier, with its own tracking number',
  },
});

export const ShipmentProofOfDelivery = operation({
  subject: LogisticsSubjects.ShipmentProofOfDelivery,
  request: ProofOfDeliveryRequest,
  response: ShipmentView,
  permissions: ['shipments:update'],
  http: {
    method: 'POST',
    path: 'shipments/:shipmentId/proof-of-delivery',
    status: 200,
    body: ProofOfDeliveryDto,
    summary: 'Record the proof of delivery; the shipment becomes DELIVERED',
  },
});

export const ShipmentTracking = operation({
  subject: LogisticsSubjects.ShipmentTracking,
  request: ShipmentRef,
  response: [TrackingEventView],
  permissions: ['shipments:read'],
  http: { method: 'GET', path: 'shipments/:shipmentId/tracking', summary: 'The tracking timeline, oldest first by occurredAt (UTC)' },
});

export const PublicTracking = operation({
  subject: LogisticsSubjects.PublicTracking,
  request: TrackingNumberRef,
  response: PublicTrackingView,
  http: {
    method: 'GET',
    path: 'tracking/:trackingNumber',
    public: true,
    summary: 'Public tracking page by tracking number: status, legs and timeline, no personal data',
  },
});

export const ShipmentExceptionList = operation({
  subject: LogisticsSubjects.ShipmentExceptionList,
  request: ShipmentRef,
  response: [ShipmentExceptionView],
  permissions: ['shipments:read'],
  http: { method: 'GET', path: 'shipments/:shipmentId/exceptions', summary: 'Exceptions, resolved ones included, oldest first' },
});

export const ShipmentExceptionRaise = operation({
  subject: LogisticsSubjects.ShipmentExceptionRaise,
  request: RaiseShipmentExceptionRequest,
  response: ShipmentExceptionView,
  permissions: ['shipments:update'],
  http: { method: 'POST', path: 'shipments/:shipmentId/exceptions', body: RaiseShipmentExceptionDto, summary: 'Staff raise an exception' },
});

export const ShipmentExceptionResolve = operation({
  subject: LogisticsSubjects.ShipmentExceptionResolve,
  request: ResolveShipmentExceptionRequest,
  response: ShipmentExceptionView,
  permissions: ['shipments:update'],
  http: {
    method: 'POST',
    path: 'shipments/:shipmentId/exceptions/:exceptionId/resolve',
    status: 200,
    body: ResolveShipmentExceptionDto,
    summary: 'Resolve an open exception (409 when already resolved)',
  },
});

/**
 * A tracking provider's webhook (AfterShip, EasyPost). No permissions: the provider signs the exact
 * bytes it sent; its routes (POST webhooks/tracking/aftership|easypost) are written by hand in the
 * gateway, which forwards the raw body, so it has no declared `http`.
 */
export const TrackingWebhook = operation<TrackingWebhookRequest, undefined, TrackingWebhookResult>({
  subject: LogisticsSubjects.TrackingWebhook,
  request: TrackingWebhookRequest,
});

export const ShipmentOperations = [
  ShipmentList,
  ShipmentGet,
  ShipmentCreate,
  ShipmentUpdate,
  ShipmentStatusUpdate,
  ShipmentLegAdd,
  ShipmentProofOfDelivery,
  ShipmentTracking,
  ShipmentExceptionList,
  ShipmentExceptionRaise,
  ShipmentExceptionResolve,
];
export const TrackingOperations = [PublicTracking];
