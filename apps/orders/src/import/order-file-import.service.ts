import { Injectable } from '@nestjs/common';
import { ProductBySkus, SkuProduct } from '@suite/contracts/catalog';
import { ImportBatchRequest, ImportRowResult } from '@suite/contracts/core';
import { Prisma } from '@suite/db/orders';
import { CallerIdentity, DryRunRollback, failed, isUniqueViolationOn, NatsClient, problem, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from '../orders/order-access';
import { OrderFactory } from '../orders/order-factory';
import { importedOrder } from './import.service';
import { OrderRow, orderRowOf } from './order-file-rows';

/** catalog.product.by-skus answers for at most this many SKUs per call. */
const SKUS_PER_LOOKUP = 200;

/**
 * ORDER import batches: each row becomes an order exactly as the marketplace import route writes it (confirmed,
 * paid on the platform, routed by fulfilment from its placed event), into the caller's teams' stores only. A
 * (store, platformOrderId) already there is left unchanged and reported as such: an order is never rewritten by a file.
 */
@Injectable()
export class OrderFileImportService {
  constructor(
    private readonly access: OrderAccess,
    private readonly nats: NatsClient,
    private readonly factory: OrderFactory,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async upsert(caller: CallerIdentity, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    requirePermission(caller, 'orders:create');
    const results = new Map<number, ImportRowResult>();
    const rows: OrderRow[] = [];
    for (const { rowNumber, values } of request.rows) {
      const row = orderRowOf(rowNumber, values, request.defaultStoreId);
      if ('problems' in row) results.set(rowNumber, row);
      else rows.push(row);
    }
    const stores = await this.access.teamStores(caller);
    const products = await this.products(caller, rows, stores.platforms);
    for (const row of rows) results.set(row.rowNumber, await this.writeOne(caller, row, stores, products.get(row.storeId), request.dryRun));
    return request.rows.map((r) => results.get(r.rowNumber)!);
  }

  /**
   * One transaction per order, as the single-order route: an order takes the year's order-number counter lock
   * until it commits, so a batch in one transaction would hold checkouts back for its whole length.
   */
  private async writeOne(
    caller: CallerIdentity,
    row: OrderRow,
    stores: { platforms: Record<string, string>; teams?: Record<string, string> },
    products: Map<string, SkuProduct> | undefined,
    dryRun?: boolean,
  ): Promise<ImportRowResult> {
    let result: ImportRowResult | undefined;
    try {
      await this.uow.run(async (tx) => {
        result = await this.write(tx, caller, row, stores, products);
        if (dryRun) throw new DryRunRollback([]);
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return result!;
      // The same order imported at the same moment by another job: it exists, once.
      if (isUniqueViolationOn(error, /platform_order_id/)) return alreadyImported(row, undefined);
      throw error;
    }
    return result!;
  }

  private async write(
    tx: Prisma.TransactionClient,
    caller: CallerIdentity,
    row: OrderRow,
    stores: { platforms: Record<string, string>; teams?: Record<string, string> },
    products: Map<string, SkuProduct> | undefined,
  ): Promise<ImportRowResult> {
    const platform = stores.platforms[row.storeId];
    if (!platform || !products)
      return failed(row.rowNumber, [
        problem('storeId', 'CONSTRAINT', 'STORE_NOT_FOUND', 'No such store in your teams', {
          suggestion: 'Use the id of one of your stores',
        }),
      ]);
    const unknown = [...new Set(row.order.items.map((i) => i.sku).filter((sku) => !products.has(sku)))];
    if (unknown.length)
      return failed(row.rowNumber, [
        problem('items', 'CONSTRAINT', 'UNKNOWN_SKU', `No product of this store has the SKU ${unknown.join(', ')}`, {
          suggestion: "Use the store's product SKUs or system variant codes",
        }),
      ]);
    const existing = await tx.order.findUnique({
      where: { storeId_platformOrderId: { storeId: row.storeId, platformOrderId: row.order.platformOrderId } },
      select: { id: true },
    });
    if (existing) return alreadyImported(row, existing.id);
    const created = await this.factory.create(
      tx,
      importedOrder({ storeId: row.storeId, platform, teamId: stores.teams?.[row.storeId] ?? null, order: row.order, products, caller }),
    );
    return { rowNumber: row.rowNumber, outcome: 'created', id: created.id, problems: [] };
  }

  /** The batch's SKUs per store, looked up in catalog before the transaction (a request never waits inside one). */
  private async products(
    caller: CallerIdentity,
    rows: OrderRow[],
    platforms: Record<string, string>,
  ): Promise<Map<string, Map<string, SkuProduct>>> {
    const byStore = new Map<string, Set<string>>();
    for (const row of rows) {
      if (!platforms[row.storeId]) continue;
      const skus = byStore.get(row.storeId) ?? new Set<string>();
      for (const item of row.order.items) skus.add(item.sku);
      byStore.set(row.storeId, skus);
    }
    const found = new Map<string, Map<string, SkuProduct>>();
    for (const [storeId, skus] of byStore) {
      const all = [...skus];
      const known = new Map<string, SkuProduct>();
      for (let i = 0; i < all.length; i += SKUS_PER_LOOKUP) {
        const { products } = await this.nats.call(ProductBySkus, { storeId, skus: all.slice(i, i + SKUS_PER_LOOKUP) }, { caller });
        for (const p of products) known.set(p.sku, p);
      }
      found.set(storeId, known);
    }
    return found;
  }
}

const alreadyImported = (row: OrderRow, id: string | undefined): ImportRowResult => ({
  rowNumber: row.rowNumber,
  outcome: 'updated',
  id,
  problems: [
    {
      ...problem(
        'platformOrderId',
        'BUSINESS_RULE',
        'ALREADY_IMPORTED',
        `Order ${row.order.platformOrderId} was imported before; it is left as it is`,
      ),
      severity: 'WARNING',
    },
  ],
});
