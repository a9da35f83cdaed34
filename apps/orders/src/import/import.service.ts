import { Injectable } from '@nestjs/common';
import { ProductBySkus, SkuProduct } from '@suite/contracts/catalog';
import { OrderView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { AppError, CallerIdentity, InjectDb, isUniqueViolation, NatsClient, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from '../orders/order-access';
import { NewOrder, OrderFactory } from '../orders/order-factory';
import { OrderChannel } from '../orders/order-types';
import { toOrderView } from '../orders/order-view';
import { MAPPERS } from './mappers';
import { NormalisedOrder } from './normalised-order';

const DETAILS = { items: true, statusHistory: { orderBy: { createdAt: 'asc' } } } as const;

/** What an imported order (marketplace payload or import file row) is written as: paid on the platform, confirmed. */
export function importedOrder(input: {
  storeId: string;
  platform: string;
  teamId: string | null;
  order: NormalisedOrder;
  products: Map<string, SkuProduct>;
  caller: CallerIdentity;
}): NewOrder {
  const { storeId, platform, order, products } = input;
  return {
    storeId,
    channel: platform as OrderChannel,
    platformOrderId: order.platformOrderId,
    status: 'CONFIRMED',
    paymentStatus: 'PAID',
    currency: order.currency,
    placedAt: order.placedAt,
    items: order.items.map((i) => {
      const product = products.get(i.sku) as SkuProduct;
      return {
        productId: product.id,
        systemVariantId: product.systemVariantId ?? null,
        systemVariantCode: product.systemVariantCode ?? null,
        designId: product.designId ?? null,
        sku: i.sku,
        name: i.name === i.sku ? product.name : i.name,
        quantity: i.quantity,
        price: new Prisma.Decimal(i.price),
      };
    }),
    tax: new Prisma.Decimal(order.tax),
    shipping: new Prisma.Decimal(order.shipping),
    discount: new Prisma.Decimal(order.discount),
    shippingAddress: { ...order.shippingAddress },
    billingAddress: { ...order.billingAddress },
    metadata: { platform, buyer: order.buyer, platformTotal: order.total },
    actorId: input.caller.userId ?? null,
    reason: `imported from ${platform} (paid on the marketplace)`,
    // Paid on the platform: fulfilment routes it from its placed event.
    event: { teamId: input.teamId, imported: true },
  };
}

/**
 * Marketplace orders into the caller's team's store. Idempotent on the platform's order id: a
 * repeat (or a racing duplicate, stopped by the unique storeId+platformOrderId) returns the order
 * that exists.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly access: OrderAccess,
    private readonly nats: NatsClient,
    private readonly factory: OrderFactory,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async import(caller: CallerIdentity, storeId: string, payload: Record<string, unknown>): Promise<OrderView> {
    requirePermission(caller, 'orders:create');
    const stores = await this.access.teamStores(caller);
    const platform = stores.platforms[storeId];
    if (!platform)
      throw notFound('ORDERS.STORE_NOT_FOUND', 'No such store.', { errors: [{ field: 'storeId', messages: ['store not found'] }] });
    const order = MAPPERS[platform](payload);
    const existing = await this.find(storeId, order.platformOrderId);
    if (existing) return existing;
    const products = await this.resolveSkus(caller, storeId, order);
    try {
      const created = await this.uow.run((tx) =>
        this.factory.create(tx, importedOrder({ storeId, platform, teamId: stores.teams?.[storeId] ?? null, order, products, caller })),
      );
      return (await this.find(storeId, created.platformOrderId as string)) as OrderView;
    } catch (error) {
      const raced = isUniqueViolation(error) ? await this.find(storeId, order.platformOrderId) : null;
      if (raced) return raced;
      throw error;
    }
  }

  private async find(storeId: string, platformOrderId: string): Promise<OrderView | null> {
    const row = await this.db.order.findUnique({ where: { storeId_platformOrderId: { storeId, platformOrderId } }, include: DETAILS });
    return row && toOrderView(row);
  }

  /**
   * Every SKU must be one of the store's products (or one of their system variants' codes): the
   * schema needs a productId for every item.
   */
  private async resolveSkus(caller: CallerIdentity, storeId: string, order: NormalisedOrder): Promise<Map<string, SkuProduct>> {
    const skus = [...new Set(order.items.map((i) => i.sku))];
    const { products } = await this.nats.call(ProductBySkus, { storeId, skus }, { caller });
    const ids = new Map(products.map((p) => [p.sku, p]));
    const unknown = skus.filter((s) => !ids.has(s));
    if (unknown.length > 0) {
      throw new AppError(
        'invalid',
        'ORDERS.UNKNOWN_SKU',
        `No product of this store has the SKU ${unknown.join(', ')}.`,
        { skus: unknown, errors: [{ field: 'order.items', messages: unknown.map((s) => `unknown SKU ${s}`) }] },
        422,
      );
    }
    return ids;
  }
}
