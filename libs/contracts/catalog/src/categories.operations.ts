import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { CategoryNode, CategoryQuery, CategoryView, CreateCategoryDto, UpdateCategoryDto } from './categories.dto';
import { CatalogSubjects } from './subjects';

export class CategoryRef {
  @IsUUID() categoryId: string;
}
export class CreateCategoryRequest {
  @ValidateNested() @Type(() => CreateCategoryDto) body: CreateCategoryDto;
}
export class UpdateCategoryRequest extends CategoryRef {
  @ValidateNested() @Type(() => UpdateCategoryDto) body: UpdateCategoryDto;
}

/** The category tree: public reads for the storefront (inactive ones only for catalog managers), changes with categories:*. */
export const CategoryList = operation<CategoryQuery, [typeof CategoryNode], CategoryView[] | CategoryNode[]>({
  subject: CatalogSubjects.CategoryList,
  request: CategoryQuery,
  response: [CategoryNode],
  http: {
    method: 'GET',
    path: 'categories',
    public: true,
    query: CategoryQuery,
    summary: 'Categories: flat by sortOrder, or nested with ?tree=true',
  },
});

export const CategoryGet = operation({
  subject: CatalogSubjects.CategoryGet,
  request: CategoryRef,
  response: CategoryView,
  http: { method: 'GET', path: 'categories/:categoryId', public: true, summary: 'One category' },
});

export const CategoryCreate = operation({
  subject: CatalogSubjects.CategoryCreate,
  request: CreateCategoryRequest,
  response: CategoryView,
  permissions: ['categories:create'],
  http: {
    method: 'POST',
    path: 'categories',
    body: CreateCategoryDto,
    summary: 'Create a category; its slug is made from the name and kept unique',
  },
});

export const CategoryUpdate = operation({
  subject: CatalogSubjects.CategoryUpdate,
  request: UpdateCategoryRequest,
  response: CategoryView,
  permissions: ['categories:update'],
  http: {
    method: 'PATCH',
    path: 'categories/:categoryId',
    body: UpdateCategoryDto,
    summary: 'Change or move a category; under itself or a subcategory is 409 CATALOG.CATEGORY_CYCLE',
  },
});

export const CategoryDelete = operation({
  subject: CatalogSubjects.CategoryDelete,
  request: CategoryRef,
  response: DeletedView,
  permissions: ['categories:delete'],
  http: { method: 'DELETE', path: 'categories/:categoryId', summary: 'Delete a category without subcategories (409 otherwise)' },
});

export const CategoryOperations = [CategoryList, CategoryGet, CategoryCreate, CategoryUpdate, CategoryDelete];
