import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { durableName, EventConsumers, PeriodicJobs } from '@suite/platform';
import { CATALOG_SERVICE } from '../service';
import { ORDER_STOCK_HANDLERS } from './order-events.consumer';
import { StockService } from './stock.service';

/** How often overdue reservations are looked for; short, so stock returns within seconds of expiry. */
export const EXPIRY_INTERVAL_MS = 2000;

/**
 * Runs in every catalog replica; StockService.expireOverdue makes concurrent passes safe. A pass
 * waits until the order-event consumers have nothing pending: after an outage the placed and paid
 * events that piled up confirm their reservations first, instead of those units going back on the
 * shelf and being sold twice. (An event that arrives later still takes its stock again.) An event
 * whose handler keeps failing holds expiry back until it is dead-lettered (EVENT_MAX_DELIVER).
 */
@Injectable()
export class ReservationExpiryJob implements OnApplicationBootstrap {
  constructor(
    private readonly stock: StockService,
    private readonly jobs: PeriodicJobs,
    private readonly consumers: EventConsumers,
  ) {}

  onApplicationBootstrap(): void {
    this.jobs.schedule({
      name: 'reservation-expiry',
      intervalMs: EXPIRY_INTERVAL_MS,
      run: () => this.stock.expireOverdue(),
      when: () => this.orderEventsCaughtUp(),
    });
  }

  /** Also false until every one of those consumers has started: before that, their backlog is unknown. */
  private async orderEventsCaughtUp(): Promise<boolean> {
    const lag = await this.consumers.lag();
    const durables = ORDER_STOCK_HANDLERS.map((handler) => durableName(CATALOG_SERVICE.name, handler));
    const pending = durables.map((durable) => Object.entries(lag).find(([key]) => key.startsWith(`${durable}@`))?.[1]);
    return pending.every((n) => n === 0);
  }
}
