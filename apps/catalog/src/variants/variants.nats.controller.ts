import { Controller } from '@nestjs/common';
import {
  CreateVariantRequest,
  ProductRef,
  UpdateVariantRequest,
  VariantCreate,
  VariantDelete,
  VariantList,
  VariantRef,
  VariantUpdate,
} from '@suite/contracts/catalog';
import { CallerIdentity, Handles } from '@suite/platform';
import { VariantsService } from './variants.service';

@Controller()
export class VariantsNatsController {
  constructor(private readonly variants: VariantsService) {}

  @Handles(VariantCreate)
  create(r: CreateVariantRequest, caller: CallerIdentity) {
    return this.variants.create(caller, r.productId, r.body);
  }

  @Handles(VariantList)
  list(r: ProductRef, caller: CallerIdentity) {
    return this.variants.list(caller, r.productId);
  }

  @Handles(VariantUpdate)
  update(r: UpdateVariantRequest, caller: CallerIdentity) {
    return this.variants.update(caller, r.productId, r.variantId, r.body);
  }

  @Handles(VariantDelete)
  remove(r: VariantRef, caller: CallerIdentity) {
    return this.variants.remove(caller, r.productId, r.variantId);
  }
}
