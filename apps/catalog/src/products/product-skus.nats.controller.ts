import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogSubjects, ProductsBySkusRequest, ProductsBySkusResponse } from '@suite/contracts/catalog';
import { CatalogDb } from '@suite/db/catalog';
import { InjectDb } from '@suite/platform';

/**
 * Called by the orders service only (no HTTP route): marketplace orders name products by SKU, the
 * orders schema needs the product id. Only the store's own, not deleted products count.
 */
@Controller()
export class ProductSkusNatsController {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  @MessagePattern(CatalogSubjects.ProductBySkus)
  async bySkus(@Payload() request: ProductsBySkusRequest): Promise<ProductsBySkusResponse> {
    if (request.skus.length === 0) return { products: [] };
    const rows = await this.db.product.findMany({
      where: { storeId: request.storeId, sku: { in: request.skus }, isDeleted: false },
      select: { id: true, sku: true, name: true, price: true },
    });
    return { products: rows.map((p) => ({ id: p.id, sku: p.sku as string, name: p.name, price: p.price.toFixed(2) })) };
  }
}
