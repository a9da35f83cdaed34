import { Injectable } from '@nestjs/common';
import { CatalogEvents, ReserveStockRequest, StockLowEvent, StockReservationView } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { conflict, enqueueEvent, InjectDb, notFound, UnitOfWork } from '@suite/platform';
import { CatalogConfig } from '../config';
import { normaliseLines, releaseOrderRows, returnAll, StockLine, takeStock } from './stock-moves';

interface ReservationRow extends StockLine {
  id: string;
  status: StockReservationView['items'][number]['status'];
  expiresAt: Date;
}

const toView = (orderId: string, rows: ReservationRow[]): StockReservationView => ({
  orderId,
  items: rows.map((r) => ({
    id: r.id,
    productId: r.productId,
    variantId: r.variantId,
    quantity: r.quantity,
    status: r.status,
    expiresAt: r.expiresAt.toISOString(),
  })),
});

/** A checkout rush queues many short transactions on one product row: wait for a connection rather than fail. */
const RUSH = { maxWait: 10000, timeout: 15000 };

const orderNotFound = (orderId: string) => notFound('CATALOG.RESERVATION_NOT_FOUND', 'No stock is reserved for this order.', { orderId });

/**
 * Stock reservations for the orders service. Every stock change is a conditional UPDATE and every
 * status change claims the reservation rows with a conditional UPDATE ... RETURNING, so a row's
 * units come back at most once whoever (release, expiry job, another replica) gets there first.
 */
@Injectable()
export class StockService {
  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly config: CatalogConfig,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async reserve(request: ReserveStockRequest): Promise<StockReservationView> {
    const lines = normaliseLines(request.items);
    return this.uow.run(async (tx) => {
      // The unique key (order, product, variant) does not stop duplicates whose variantId is NULL
      // (NULLs are distinct in PostgreSQL): concurrent reserves of one order queue on this lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'stock-reserve:' + request.orderId}::text, 0))`;
      const existing = await this.rowsOf(tx, request.orderId);
      if (existing.length > 0) return toView(request.orderId, existing);
      const short: string[] = [];
      const low: StockLowEvent[] = [];
      for (const line of lines) {
        const taken = await takeStock(tx, line);
        if (!taken) short.push(line.productId);
        else if (taken.minStock !== null && taken.stock <= taken.minStock)
          low.push({ productId: line.productId, stock: taken.stock, minStock: taken.minStock });
      }
      if (short.length > 0) {
        // Throwing rolls back the lines already taken: all items or none.
        throw conflict('CATALOG.OUT_OF_STOCK', 'Not enough stock for every item of the order.', { productIds: [...new Set(short)] });
      }
      const expiresAt = new Date(Date.now() + this.config.RESERVATION_TTL_SECONDS * 1000);
      await tx.stockReservation.createMany({ data: lines.map((l) => ({ orderId: request.orderId, ...l, expiresAt })) });
      for (const event of low) await enqueueEvent(tx, CatalogEvents.StockLow, event);
      return toView(request.orderId, await this.rowsOf(tx, request.orderId));
    }, RUSH);
  }

  /** Marks the order's reservations CONFIRMED (the stock stays taken); confirming twice is harmless. */
  async confirm(orderId: string): Promise<StockReservationView> {
    return this.uow.run(async (tx) => {
      await tx.$executeRaw`UPDATE stock_reservations SET status = 'CONFIRMED', updated_at = now() WHERE order_id = ${orderId}::uuid AND status = 'RESERVED' AND expires_at > now()`;
      const rows = await this.rowsOf(tx, orderId);
      if (rows.length === 0) throw orderNotFound(orderId);
      const inactive = rows.filter((r) => r.status !== 'CONFIRMED');
      if (inactive.length > 0)
        throw conflict('CATALOG.RESERVATION_NOT_ACTIVE', 'The reservation has expired or was released.', {
          orderId,
          statuses: [...new Set(inactive.map((r) => r.status))],
        });
      return toView(orderId, rows);
    });
  }

  /** Returns the units of RESERVED and CONFIRMED (cancelled order) rows; releasing twice returns nothing more. */
  async release(orderId: string): Promise<StockReservationView> {
    return this.uow.run(async (tx) => {
      await releaseOrderRows(tx, orderId);
      const rows = await this.rowsOf(tx, orderId);
      if (rows.length === 0) throw orderNotFound(orderId);
      return toView(orderId, rows);
    });
  }

  /** One pass of the expiry job: claims a batch of overdue RESERVED rows (SKIP LOCKED: replicas take different rows). */
  async expireOverdue(batchSize = 200): Promise<number> {
    return this.uow.run(async (tx) => {
      const claimed = await tx.$queryRaw<{ productId: string; variantId: string | null; quantity: number }[]>`
        UPDATE stock_reservations SET status = 'EXPIRED', updated_at = now()
        WHERE id IN (SELECT id FROM stock_reservations WHERE status = 'RESERVED' AND expires_at <= now() ORDER BY expires_at LIMIT ${batchSize} FOR UPDATE SKIP LOCKED)
        RETURNING product_id::text AS "productId", variant_id::text AS "variantId", quantity`;
      await returnAll(tx, claimed);
      return claimed.length;
    });
  }

  private rowsOf(tx: Prisma.TransactionClient, orderId: string): Promise<ReservationRow[]> {
    return tx.stockReservation.findMany({
      where: { orderId },
      orderBy: [{ productId: 'asc' }, { variantId: 'asc' }],
      select: { id: true, productId: true, variantId: true, quantity: true, status: true, expiresAt: true },
    });
  }
}
