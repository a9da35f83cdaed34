import { StockRelease } from '@suite/contracts/catalog';
import { AppError, CallerIdentity, NatsClient } from '@suite/platform';

/**
 * Releases whatever catalog holds for the order (idempotent). "Nothing reserved" is success: a
 * checkout interrupted before its reserve reached catalog holds no stock.
 */
export async function releaseStock(nats: NatsClient, orderId: string, caller?: CallerIdentity): Promise<void> {
  try {
    await nats.call(StockRelease, { orderId }, caller ? { caller } : {});
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CATALOG.RESERVATION_NOT_FOUND')) throw error;
  }
}
