import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { StoreIdsForTeamsRequest, StoreIdsForTeamsResponse } from './order-lookups.dto';
import { PageQuery, pageOf } from '@suite/contracts/core';
import { CreateStoreDto, StoreFilter, StoreView, UpdateStoreDto } from './stores.dto';
import { CatalogSubjects } from './subjects';

export class StoreRef {
  @IsUUID() storeId: string;
}
export class CreateStoreRequest {
  @ValidateNested() @Type(() => CreateStoreDto) body: CreateStoreDto;
}
export class UpdateStoreRequest extends StoreRef {
  @ValidateNested() @Type(() => UpdateStoreDto) body: UpdateStoreDto;
}
/** `GET /stores`: the filters and the page. */
export class StoreListQuery extends IntersectionType(StoreFilter, PageQuery) {}

/** A team's selling-platform stores: ownership is decided by catalog (another team's store is 404); credentials go in, never out. */
export const StoreCreate = operation({
  subject: CatalogSubjects.StoreCreate,
  request: CreateStoreRequest,
  response: StoreView,
  permissions: ['stores:create'],
  http: {
    method: 'POST',
    path: 'stores',
    body: CreateStoreDto,
    summary: "Connect a store for one of the caller's teams; credentials are stored encrypted",
  },
});

export const StoreList = operation({
  subject: CatalogSubjects.StoreList,
  request: StoreListQuery,
  response: pageOf(StoreView),
  permissions: ['stores:read'],
  http: {
    method: 'GET',
    path: 'stores',
    query: StoreListQuery,
    summary: "The caller's teams' stores, newest first; cursor pagination",
  },
});

export const StoreGet = operation({
  subject: CatalogSubjects.StoreGet,
  request: StoreRef,
  response: StoreView,
  permissions: ['stores:read'],
  http: { method: 'GET', path: 'stores/:storeId' },
});

export const StoreUpdate = operation({
  subject: CatalogSubjects.StoreUpdate,
  request: UpdateStoreRequest,
  response: StoreView,
  permissions: ['stores:update'],
  http: {
    method: 'PATCH',
    path: 'stores/:storeId',
    body: UpdateStoreDto,
    summary: 'Change the store; credentials, when given, replace the stored ones',
  },
});

// stores:update, not stores:delete: this only deactivates (reversible with PATCH isActive), which sellers may do.
export const StoreDeactivate = operation({
  subject: CatalogSubjects.StoreDeactivate,
  request: StoreRef,
  response: StoreView,
  permissions: ['stores:update'],
  http: { method: 'DELETE', path: 'stores/:storeId', summary: 'Deactivate the store (isActive false); it and its products are kept' },
});

/** Internal (orders: order visibility, imports): which stores these teams own. No HTTP route. */
export const StoreIdsForTeams = operation<StoreIdsForTeamsRequest, undefined, StoreIdsForTeamsResponse>({
  subject: CatalogSubjects.StoreIdsForTeams,
  request: StoreIdsForTeamsRequest,
});

export const StoreOperations = [StoreCreate, StoreList, StoreGet, StoreUpdate, StoreDeactivate];
