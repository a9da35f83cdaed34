import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { StockLow, StockLowPayload, StockUnavailable } from '@suite/contracts/catalog';
import { Prisma } from '@suite/db/catalog';
import { enqueueEvent, UnitOfWork } from '@suite/platform';
import { normaliseLines, StockLine, takeStock } from '../stock-moves';

/** The order keeps its goods for good (placed cash on delivery, or paid). */
export class ConfirmOrderStockCommand {
  constructor(readonly orderId: string) {}
}

export type ConfirmOutcome = 'confirmed' | 'unavailable' | 'released' | 'none';

interface Row extends StockLine {
  id: string;
  status: 'RESERVED' | 'CONFIRMED' | 'RELEASED' | 'EXPIRED';
}

/**
 * Makes the order's reservation CONFIRMED whatever happened to it meanwhile: RESERVED rows (even
 * past expiresAt, the event may have waited in the stream) are confirmed; EXPIRED rows gave their
 * units back, so they are taken again with the same conditional UPDATEs as a reservation, all or
 * none; when the stock is short they stay EXPIRED and evt.catalog.stock.unavailable tells orders to
 * hold the order. A RELEASED row means the order was cancelled: a cancel wins over a late confirm.
 */
@CommandHandler(ConfirmOrderStockCommand)
export class ConfirmOrderStockHandler implements ICommandHandler<ConfirmOrderStockCommand, ConfirmOutcome> {
  private readonly logger = new Logger('ConfirmOrderStock');

  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ orderId }: ConfirmOrderStockCommand): Promise<ConfirmOutcome> {
    return this.uow.run(async (tx) => {
      // Locks the order's rows: the expiry job skips them, a release or another confirm waits, so each row changes once.
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id::text, product_id::text AS "productId", variant_id::text AS "variantId", quantity, status::text AS status
        FROM stock_reservations WHERE order_id = ${orderId}::uuid ORDER BY id FOR UPDATE`;
      if (rows.length === 0) return 'none'; // an imported order holds no reservation
      if (rows.some((r) => r.status === 'RELEASED')) return 'released';
      const open = rows.filter((r) => r.status === 'RESERVED' || r.status === 'EXPIRED');
      if (open.length === 0) return 'confirmed';
      // All lines or none: a short line rolls back the units already taken again and the rows confirmed with them.
      await tx.$executeRawUnsafe('SAVEPOINT confirm_stock');
      const { short, low } = await this.retake(
        tx,
        open.filter((r) => r.status === 'EXPIRED'),
      );
      if (short.length > 0) {
        await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT confirm_stock');
        await enqueueEvent(tx, StockUnavailable, { orderId, reason: 'STOCK_UNAVAILABLE', productIds: short });
        this.logger.warn({ orderId, productIds: short }, 'expired reservation could not take its stock again');
        return 'unavailable';
      }
      const ids = open.map((r) => r.id);
      await tx.$executeRaw`UPDATE stock_reservations SET status = 'CONFIRMED', updated_at = now() WHERE id = ANY(${ids}::uuid[])`;
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT confirm_stock');
      for (const event of low) await enqueueEvent(tx, StockLow, event);
      return 'confirmed';
    });
  }

  private async retake(tx: Prisma.TransactionClient, expired: Row[]): Promise<{ short: string[]; low: StockLowPayload[] }> {
    const short = new Set<string>();
    const low: StockLowPayload[] = [];
    for (const line of normaliseLines(expired)) {
      const taken = await takeStock(tx, line);
      if (!taken) short.add(line.productId);
      else if (taken.minStock !== null && taken.stock <= taken.minStock)
        low.push({ productId: line.productId, stock: taken.stock, minStock: taken.minStock });
    }
    return { short: [...short], low };
  }
}
