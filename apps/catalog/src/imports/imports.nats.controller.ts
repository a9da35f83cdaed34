import { Controller } from '@nestjs/common';
import { CategoryImportBatch, InventoryImportBatch, ProductImportBatch } from '@suite/contracts/catalog';
import { ImportBatchRequest } from '@suite/contracts/core';
import { CallerIdentity, Handles } from '@suite/platform';
import { CategoryImportService } from './category-import.service';
import { InventoryImportService } from './inventory-import.service';
import { ProductImportService } from './product-import.service';

/** Batches of analytics' import jobs, written with the uploader's identity. */
@Controller()
export class CatalogImportsNatsController {
  constructor(
    private readonly products: ProductImportService,
    private readonly categories: CategoryImportService,
    private readonly inventory: InventoryImportService,
  ) {}

  @Handles(ProductImportBatch)
  async productBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.products.upsert(caller, r) };
  }

  @Handles(CategoryImportBatch)
  async categoryBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.categories.upsert(caller, r) };
  }

  @Handles(InventoryImportBatch)
  async inventoryBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.inventory.upsert(caller, r) };
  }
}
