import { Controller } from '@nestjs/common';
import { ProductBySkus, ProductsBySkusRequest, ProductsBySkusResponse, SkuProduct } from '@suite/contracts/catalog';
import { CatalogDb } from '@suite/db/catalog';
import { Handles, InjectDb } from '@suite/platform';

/** The product's design for fulfilment: its default one, else the first linked. */
const DESIGN = {
  orderBy: [{ isDefault: 'desc' as const }, { createdAt: 'asc' as const }, { designId: 'asc' as const }],
  take: 1,
  select: { designId: true },
};

/**
 * Called by the orders service only (no HTTP route): marketplace orders name products by SKU, the
 * orders schema needs the product id. Only the store's own, not deleted products count. A SKU that
 * is no product's SKU may be the code of one of the store's system variants: the line is then that
 * variant of its product (fulfilment routes on variant codes).
 */
@Controller()
export class ProductSkusNatsController {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  @Handles(ProductBySkus)
  async bySkus(request: ProductsBySkusRequest): Promise<ProductsBySkusResponse> {
    if (request.skus.length === 0) return { products: [] };
    const rows = await this.db.product.findMany({
      where: { storeId: request.storeId, sku: { in: request.skus }, isDeleted: false },
      select: { id: true, sku: true, name: true, price: true, designs: DESIGN },
    });
    const products: SkuProduct[] = rows.map((p) => ({
      id: p.id,
      sku: p.sku as string,
      name: p.name,
      price: p.price.toFixed(2),
      systemVariantId: null,
      systemVariantCode: null,
      designId: p.designs[0]?.designId ?? null,
    }));
    const found = new Set(products.map((p) => p.sku));
    const codes = request.skus.filter((s) => !found.has(s) && s.length === 5);
    if (codes.length > 0) {
      const variants = await this.db.systemVariant.findMany({
        where: { code: { in: codes }, product: { storeId: request.storeId, isDeleted: false } },
        select: {
          id: true,
          code: true,
          price: true,
          product: { select: { id: true, name: true, designs: DESIGN } },
        },
      });
      for (const v of variants)
        products.push({
          id: v.product.id,
          sku: v.code,
          name: v.product.name,
          price: v.price.toFixed(2),
          systemVariantId: v.id,
          systemVariantCode: v.code,
          designId: v.product.designs[0]?.designId ?? null,
        });
    }
    return { products };
  }
}
