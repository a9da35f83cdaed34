import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { FulfillmentSubjects } from './subjects';
import {
  BulkUpsertResult,
  BulkUpsertSupplierVariantsDto,
  CreateSupplierVariantDto,
  SupplierVariantFilter,
  SupplierVariantView,
  UpdateSupplierVariantDto,
} from './supplier-variants.dto';

export class SupplierVariantRef {
  @IsUUID() supplierVariantId: string;
}
export class CreateSupplierVariantRequest {
  @ValidateNested() @Type(() => CreateSupplierVariantDto) body: CreateSupplierVariantDto;
}
export class UpdateSupplierVariantRequest extends SupplierVariantRef {
  @ValidateNested() @Type(() => UpdateSupplierVariantDto) body: UpdateSupplierVariantDto;
}
export class BulkUpsertSupplierVariantsRequest {
  @ValidateNested() @Type(() => BulkUpsertSupplierVariantsDto) body: BulkUpsertSupplierVariantsDto;
}
/** `GET /supplier-variants`: the filters and the page. */
export class SupplierVariantListQuery extends IntersectionType(SupplierVariantFilter, PageQuery) {}

/** A factory's variants mapped to catalog's system variant codes; FULFILLER users see their own factories' only. */
export const SupplierVariantList = operation({
  subject: FulfillmentSubjects.SupplierVariantList,
  request: SupplierVariantListQuery,
  response: pageOf(SupplierVariantView),
  permissions: ['factories:read'],
  http: {
    method: 'GET',
    path: 'supplier-variants',
    query: SupplierVariantListQuery,
    summary: 'Supplier variants, newest first; cursor pagination',
  },
});

export const SupplierVariantGet = operation({
  subject: FulfillmentSubjects.SupplierVariantGet,
  request: SupplierVariantRef,
  response: SupplierVariantView,
  permissions: ['factories:read'],
  http: { method: 'GET', path: 'supplier-variants/:supplierVariantId' },
});

export const SupplierVariantCreate = operation({
  subject: FulfillmentSubjects.SupplierVariantCreate,
  request: CreateSupplierVariantRequest,
  response: SupplierVariantView,
  permissions: ['factories:create'],
  http: {
    method: 'POST',
    path: 'supplier-variants',
    body: CreateSupplierVariantDto,
    summary: "Map a catalog variant code to a factory's variant (one per factory and code; 409 otherwise)",
  },
});

export const SupplierVariantUpdate = operation({
  subject: FulfillmentSubjects.SupplierVariantUpdate,
  request: UpdateSupplierVariantRequest,
  response: SupplierVariantView,
  permissions: ['factories:update'],
  http: {
    method: 'PATCH',
    path: 'supplier-variants/:supplierVariantId',
    body: UpdateSupplierVariantDto,
    summary: 'Change a supplier variant',
  },
});

export const SupplierVariantDelete = operation({
  subject: FulfillmentSubjects.SupplierVariantDelete,
  request: SupplierVariantRef,
  response: DeletedView,
  permissions: ['factories:delete'],
  http: { method: 'DELETE', path: 'supplier-variants/:supplierVariantId', summary: 'Delete a supplier variant' },
});

export const SupplierVariantBulkUpsert = operation({
  subject: FulfillmentSubjects.SupplierVariantBulkUpsert,
  request: BulkUpsertSupplierVariantsRequest,
  response: BulkUpsertResult,
  permissions: ['factories:update'],
  http: {
    method: 'POST',
    path: 'supplier-variants/bulk',
    body: BulkUpsertSupplierVariantsDto,
    summary: "Create or update up to 1,000 of one factory's variants by code, all or nothing",
  },
});

export const SupplierVariantOperations = [
  SupplierVariantList,
  SupplierVariantBulkUpsert,
  SupplierVariantGet,
  SupplierVariantCreate,
  SupplierVariantUpdate,
  SupplierVariantDelete,
];
