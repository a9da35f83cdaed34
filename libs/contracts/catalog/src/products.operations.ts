import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf } from '@suite/contracts/core';
import { ClientInfo, operation } from '@suite/contracts/identity';
import { ProductsBySkusRequest, ProductsBySkusResponse } from './order-lookups.dto';
import { CreateProductDto, ProductListQuery, ProductView, UpdateProductDto } from './products.dto';
import { ProductQuoteLine, ProductQuoteRequest } from './quote.dto';
import { CatalogSubjects } from './subjects';

export class ProductRef {
  @IsUUID() productId: string;
}
export class CreateProductRequest {
  @ValidateNested() @Type(() => CreateProductDto) body: CreateProductDto;
}
export class UpdateProductRequest extends ProductRef {
  @ValidateNested() @Type(() => UpdateProductDto) body: UpdateProductDto;
}

/** The query plus where the call came from (the gateway adds it), for the search log. */
export class ProductListRequest extends ProductListQuery {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
/** A page of products; a `search` also answers the id of its search log, for `POST /search-logs/:id/click`. */
export class ProductSearchPage extends pageOf(ProductView) {
  @ApiPropertyOptional({ description: 'Present when `search` was given and the search was logged' }) searchLogId?: string;
}

/** Products: reads are the public storefront; writes belong to the store's team (another team's product is 404). */
export const ProductCreate = operation({
  subject: CatalogSubjects.ProductCreate,
  request: CreateProductRequest,
  response: ProductView,
  permissions: ['products:create'],
  http: {
    method: 'POST',
    path: 'products',
    body: CreateProductDto,
    summary: "Create a product in one of the caller's teams' stores; the slug comes from the name",
  },
});

export const ProductList = operation({
  subject: CatalogSubjects.ProductList,
  request: ProductListRequest,
  response: ProductSearchPage,
  http: {
    method: 'GET',
    path: 'products',
    public: true,
    query: ProductListQuery,
    client: true,
    summary: "Search and filter products; ACTIVE ones for everyone, the caller's teams' in any status; keyset cursor pagination",
  },
});

export const ProductGet = operation({
  subject: CatalogSubjects.ProductGet,
  request: ProductRef,
  response: ProductView,
  http: { method: 'GET', path: 'products/:productId', public: true },
});

export const ProductUpdate = operation({
  subject: CatalogSubjects.ProductUpdate,
  request: UpdateProductRequest,
  response: ProductView,
  permissions: ['products:update'],
  http: { method: 'PATCH', path: 'products/:productId', body: UpdateProductDto },
});

export const ProductDelete = operation({
  subject: CatalogSubjects.ProductDelete,
  request: ProductRef,
  response: DeletedView,
  permissions: ['products:delete'],
  http: { method: 'DELETE', path: 'products/:productId', summary: 'Soft delete: hidden from the storefront, kept for orders and reviews' },
});

/** Internal (orders, marketplace imports): the store's live products with these SKUs. No HTTP route. */
export const ProductBySkus = operation<ProductsBySkusRequest, undefined, ProductsBySkusResponse>({
  subject: CatalogSubjects.ProductBySkus,
  request: ProductsBySkusRequest,
});

/** Internal (orders, carts): products' current price, stock and cart limit. No HTTP route. */
export const ProductQuote = operation({
  subject: CatalogSubjects.ProductQuote,
  request: ProductQuoteRequest,
  response: [ProductQuoteLine],
});

export const ProductOperations = [ProductCreate, ProductList, ProductGet, ProductUpdate, ProductDelete];
