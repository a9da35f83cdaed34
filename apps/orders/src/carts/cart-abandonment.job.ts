import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OrdersDb } from '@suite/db/orders';
import { InjectDb, PeriodicJobs } from '@suite/platform';
import { OrdersConfig } from '../config';

/** Carts claimed per statement, so one pass never holds many row locks for long. */
const BATCH = 500;

/**
 * Every CART_SWEEP_INTERVAL_SECONDS: idle ACTIVE carts become ABANDONED, and carts idle past CART_EXPIRE_HOURS EXPIRED.
 * Runs in every replica: rows are claimed with FOR UPDATE SKIP LOCKED, so replicas (and a cart
 * being changed right now) never block or double-process each other.
 */
@Injectable()
export class CartAbandonmentJob implements OnApplicationBootstrap {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly config: OrdersConfig,
    private readonly jobs: PeriodicJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({
      name: 'cart-abandonment',
      intervalMs: this.config.CART_SWEEP_INTERVAL_SECONDS * 1000,
      run: async () => {
        const { abandoned, expired } = await this.sweep();
        return abandoned + expired;
      },
    });
  }

  /** One pass; returns how many carts were abandoned and expired. */
  async sweep(): Promise<{ abandoned: number; expired: number }> {
    const expireHours = this.config.CART_EXPIRE_HOURS;
    const abandonHours = this.config.CART_ABANDON_HOURS;
    const expired = await this.db.$executeRaw`
      UPDATE carts SET status = 'EXPIRED', expires_at = now(), updated_at = now()
      WHERE id IN (SELECT id FROM carts WHERE status IN ('ACTIVE', 'ABANDONED') AND last_activity_at < now() - make_interval(hours => ${expireHours}::int)
                   LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`;
    const abandoned = await this.db.$executeRaw`
      UPDATE carts SET status = 'ABANDONED', abandoned_at = now(), updated_at = now()
      WHERE id IN (SELECT id FROM carts WHERE status = 'ACTIVE' AND last_activity_at < now() - make_interval(hours => ${abandonHours}::int)
                   LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`;
    return { abandoned, expired };
  }
}
