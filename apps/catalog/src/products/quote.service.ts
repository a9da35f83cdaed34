import { Injectable } from '@nestjs/common';
import { ProductQuoteLine, ProductQuoteRequest } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { InjectDb } from '@suite/platform';

interface QuoteRow {
  productId: string;
  variantId: string | null;
  name: string;
  sku: string | null;
  price: string;
  stock: number;
  maxCartQty: number | null;
  status: string;
  isAvailable: boolean;
  variantCode: string | null;
  designId: string | null;
}

/**
 * Current selling terms of products for the orders service's carts. One query whatever the number
 * of items: the asked (product, variant) pairs are unnested and joined; a pair that does not exist
 * (unknown product, or a variant of another product) yields no row, so the caller sees it absent.
 */
@Injectable()
export class QuoteService {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  async quote(request: ProductQuoteRequest): Promise<ProductQuoteLine[]> {
    const productIds = request.items.map((i) => i.productId);
    // '' stands for "no variant": arrays with NULL elements do not bind reliably as query parameters.
    const variantIds = request.items.map((i) => i.variantId ?? '');
    const rows = await this.db.$queryRaw<QuoteRow[]>(Prisma.sql`
      SELECT DISTINCT p.id::text AS "productId", v.id::text AS "variantId", p.name, p.sku,
             COALESCE(v.price, p.price)::text AS price, COALESCE(v.stock, p.stock) AS stock,
             p.max_cart_qty AS "maxCartQty", p.status::text AS status,
             (p.status::text = 'ACTIVE' AND NOT p.is_deleted AND COALESCE(v.is_active, true) AND COALESCE(v.stock, p.stock) > 0) AS "isAvailable",
             v.code::text AS "variantCode",
             (SELECT pd.design_id::text FROM product_designs pd WHERE pd.product_id = p.id
              ORDER BY pd.is_default DESC, pd.created_at, pd.design_id LIMIT 1) AS "designId"
      FROM unnest(${productIds}::text[], ${variantIds}::text[]) AS q(product_id, variant_id)
      JOIN products p ON p.id = q.product_id::uuid
      LEFT JOIN system_variants v ON v.id = NULLIF(q.variant_id, '')::uuid AND v.product_id = p.id
      WHERE q.variant_id = '' OR v.id IS NOT NULL`);
    return rows.map((r) => ({ ...r, stock: Number(r.stock) }));
  }
}
