import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { ProductRef } from './products.operations';
import { CatalogSubjects } from './subjects';
import { CreateSystemVariantDto, SystemVariantView, UpdateSystemVariantDto } from './variants.dto';

export class VariantRef extends ProductRef {
  @IsUUID() variantId: string;
}
export class CreateVariantRequest extends ProductRef {
  @ValidateNested() @Type(() => CreateSystemVariantDto) body: CreateSystemVariantDto;
}
export class UpdateVariantRequest extends VariantRef {
  @ValidateNested() @Type(() => UpdateSystemVariantDto) body: UpdateSystemVariantDto;
}

/** A product's system variants (size, color...), each with the 5-character code factories map to. */
export const VariantCreate = operation({
  subject: CatalogSubjects.VariantCreate,
  request: CreateVariantRequest,
  response: SystemVariantView,
  permissions: ['products:update'],
  http: {
    method: 'POST',
    path: 'products/:productId/variants',
    body: CreateSystemVariantDto,
    summary: 'Add a variant; its unique 5-character code is generated',
  },
});

export const VariantList = operation({
  subject: CatalogSubjects.VariantList,
  request: ProductRef,
  response: [SystemVariantView],
  http: { method: 'GET', path: 'products/:productId/variants', public: true },
});

export const VariantUpdate = operation({
  subject: CatalogSubjects.VariantUpdate,
  request: UpdateVariantRequest,
  response: SystemVariantView,
  permissions: ['products:update'],
  http: { method: 'PATCH', path: 'products/:productId/variants/:variantId', body: UpdateSystemVariantDto },
});

export const VariantDelete = operation({
  subject: CatalogSubjects.VariantDelete,
  request: VariantRef,
  response: DeletedView,
  permissions: ['products:update'],
  http: { method: 'DELETE', path: 'products/:productId/variants/:variantId' },
});

export const VariantOperations = [VariantCreate, VariantList, VariantUpdate, VariantDelete];
