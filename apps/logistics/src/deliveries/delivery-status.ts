import type { DeliveryOrderStatus } from '@suite/contracts/logistics';

/** How far along an order is; the four endings share the last rank and none is left once reached. */
const RANK: Record<DeliveryOrderStatus, number> = {
  ASSIGNING_DRIVER: 0,
  ON_GOING: 1,
  PICKED_UP: 2,
  COMPLETED: 3,
  CANCELED: 3,
  REJECTED: 3,
  EXPIRED: 3,
};

export const TERMINAL_DELIVERY_STATUSES: readonly DeliveryOrderStatus[] = ['COMPLETED', 'CANCELED', 'REJECTED', 'EXPIRED'];
export const isTerminal = (status: DeliveryOrderStatus): boolean => TERMINAL_DELIVERY_STATUSES.includes(status);
export const isDeliveryStatus = (value: unknown): value is DeliveryOrderStatus => typeof value === 'string' && value in RANK;

/**
 * Whether a status Lalamove reports (at `at`) replaces the stored one (reached at `currentAt`).
 * Lalamove does not deliver webhooks in order, so a status only moves forward; an ending is final. The
 * one step back Lalamove makes itself, a driver giving the order up (ON_GOING -> ASSIGNING_DRIVER), is
 * taken only when it happened after the status we hold; a late ASSIGNING_DRIVER never undoes a pickup.
 */
export function deliveryMayMove(current: DeliveryOrderStatus, currentAt: Date, next: DeliveryOrderStatus, at: Date): boolean {
  if (current === next || isTerminal(current)) return false;
  if (RANK[next] > RANK[current]) return true;
  return current === 'ON_GOING' && next === 'ASSIGNING_DRIVER' && at.getTime() > currentAt.getTime();
}

export type CancelVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Lalamove cancels an order while it looks for a driver, or within its window after a driver took it
 * (ON_GOING); after the pickup, or once it ended, it cannot be cancelled.
 */
export function mayCancel(status: DeliveryOrderStatus, onGoingAt: Date | null, now: Date, windowSeconds: number): CancelVerdict {
  if (status === 'ASSIGNING_DRIVER') return { ok: true };
  if (status === 'ON_GOING') {
    if (onGoingAt && now.getTime() - onGoingAt.getTime() <= windowSeconds * 1000) return { ok: true };
    return { ok: false, reason: `A driver took the order more than ${windowSeconds} seconds ago: Lalamove no longer allows a cancel.` };
  }
  if (status === 'PICKED_UP') return { ok: false, reason: 'The driver has picked the goods up: Lalamove does not cancel after pickup.' };
  return { ok: false, reason: `The order is already ${status}.` };
}
