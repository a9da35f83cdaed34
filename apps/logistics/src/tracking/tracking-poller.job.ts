import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import { InjectDb, PeriodicJobs, UnitOfWork } from '@suite/platform';
import { LogisticsConfig } from '../config';
import { TRACKING_ADAPTERS, TrackingAdapter } from './adapters/tracking-adapter';
import { TrackingUpdates } from './tracking-updates.service';

/** Shipments asked about per pass, so one pass stays short. */
const BATCH = 50;

interface Claimed {
  id: string;
  provider: string;
  tracking_number: string;
  carrier: string | null;
  provider_tracker_id: string | null;
}

/**
 * Quiet shipments: every TRACKING_POLL_INTERVAL_SECONDS, shipments on their way whose provider has
 * said nothing for TRACKING_POLL_QUIET_MINUTES are asked about through their provider's adapter, and
 * the answer goes through the same path as a webhook. Rows are claimed (lastTrackedAt stamped) with
 * FOR UPDATE SKIP LOCKED, so replicas share the work and a failed poll waits a quiet period again.
 */
@Injectable()
export class TrackingPoller implements OnApplicationBootstrap {
  private readonly logger = new Logger('TrackingPoller');

  constructor(
    @InjectDb() private readonly db: LogisticsDb,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly updates: TrackingUpdates,
    private readonly config: LogisticsConfig,
    private readonly jobs: PeriodicJobs,
    @Inject(TRACKING_ADAPTERS) private readonly adapters: TrackingAdapter[],
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.TRACKING_POLL_INTERVAL_SECONDS <= 0) return;
    this.jobs.schedule({
      name: 'tracking-poller',
      intervalMs: this.config.TRACKING_POLL_INTERVAL_SECONDS * 1000,
      run: () => this.pollQuiet(),
    });
  }

  /** One pass; returns how many tracking events the polls stored. */
  async pollQuiet(): Promise<number> {
    const quietMs = Math.round(this.config.TRACKING_POLL_QUIET_MINUTES * 60_000);
    const claimed = await this.db.$queryRaw<Claimed[]>`
      WITH quiet AS (
        SELECT s.id FROM shipments s
        WHERE s.status NOT IN ('DELIVERED', 'RETURNED', 'LOST') AND s.tracking_provider IN ('AFTERSHIP', 'EASYPOST')
          AND s.tracking_number IS NOT NULL
          AND COALESCE(s.last_tracked_at, s.created_at) <= now() - make_interval(secs => ${quietMs / 1000}::float8)
        ORDER BY COALESCE(s.last_tracked_at, s.created_at) LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      UPDATE shipments s SET last_tracked_at = now() FROM quiet WHERE s.id = quiet.id
      RETURNING s.id, s.tracking_provider::text AS provider, s.tracking_number, s.carrier, s.provider_tracker_id`;
    let stored = 0;
    for (const row of claimed) {
      const adapter = this.adapters.find((a) => a.provider === row.provider);
      if (!adapter) continue;
      // the current carrier is the last leg's; its tracking number is what the provider knows now
      const leg = await this.db.shipmentLeg.findFirst({ where: { shipmentId: row.id }, orderBy: { sequence: 'desc' } });
      const ref = {
        trackingNumber: leg?.trackingNumber ?? row.tracking_number,
        carrier: leg?.carrier ?? row.carrier,
        trackerId: leg && leg.sequence > 1 ? null : row.provider_tracker_id,
      };
      try {
        const update = await adapter.poll(ref);
        if (update) stored += (await this.uow.run((tx) => this.updates.apply(tx, update))).stored;
      } catch (error) {
        this.logger.warn({ shipmentId: row.id, provider: row.provider, error: (error as Error).message }, 'tracking poll failed');
      }
    }
    return stored;
  }
}
