import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateInventoryMovementDto,
  InventoryFilter,
  InventoryMovementFilter,
  InventoryMovementResultView,
  InventoryMovementView,
  InventoryStockView,
} from './inventory.dto';
import { FulfillmentSubjects } from './subjects';

export class CreateInventoryMovementRequest {
  @ValidateNested() @Type(() => CreateInventoryMovementDto) body: CreateInventoryMovementDto;
}
export class InventoryListQuery extends IntersectionType(InventoryFilter, PageQuery) {}
export class InventoryMovementListQuery extends IntersectionType(InventoryMovementFilter, PageQuery) {}

/** Factories' blank stock per location. Staff see every factory's; a FULFILLER only their linked factories'. */
export const InventoryList = operation({
  subject: FulfillmentSubjects.InventoryList,
  request: InventoryListQuery,
  response: pageOf(InventoryStockView),
  permissions: ['fulfillments:read'],
  http: { method: 'GET', path: 'inventory', query: InventoryListQuery, summary: 'Blank stock per location and item code' },
});

export const InventoryMovementCreate = operation({
  subject: FulfillmentSubjects.InventoryMovementCreate,
  request: CreateInventoryMovementRequest,
  response: InventoryMovementResultView,
  permissions: ['fulfillments:update'],
  http: {
    method: 'POST',
    path: 'inventory/movements',
    body: CreateInventoryMovementDto,
    summary: 'Move blanks; the stock and the movement log change together, and no quantity goes below zero',
  },
});

export const InventoryMovementList = operation({
  subject: FulfillmentSubjects.InventoryMovementList,
  request: InventoryMovementListQuery,
  response: pageOf(InventoryMovementView),
  permissions: ['fulfillments:read'],
  http: {
    method: 'GET',
    path: 'inventory/movements',
    query: InventoryMovementListQuery,
    summary: 'The append-only movement log, newest first',
  },
});

export const InventoryOperations = [InventoryList, InventoryMovementCreate, InventoryMovementList];
