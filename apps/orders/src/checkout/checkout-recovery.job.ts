import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { InjectDb, NatsClient, PeriodicJobs } from '@suite/platform';
import { OrdersConfig } from '../config';
import { transition } from '../orders/order-status';
import { InFlightCheckouts } from './in-flight';
import { releaseStock } from './release-stock';

/** Orders recovered per pass, one transaction each, so a pass never holds many locks for long. */
const BATCH = 100;

/** One interrupted checkout: unplaced, not cancelled, older than the stale age; locked, skipping rows another worker holds. */
export const claimInterrupted = (staleSeconds: number, live: string[]) => Prisma.sql`
  SELECT id FROM orders
  WHERE placed_at IS NULL AND status <> 'CANCELLED' AND created_at < now() - make_interval(secs => ${staleSeconds}::int)
    AND id <> ALL(${live}::uuid[])
  ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED`;

/**
 * At start-up and every CHECKOUT_RECOVERY_INTERVAL_SECONDS: a checkout interrupted between its
 * steps (process killed) left an unplaced order, maybe with stock held in catalog. Its stock is
 * released (idempotent) and it is cancelled, under the row lock, so a replica or a slow checkout
 * never places it meanwhile. Its Idempotency-Key is dropped so the client's retry checks out anew.
 */
@Injectable()
export class CheckoutRecoveryJob implements OnApplicationBootstrap {
  static readonly JOB = 'checkout-recovery';

  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly config: OrdersConfig,
    private readonly nats: NatsClient,
    private readonly live: InFlightCheckouts,
    private readonly jobs: PeriodicJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({
      name: CheckoutRecoveryJob.JOB,
      intervalMs: this.config.CHECKOUT_RECOVERY_INTERVAL_SECONDS * 1000,
      run: () => this.recover(),
    });
    // Orders a killed process left behind hold stock now: waiting one interval would keep it from buyers longer.
    void this.jobs.runNow(CheckoutRecoveryJob.JOB);
  }

  /** One pass; returns how many orders were recovered. */
  async recover(): Promise<number> {
    const stale = this.config.CHECKOUT_STALE_SECONDS;
    let recovered = 0;
    while (recovered < BATCH && (await this.recoverOne(stale))) recovered++;
    // A key claimed by a checkout that died before creating its order (a slow live one keeps its key).
    await this.db.$executeRaw`
      DELETE FROM idempotency_keys
      WHERE response IS NULL AND order_id IS NULL AND created_at < now() - make_interval(secs => ${stale}::int)
        AND key <> ALL(${this.live.listKeys()}::text[])`;
    return recovered;
  }

  private async recoverOne(stale: number): Promise<boolean> {
    return this.db.$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<{ id: string }[]>(claimInterrupted(stale, this.live.list()));
        if (!row) return false;
        await releaseStock(this.nats, row.id);
        const order = await tx.order.findUniqueOrThrow({ where: { id: row.id }, select: { id: true, status: true } });
        await transition(tx, order, 'CANCELLED', null, 'checkout_interrupted');
        await tx.order.update({ where: { id: row.id }, data: { stockReserved: false } });
        await tx.idempotencyKey.deleteMany({ where: { orderId: row.id, response: { equals: Prisma.DbNull } } });
        return true;
      },
      { timeout: 30000 },
    );
  }
}
