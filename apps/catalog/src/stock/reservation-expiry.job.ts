import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { StockService } from './stock.service';

/** How often overdue reservations are looked for; short, so stock returns within seconds of expiry. */
export const EXPIRY_INTERVAL_MS = 2000;

/** Runs in every catalog replica; StockService.expireOverdue makes concurrent passes safe. */
@Injectable()
export class ReservationExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReservationExpiryJob');
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;

  constructor(private readonly stock: StockService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.pass ??= this.runOnce().finally(() => (this.pass = undefined)); // never two passes at once in one process
    }, EXPIRY_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.pass;
  }

  private async runOnce(): Promise<void> {
    try {
      const expired = await this.stock.expireOverdue();
      if (expired > 0) this.logger.log({ expired }, 'expired stock reservations returned to stock');
    } catch (error) {
      this.logger.warn({ err: error }, 'reservation expiry pass failed; retrying');
    }
  }
}
