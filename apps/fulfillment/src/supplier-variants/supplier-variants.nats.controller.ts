import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  BulkUpsertSupplierVariantsRequest,
  CreateSupplierVariantRequest,
  SupplierVariantBulkUpsert,
  SupplierVariantCreate,
  SupplierVariantDelete,
  SupplierVariantGet,
  SupplierVariantList,
  SupplierVariantListQuery,
  SupplierVariantRef,
  SupplierVariantUpdate,
  UpdateSupplierVariantRequest,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import { requirePermission } from '../access/access';
import { BulkUpsertSupplierVariantsCommand } from './commands/bulk-upsert.command';
import { SupplierVariantsService } from './supplier-variants.service';

@Controller()
export class SupplierVariantsNatsController {
  constructor(
    private readonly variants: SupplierVariantsService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(SupplierVariantList)
  list(query: SupplierVariantListQuery, caller: CallerIdentity) {
    return this.variants.list(caller, query);
  }

  @Handles(SupplierVariantGet)
  get(r: SupplierVariantRef, caller: CallerIdentity) {
    return this.variants.get(caller, r.supplierVariantId);
  }

  @Handles(SupplierVariantCreate)
  create(r: CreateSupplierVariantRequest, caller: CallerIdentity) {
    return this.variants.create(caller, r.body);
  }

  @Handles(SupplierVariantUpdate)
  update(r: UpdateSupplierVariantRequest, caller: CallerIdentity) {
    return this.variants.update(caller, r.supplierVariantId, r.body);
  }

  @Handles(SupplierVariantDelete)
  remove(r: SupplierVariantRef, caller: CallerIdentity) {
    return this.variants.remove(caller, r.supplierVariantId);
  }

  @Handles(SupplierVariantBulkUpsert)
  bulk(r: BulkUpsertSupplierVariantsRequest, caller: CallerIdentity) {
    requirePermission(caller, 'factories:update');
    return this.commands.execute(new BulkUpsertSupplierVariantsCommand(caller, r.body));
  }
}
