import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateProductionDto,
  CreateQualityCheckDto,
  ProductionDetailView,
  ProductionFilter,
  ProductionStatusDto,
  ProductionTimelineView,
  ProductionView,
  QualityCheckView,
  RecordedQualityCheckView,
} from './productions.dto';
import { FulfillmentSubjects } from './subjects';

export class ProductionRef {
  @IsUUID() productionId: string;
}
export class CreateProductionRequest {
  @ValidateNested() @Type(() => CreateProductionDto) body: CreateProductionDto;
}
export class ProductionStatusRequest extends ProductionRef {
  @ValidateNested() @Type(() => ProductionStatusDto) body: ProductionStatusDto;
}
export class CreateQualityCheckRequest extends ProductionRef {
  @ValidateNested() @Type(() => CreateQualityCheckDto) body: CreateQualityCheckDto;
}
export class ProductionListQuery extends IntersectionType(ProductionFilter, PageQuery) {}

/**
 * Production batches group fulfillment items of one factory and print method. Staff see every
 * factory's batches; a FULFILLER only their linked factories' (any other is 404).
 */
export const ProductionCreate = operation({
  subject: FulfillmentSubjects.ProductionCreate,
  request: CreateProductionRequest,
  response: ProductionDetailView,
  permissions: ['fulfillments:update'],
  http: { method: 'POST', path: 'productions', body: CreateProductionDto, summary: "Plan a batch of a factory's fulfillment items" },
});

export const ProductionList = operation({
  subject: FulfillmentSubjects.ProductionList,
  request: ProductionListQuery,
  response: pageOf(ProductionView),
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'productions', query: ProductionListQuery, summary: 'Production batches, newest first; cursor pagination' },
});

export const ProductionGet = operation({
  subject: FulfillmentSubjects.ProductionGet,
  request: ProductionRef,
  response: ProductionDetailView,
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'productions/:productionId', summary: 'One batch with its items and quality checks' },
});

export const ProductionTimeline = operation({
  subject: FulfillmentSubjects.ProductionTimeline,
  request: ProductionRef,
  response: ProductionTimelineView,
  permissions: ['fulfillments:read'],
  http: {
    method: 'GET',
    path: 'productions/:productionId/timeline',
    summary: 'When the batch was planned, started, completed or cancelled',
  },
});

export const ProductionStatusChange = operation({
  subject: FulfillmentSubjects.ProductionStatusChange,
  request: ProductionStatusRequest,
  response: ProductionDetailView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'productions/:productionId/status',
    body: ProductionStatusDto,
    status: 200,
    summary: 'Move a batch: PLANNED -> IN_PROGRESS -> COMPLETED, or CANCELLED before it completes (others 409)',
  },
});

export const QualityCheckCreate = operation({
  subject: FulfillmentSubjects.QualityCheckCreate,
  request: CreateQualityCheckRequest,
  response: RecordedQualityCheckView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'productions/:productionId/quality-checks',
    body: CreateQualityCheckDto,
    summary: 'Record a quality check; a FAIL after production reprints the item, or fails it past the reprint limit',
  },
});

export const QualityCheckList = operation({
  subject: FulfillmentSubjects.QualityCheckList,
  request: ProductionRef,
  response: [QualityCheckView],
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'productions/:productionId/quality-checks', summary: "A batch's quality checks, oldest first" },
});

export const ProductionOperations = [
  ProductionCreate,
  ProductionList,
  ProductionGet,
  ProductionTimeline,
  ProductionStatusChange,
  QualityCheckCreate,
  QualityCheckList,
];
