import { Injectable } from '@nestjs/common';

/**
 * Orders whose checkout this process is running right now. Recovery skips them: under load a live
 * checkout can outlast CHECKOUT_STALE_SECONDS and must not be cancelled under its feet. (Another
 * replica may still recover it; the placement is conditional, so that checkout answers 503.)
 */
@Injectable()
export class InFlightCheckouts {
  private readonly ids = new Set<string>();

  add(orderId: string): void {
    this.ids.add(orderId);
  }

  delete(orderId: string): void {
    this.ids.delete(orderId);
  }

  list(): string[] {
    return [...this.ids];
  }
}
