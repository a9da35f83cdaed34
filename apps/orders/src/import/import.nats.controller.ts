import { Controller } from '@nestjs/common';
import { ImportBatchRequest } from '@suite/contracts/core';
import { ImportOrderRequest, OrderImport, OrderImportBatch } from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { ImportService } from './import.service';
import { OrderFileImportService } from './order-file-import.service';

@Controller()
export class ImportNatsController {
  constructor(
    private readonly imports: ImportService,
    private readonly files: OrderFileImportService,
  ) {}

  @Handles(OrderImport)
  import(r: ImportOrderRequest, caller: CallerIdentity) {
    return this.imports.import(caller, r.storeId, r.body);
  }

  @Handles(OrderImportBatch)
  async importBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.files.upsert(caller, r) };
  }
}
