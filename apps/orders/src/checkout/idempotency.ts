import { Injectable } from '@nestjs/common';
import { OrderView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { AppError, conflict, ErrorPayload, InjectDb, invalid } from '@suite/platform';
import { requestHash } from './request-hash';

const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;

/** What a finished checkout answered, kept so a retry with the same key gets the same answer. */
export type StoredCheckout = { status: 201; order: OrderView } | { status: number; error: ErrorPayload };

/** A key this request owns: its row's primary key (`scope:key`). */
export interface ClaimedKey {
  id: string;
}

export type Claim = { claimed: ClaimedKey } | { replay: StoredCheckout };

/**
 * Idempotency-Key rows. Keys are per scope: the user, or `guest:<X-Session-Id>` for a guest (the row
 * key is `scope:key`), so one buyer's key never collides with another's. The row is inserted first, on its own: a concurrent request with the
 * same key then finds it and is told the checkout is in progress.
 */
@Injectable()
export class IdempotencyKeys {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  async claim(scope: string, key: string | undefined, body: unknown): Promise<Claim> {
    if (!key || !KEY_FORMAT.test(key)) {
      throw invalid('ORDERS.IDEMPOTENCY_KEY_REQUIRED', 'Send an Idempotency-Key header (8-128 of A-Z a-z 0-9 _ -).', {
        errors: [{ field: 'Idempotency-Key', messages: ['8-128 characters of A-Z a-z 0-9 _ -'] }],
      });
    }
    const id = `${scope}:${key}`;
    const hash = requestHash(body);
    const inserted = await this.db.$queryRaw<{ key: string }[]>`
      INSERT INTO idempotency_keys (key, user_scope, request_hash) VALUES (${id}, ${scope}, ${hash}) ON CONFLICT (key) DO NOTHING RETURNING key`;
    if (inserted.length > 0) return { claimed: { id } };
    const row = await this.db.idempotencyKey.findUnique({ where: { key: id } });
    if (!row) return this.claim(scope, key, body); // forgotten in between: try again
    if (row.requestHash !== hash)
      throw new AppError(
        'invalid',
        'ORDERS.IDEMPOTENCY_MISMATCH',
        'This Idempotency-Key was used with another request body.',
        { errors: [{ field: 'Idempotency-Key', messages: ['reused with another body'] }] },
        422,
      );
    if (row.response === null) throw conflict('ORDERS.CHECKOUT_IN_PROGRESS', 'A checkout with this Idempotency-Key is still in progress.');
    return { replay: row.response as unknown as StoredCheckout };
  }

  /** Stores the answer in the caller's transaction (the success answer commits with the order). */
  async store(tx: Prisma.TransactionClient | OrdersDb, key: ClaimedKey, response: StoredCheckout, orderId?: string): Promise<void> {
    await tx.idempotencyKey.update({
      where: { key: key.id },
      data: { response: response as unknown as Prisma.InputJsonValue, ...(orderId ? { orderId } : {}) },
    });
  }

  /** Nothing durable happened (refused input, transient failure): the client may retry with the same key. */
  async forget(key: ClaimedKey): Promise<void> {
    await this.db.idempotencyKey.deleteMany({ where: { key: key.id } });
  }
}

/** Replays a stored answer: the same order, or the same error. */
export function replay(stored: StoredCheckout): OrderView {
  if ('error' in stored) throw AppError.fromPayload(stored.error);
  return stored.order;
}
