import { Injectable } from '@nestjs/common';
import { ProductQuote, ProductQuoteItem, ProductQuoteLine } from '@suite/contracts/catalog';
import { CallerIdentity, conflict, invalid, NatsClient, notFound } from '@suite/platform';

export const quoteKey = (productId: string, variantId?: string | null): string => `${productId}:${variantId ?? ''}`;

/** Current price, stock and cart limit of products, asked of the catalog service over NATS. */
@Injectable()
export class CatalogQuote {
  constructor(private readonly nats: NatsClient) {}

  async lines(items: ProductQuoteItem[], caller: CallerIdentity): Promise<Map<string, ProductQuoteLine>> {
    if (items.length === 0) return new Map();
    const lines = await this.nats.call(ProductQuote, { items }, { caller });
    return new Map(lines.map((l) => [quoteKey(l.productId, l.variantId), l]));
  }

  /** One product for a cart line of `quantity` units: 404 unknown, 400 over its cart limit, 409 short of stock. */
  async forQuantity(item: ProductQuoteItem, quantity: number, caller: CallerIdentity): Promise<ProductQuoteLine> {
    const line = (await this.lines([{ productId: item.productId, ...(item.variantId ? { variantId: item.variantId } : {}) }], caller)).get(
      quoteKey(item.productId, item.variantId),
    );
    if (!line) throw notFound('ORDERS.PRODUCT_NOT_FOUND', 'Product not found.', { productId: item.productId });
    assertQuantity(line, quantity);
    return line;
  }
}

export function assertQuantity(line: ProductQuoteLine, quantity: number): void {
  if (line.maxCartQty !== null && quantity > line.maxCartQty) {
    throw invalid('ORDERS.QUANTITY_TOO_HIGH', `At most ${line.maxCartQty} of this product fit in one cart.`, {
      errors: [{ field: 'quantity', messages: [`quantity must not exceed ${line.maxCartQty}`] }],
    });
  }
  if (!line.isAvailable || line.stock < quantity) {
    throw conflict('ORDERS.OUT_OF_STOCK', 'Not enough of this product is in stock.', {
      productId: line.productId,
      productIds: [line.productId],
    });
  }
}
