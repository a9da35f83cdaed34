import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateHoldDto,
  FulfillmentFilter,
  FulfillmentHoldView,
  FulfillmentView,
  RoutingDecisionView,
  UpdateFulfillmentStatusDto,
} from './fulfillments.dto';
import { FulfillmentSubjects } from './subjects';

export class FulfillmentRef {
  @IsUUID() fulfillmentId: string;
}
export class FulfillmentHoldRef extends FulfillmentRef {
  @IsUUID() holdId: string;
}
export class UpdateFulfillmentStatusRequest extends FulfillmentRef {
  @ValidateNested() @Type(() => UpdateFulfillmentStatusDto) body: UpdateFulfillmentStatusDto;
}
export class CreateHoldRequest extends FulfillmentRef {
  @ValidateNested() @Type(() => CreateHoldDto) body: CreateHoldDto;
}
export class FulfillmentListQuery extends IntersectionType(FulfillmentFilter, PageQuery) {}

/** Staff see every fulfillment; FULFILLER users their factories'; a seller their team's orders'; a buyer their own orders'. */
export const FulfillmentList = operation({
  subject: FulfillmentSubjects.FulfillmentList,
  request: FulfillmentListQuery,
  response: pageOf(FulfillmentView),
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'fulfillments', query: FulfillmentListQuery, summary: 'Fulfillments the caller may see, newest first' },
});

export const FulfillmentGet = operation({
  subject: FulfillmentSubjects.FulfillmentGet,
  request: FulfillmentRef,
  response: FulfillmentView,
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'fulfillments/:fulfillmentId' },
});

export const FulfillmentRouting = operation({
  subject: FulfillmentSubjects.FulfillmentRouting,
  request: FulfillmentRef,
  response: [RoutingDecisionView],
  permissions: ['fulfillments:read'],
  http: {
    method: 'GET',
    path: 'fulfillments/:fulfillmentId/routing',
    summary: 'The routing decisions, oldest first: each candidate factory with why it was rejected or how it ranked, and the rule',
  },
});

export const FulfillmentStatusUpdate = operation({
  subject: FulfillmentSubjects.FulfillmentStatusUpdate,
  request: UpdateFulfillmentStatusRequest,
  response: FulfillmentView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'fulfillments/:fulfillmentId/status',
    status: 200,
    body: UpdateFulfillmentStatusDto,
    summary: 'PENDING -> IN_PRODUCTION -> SHIPPED -> DELIVERED, or FAILED (re-routes the items); other moves 409',
  },
});

export const FulfillmentHoldList = operation({
  subject: FulfillmentSubjects.FulfillmentHoldList,
  request: FulfillmentRef,
  response: [FulfillmentHoldView],
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'fulfillments/:fulfillmentId/holds', summary: 'Holds, released ones included, oldest first' },
});

export const FulfillmentHoldCreate = operation({
  subject: FulfillmentSubjects.FulfillmentHoldCreate,
  request: CreateHoldRequest,
  response: FulfillmentHoldView,
  permissions: ['fulfillments:update'],
  http: { method: 'POST', path: 'fulfillments/:fulfillmentId/holds', body: CreateHoldDto, summary: 'Hold a fulfillment' },
});

export const FulfillmentHoldRelease = operation({
  subject: FulfillmentSubjects.FulfillmentHoldRelease,
  request: FulfillmentHoldRef,
  response: FulfillmentHoldView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'fulfillments/:fulfillmentId/holds/:holdId/release',
    status: 200,
    summary: 'Release a hold; releasing the last one routes a fulfillment that has no factory yet',
  },
});

export const FulfillmentOperations = [
  FulfillmentList,
  FulfillmentGet,
  FulfillmentRouting,
  FulfillmentStatusUpdate,
  FulfillmentHoldList,
  FulfillmentHoldCreate,
  FulfillmentHoldRelease,
];
