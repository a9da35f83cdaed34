import { Injectable } from '@nestjs/common';

/**
 * Checkouts this process is running right now: their orders and their Idempotency-Keys. Recovery
 * skips them: under load a live checkout can outlast CHECKOUT_STALE_SECONDS and must not be
 * cancelled, nor have its key deleted (its next step would find no key and answer 500), under its
 * feet. (Another replica may still recover it; the placement is conditional, so that checkout
 * answers 503.)
 */
@Injectable()
export class InFlightCheckouts {
  private readonly ids = new Set<string>();
  private readonly keys = new Set<string>();

  add(orderId: string): void {
    this.ids.add(orderId);
  }

  delete(orderId: string): void {
    this.ids.delete(orderId);
  }

  list(): string[] {
    return [...this.ids];
  }

  addKey(key: string): void {
    this.keys.add(key);
  }

  deleteKey(key: string): void {
    this.keys.delete(key);
  }

  listKeys(): string[] {
    return [...this.keys];
  }
}
