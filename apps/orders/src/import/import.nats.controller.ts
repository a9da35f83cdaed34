import { Controller } from '@nestjs/common';
import { ImportBatchRequest } from '@suite/contracts/core';
import { ImportOrderRequest, OrderImport, OrderImportBatch, TransactionImportBatch } from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { ImportService } from './import.service';
import { OrderFileImportService } from './order-file-import.service';
import { TransactionImportService } from './transaction-import.service';

@Controller()
export class ImportNatsController {
  constructor(
    private readonly imports: ImportService,
    private readonly files: OrderFileImportService,
    private readonly transactions: TransactionImportService,
  ) {}

  @Handles(OrderImport)
  import(r: ImportOrderRequest, caller: CallerIdentity) {
    return this.imports.import(caller, r.storeId, r.body);
  }

  @Handles(OrderImportBatch)
  async importBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.files.upsert(caller, r) };
  }

  @Handles(TransactionImportBatch)
  async importTransactions(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.transactions.upsert(caller, r) };
  }
}
