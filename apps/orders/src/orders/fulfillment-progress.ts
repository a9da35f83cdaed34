import { FulfillmentStatusName } from '@suite/contracts/fulfillment';
import { canTransition } from './order-status';
import { OrderStatus } from './order-types';

/** How far an item has come; FAILED stands apart (it can happen at any point before delivery). */
const RANK: Record<Exclude<FulfillmentStatusName, 'FAILED'>, number> = { PENDING: 0, IN_PRODUCTION: 1, SHIPPED: 2, DELIVERED: 3 };

/**
 * The item's status once fulfilment reports `incoming`, or null when nothing changes. Items only
 * move forward, so an event that arrives late (IN_PRODUCTION after SHIPPED) or twice changes
 * nothing; a FAILED item starts again from whatever its re-routed fulfillment reports; a delivered
 * item does not fail any more.
 */
export function nextItemStatus(current: FulfillmentStatusName, incoming: FulfillmentStatusName): FulfillmentStatusName | null {
  if (current === incoming) return null;
  if (current === 'FAILED') return incoming;
  if (incoming === 'FAILED') return current === 'DELIVERED' ? null : 'FAILED';
  return RANK[incoming] > RANK[current] ? incoming : null;
}

/** Where the order's fulfilment path goes; each step is a legal transition of the order lifecycle. */
export const FULFILMENT_PATH = ['CONFIRMED', 'PROCESSING', 'SHIPPED', 'DELIVERED'] as const satisfies readonly OrderStatus[];
export type FulfilmentTarget = Exclude<(typeof FULFILMENT_PATH)[number], 'CONFIRMED'>;

/**
 * What the order's status should be given all its items' statuses: DELIVERED when every item is
 * delivered, SHIPPED when every item has shipped (or is delivered), PROCESSING once any item is in
 * production or beyond, or when a fulfillment was just routed (`routed`); null when the items say
 * nothing yet (all PENDING or FAILED, no routing).
 */
export function orderTarget(items: readonly FulfillmentStatusName[], routed = false): FulfilmentTarget | null {
  if (items.length === 0) return null;
  if (items.every((s) => s === 'DELIVERED')) return 'DELIVERED';
  if (items.every((s) => s === 'SHIPPED' || s === 'DELIVERED')) return 'SHIPPED';
  if (routed || items.some((s) => s === 'IN_PRODUCTION' || s === 'SHIPPED' || s === 'DELIVERED')) return 'PROCESSING';
  return null;
}

/**
 * The transitions that take an order from `from` to `target` along CONFIRMED -> PROCESSING ->
 * SHIPPED -> DELIVERED, one legal step at a time (a late routed event finds the order SHIPPED:
 * nothing to do; a shipped event that overtook the routed one walks through PROCESSING).
 * `[]` when the order is there or past it (COMPLETED counts as past DELIVERED); `null` when it is
 * off the path (PENDING unpaid, ON_HOLD, CANCELLED, REFUNDED): the move is not legal, skip it.
 */
export function stepsTo(from: OrderStatus, target: FulfilmentTarget): OrderStatus[] | null {
  if (from === 'COMPLETED') return [];
  const at = (FULFILMENT_PATH as readonly OrderStatus[]).indexOf(from);
  if (at < 0) return null;
  const steps = (FULFILMENT_PATH as readonly OrderStatus[]).slice(at + 1, FULFILMENT_PATH.indexOf(target) + 1);
  let current: OrderStatus = from;
  for (const step of steps) {
    if (!canTransition(current, step)) return null;
    current = step;
  }
  return steps;
}
