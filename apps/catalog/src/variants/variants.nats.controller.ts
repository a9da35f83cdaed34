import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CatalogSubjects, CreateSystemVariantDto, SystemVariantView, UpdateSystemVariantDto } from '@suite/contracts/catalog';
import { Caller, CallerIdentity } from '@suite/platform';
import { VariantsService } from './variants.service';

class ProductRef {
  @IsUUID() productId: string;
}
class VariantRef extends ProductRef {
  @IsUUID() variantId: string;
}
class CreateVariantRequest extends ProductRef {
  @ValidateNested() @Type(() => CreateSystemVariantDto) body: CreateSystemVariantDto;
}
class UpdateVariantRequest extends VariantRef {
  @ValidateNested() @Type(() => UpdateSystemVariantDto) body: UpdateSystemVariantDto;
}

@Controller()
export class VariantsNatsController {
  constructor(private readonly variants: VariantsService) {}

  @MessagePattern(CatalogSubjects.VariantCreate)
  create(@Payload() r: CreateVariantRequest, @Caller() caller: CallerIdentity): Promise<SystemVariantView> {
    return this.variants.create(caller, r.productId, r.body);
  }

  @MessagePattern(CatalogSubjects.VariantList)
  list(@Payload() r: ProductRef, @Caller() caller: CallerIdentity): Promise<SystemVariantView[]> {
    return this.variants.list(caller, r.productId);
  }

  @MessagePattern(CatalogSubjects.VariantUpdate)
  update(@Payload() r: UpdateVariantRequest, @Caller() caller: CallerIdentity): Promise<SystemVariantView> {
    return this.variants.update(caller, r.productId, r.variantId, r.body);
  }

  @MessagePattern(CatalogSubjects.VariantDelete)
  remove(@Payload() r: VariantRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.variants.remove(caller, r.productId, r.variantId);
  }
}
