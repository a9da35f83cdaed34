import { operation } from '@suite/contracts/identity';
import { ImportBatchRequest, ImportBatchResponse } from '@suite/contracts/core';

/** Catalog's import batches (see @suite/contracts/core import-batch): products by sku, categories by slug, inventory (system variants) by code. */
export const ImportBatchSubjects = {
  ProductImportBatch: 'catalog.product.import-batch',
  CategoryImportBatch: 'catalog.category.import-batch',
  InventoryImportBatch: 'catalog.inventory.import-batch',
} as const;

export const ProductImportBatch = operation({
  subject: ImportBatchSubjects.ProductImportBatch,
  request: ImportBatchRequest,
  response: ImportBatchResponse,
  permissions: ['products:create', 'products:update'],
});

export const CategoryImportBatch = operation({
  subject: ImportBatchSubjects.CategoryImportBatch,
  request: ImportBatchRequest,
  response: ImportBatchResponse,
  permissions: ['categories:create', 'categories:update'],
});

export const InventoryImportBatch = operation({
  subject: ImportBatchSubjects.InventoryImportBatch,
  request: ImportBatchRequest,
  response: ImportBatchResponse,
  permissions: ['products:update'],
});
