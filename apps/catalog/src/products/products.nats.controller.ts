import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CatalogSubjects, CreateProductDto, ProductListQuery, ProductView, UpdateProductDto } from '@suite/contracts/catalog';
import { Caller, CallerIdentity, Page } from '@suite/platform';
import { ProductReadsService } from './product-reads.service';
import { ProductsService } from './products.service';

class ProductRef {
  @IsUUID() productId: string;
}
class UpdateProductRequest extends ProductRef {
  @ValidateNested() @Type(() => UpdateProductDto) body: UpdateProductDto;
}

@Controller()
export class ProductsNatsController {
  constructor(
    private readonly products: ProductsService,
    private readonly reads: ProductReadsService,
  ) {}

  @MessagePattern(CatalogSubjects.ProductCreate)
  create(@Payload() body: CreateProductDto, @Caller() caller: CallerIdentity): Promise<ProductView> {
    return this.products.create(caller, body);
  }

  @MessagePattern(CatalogSubjects.ProductList)
  list(@Payload() query: ProductListQuery, @Caller() caller: CallerIdentity): Promise<Page<ProductView>> {
    return this.reads.list(caller, query);
  }

  @MessagePattern(CatalogSubjects.ProductGet)
  get(@Payload() r: ProductRef, @Caller() caller: CallerIdentity): Promise<ProductView> {
    return this.reads.get(caller, r.productId);
  }

  @MessagePattern(CatalogSubjects.ProductUpdate)
  update(@Payload() r: UpdateProductRequest, @Caller() caller: CallerIdentity): Promise<ProductView> {
    return this.products.update(caller, r.productId, r.body);
  }

  @MessagePattern(CatalogSubjects.ProductDelete)
  remove(@Payload() r: ProductRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.products.remove(caller, r.productId);
  }
}
