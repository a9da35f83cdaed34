import { Injectable } from '@nestjs/common';
import { ProductDiscontinued, ProductEventPayload, ProductUpdated } from '@suite/contracts/catalog';
import { EventMeta, OnEvent } from '@suite/platform';
import { SyncCartProductCommand } from './commands/sync-cart-product.command';

const sync = (event: ProductEventPayload, meta: EventMeta) =>
  new SyncCartProductCommand(
    event.productId,
    { status: event.status, sku: event.sku ?? null, price: event.price ?? null, deleted: event.deleted === true },
    meta.publishedAt,
  );

/**
 * Cart lines keep a snapshot of their product: catalog's product events keep the snapshots of
 * ACTIVE carts current, and flag lines whose product can no longer be ordered. Catalog announces a
 * discontinuation with both events in one transaction; whichever comes second changes nothing.
 */
@Injectable()
export class ProductEventsConsumer {
  @OnEvent(ProductUpdated, { name: 'cart-product-updated' })
  onUpdated(event: ProductEventPayload, meta: EventMeta): SyncCartProductCommand {
    return sync(event, meta);
  }

  @OnEvent(ProductDiscontinued, { name: 'cart-product-discontinued' })
  onDiscontinued(event: ProductEventPayload, meta: EventMeta): SyncCartProductCommand {
    return sync(event, meta);
  }
}
