import { Controller } from '@nestjs/common';
import { ImportBatchRequest } from '@suite/contracts/core';
import { BuyerImportBatch, SellerImportBatch, UserImportBatch } from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { UserImportService } from './user-import.service';

/** Batches of analytics' import jobs, written with the uploader's identity. */
@Controller()
export class IdentityImportsNatsController {
  constructor(private readonly people: UserImportService) {}

  @Handles(UserImportBatch)
  async userBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.people.upsert(caller, 'USER', r) };
  }

  @Handles(SellerImportBatch)
  async sellerBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.people.upsert(caller, 'SELLER', r) };
  }

  @Handles(BuyerImportBatch)
  async buyerBatch(r: ImportBatchRequest, caller: CallerIdentity) {
    return { results: await this.people.upsert(caller, 'BUYER', r) };
  }
}
