import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DeletedView, pageOf, PageQuery } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CreateDesignDto,
  DESIGN_ACTIONS,
  DesignAction,
  DesignFilter,
  DesignView,
  LinkProductDesignDto,
  ProductDesignView,
  UpdateDesignDto,
} from './designs.dto';
import { ProductRef } from './products.operations';
import { CatalogSubjects } from './subjects';

export class DesignRef {
  @IsUUID() designId: string;
}
export class CreateDesignRequest {
  @ValidateNested() @Type(() => CreateDesignDto) body: CreateDesignDto;
}
/** `GET /designs`: the page and the status filter. */
export class DesignListQuery extends IntersectionType(PageQuery, DesignFilter) {}
export class UpdateDesignRequest extends DesignRef {
  @ValidateNested() @Type(() => UpdateDesignDto) body: UpdateDesignDto;
}
/** One move of the review workflow; the gateway's submit/approve/reject/archive routes each send their action. */
export class DesignTransitionRequest extends DesignRef {
  @IsIn(DESIGN_ACTIONS) action: DesignAction;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}
export class LinkProductDesignRequest extends ProductRef {
  @ValidateNested() @Type(() => LinkProductDesignDto) body: LinkProductDesignDto;
}
export class ProductDesignRef extends ProductRef {
  @IsUUID() designId: string;
}

/** A team's designs and their review workflow; ownership and the transition table live in catalog. */
export const DesignCreate = operation({
  subject: CatalogSubjects.DesignCreate,
  request: CreateDesignRequest,
  response: DesignView,
  permissions: ['designs:create'],
  http: {
    method: 'POST',
    path: 'designs',
    body: CreateDesignDto,
    summary: 'Upload a design (DRAFT); the same artwork twice is 409 with details.existingDesignId',
  },
});

export const DesignList = operation({
  subject: CatalogSubjects.DesignList,
  request: DesignListQuery,
  response: pageOf(DesignView),
  permissions: ['designs:read'],
  http: { method: 'GET', path: 'designs', query: DesignListQuery, summary: "The caller's teams' designs, newest first" },
});

export const DesignGet = operation({
  subject: CatalogSubjects.DesignGet,
  request: DesignRef,
  response: DesignView,
  permissions: ['designs:read'],
  http: { method: 'GET', path: 'designs/:designId' },
});

export const DesignUpdate = operation({
  subject: CatalogSubjects.DesignUpdate,
  request: UpdateDesignRequest,
  response: DesignView,
  permissions: ['designs:update'],
  http: {
    method: 'PATCH',
    path: 'designs/:designId',
    body: UpdateDesignDto,
    summary: 'Edit a DRAFT design; isAutoFulfillmentReady only on an APPROVED one',
  },
});

/**
 * The four workflow routes (submit, archive: designs:update; approve, reject: designs:execute) share
 * this one subject, so it has no single HTTP route or permission: the gateway's hand-written
 * DesignTransitionsController checks each route's permission, and the service checks the action's.
 */
export const DesignTransition = operation({
  subject: CatalogSubjects.DesignTransition,
  request: DesignTransitionRequest,
  response: DesignView,
});

/** Designs printed on a product: product and design of the same team, exactly one default. */
export const ProductDesignLink = operation({
  subject: CatalogSubjects.ProductDesignLink,
  request: LinkProductDesignRequest,
  response: ProductDesignView,
  permissions: ['products:update'],
  http: {
    method: 'POST',
    path: 'products/:productId/designs',
    body: LinkProductDesignDto,
    summary: "Put one of the team's designs on the product (isDefault unsets the previous default)",
  },
});

export const ProductDesignList = operation({
  subject: CatalogSubjects.ProductDesignList,
  request: ProductRef,
  response: [ProductDesignView],
  permissions: ['products:read'],
  http: { method: 'GET', path: 'products/:productId/designs' },
});

export const ProductDesignUnlink = operation({
  subject: CatalogSubjects.ProductDesignUnlink,
  request: ProductDesignRef,
  response: DeletedView,
  permissions: ['products:update'],
  http: {
    method: 'DELETE',
    path: 'products/:productId/designs/:designId',
    summary: 'Take the design off the product (a removed default hands over to the oldest remaining)',
  },
});

export const DesignOperations = [DesignCreate, DesignList, DesignGet, DesignUpdate];
export const ProductDesignOperations = [ProductDesignLink, ProductDesignList, ProductDesignUnlink];
