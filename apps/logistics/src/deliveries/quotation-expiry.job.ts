import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LogisticsDb } from '@suite/db/logistics';
import { InjectDb, PeriodicJobs } from '@suite/platform';
import { LalamoveConfig } from './lalamove/lalamove.config';

const BATCH = 500;

/**
 * Writes EXPIRED on ACTIVE quotations past their expiresAt (reads already show them EXPIRED; this keeps
 * the status column and its index true). Rows are claimed with SKIP LOCKED: a quotation being placed
 * right now is left to that call, and replicas share the work.
 */
@Injectable()
export class QuotationExpiryJob implements OnApplicationBootstrap {
  constructor(
    @InjectDb() private readonly db: LogisticsDb,
    private readonly config: LalamoveConfig,
    private readonly jobs: PeriodicJobs,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({
      name: 'lalamove-quotation-expiry',
      intervalMs: this.config.LALAMOVE_QUOTATION_SWEEP_SECONDS * 1000,
      run: () => this.sweep(),
    });
  }

  sweep(): Promise<number> {
    return this.db.$executeRaw`
      UPDATE lalamove_quotations SET status = 'EXPIRED', updated_at = now()
      WHERE id IN (SELECT id FROM lalamove_quotations WHERE status = 'ACTIVE' AND expires_at <= now()
                   LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`;
  }
}
