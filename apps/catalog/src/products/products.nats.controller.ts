import { Controller } from '@nestjs/common';
import {
  CreateProductRequest,
  ProductCreate,
  ProductDelete,
  ProductGet,
  ProductList,
  ProductListRequest,
  ProductRef,
  ProductUpdate,
  UpdateProductRequest,
} from '@suite/contracts/catalog';
import { CallerIdentity, Handles } from '@suite/platform';
import { ProductReadsService } from './product-reads.service';
import { ProductsService } from './products.service';

@Controller()
export class ProductsNatsController {
  constructor(
    private readonly products: ProductsService,
    private readonly reads: ProductReadsService,
  ) {}

  @Handles(ProductCreate)
  create(r: CreateProductRequest, caller: CallerIdentity) {
    return this.products.create(caller, r.body);
  }

  @Handles(ProductList)
  list(query: ProductListRequest, caller: CallerIdentity) {
    return this.reads.list(caller, query);
  }

  @Handles(ProductGet)
  get(r: ProductRef, caller: CallerIdentity) {
    return this.reads.get(caller, r.productId);
  }

  @Handles(ProductUpdate)
  update(r: UpdateProductRequest, caller: CallerIdentity) {
    return this.products.update(caller, r.productId, r.body);
  }

  @Handles(ProductDelete)
  remove(r: ProductRef, caller: CallerIdentity) {
    return this.products.remove(caller, r.productId);
  }
}
