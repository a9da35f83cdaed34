import type { SupplierOrderStatus } from '@suite/contracts/fulfillment';
import { conflict } from '@suite/platform';

/**
 * The moves our API may make, one step at a time: DRAFT -> SUBMITTED -> ACCEPTED | REJECTED,
 * ACCEPTED -> IN_PRODUCTION -> SHIPPED -> RECEIVED, and CANCELLED from anything not yet shipped.
 */
export const SUPPLIER_ORDER_TRANSITIONS: Record<SupplierOrderStatus, readonly SupplierOrderStatus[]> = {
  DRAFT: ['SUBMITTED', 'CANCELLED'],
  SUBMITTED: ['ACCEPTED', 'REJECTED', 'CANCELLED'],
  ACCEPTED: ['IN_PRODUCTION', 'CANCELLED'],
  IN_PRODUCTION: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['RECEIVED'],
  RECEIVED: [],
  REJECTED: [],
  CANCELLED: [],
};

export const canTransition = (from: SupplierOrderStatus, to: SupplierOrderStatus): boolean => SUPPLIER_ORDER_TRANSITIONS[from].includes(to);

export const illegalTransition = (from: SupplierOrderStatus, to: SupplierOrderStatus) =>
  conflict('FULFILLMENT.SUPPLIER_ORDER_ILLEGAL_TRANSITION', `A ${from} supplier order cannot become ${to}.`, {
    errors: [{ field: 'status', messages: [`${from} -> ${to} is not allowed`] }],
  });

export function assertTransition(from: SupplierOrderStatus, to: SupplierOrderStatus): void {
  if (!canTransition(from, to)) throw illegalTransition(from, to);
}

/** How far along the happy path a status is; the ends (REJECTED, CANCELLED, RECEIVED) are final. */
const PROGRESS: Record<SupplierOrderStatus, number> = {
  DRAFT: 0,
  SUBMITTED: 1,
  ACCEPTED: 2,
  IN_PRODUCTION: 3,
  SHIPPED: 4,
  RECEIVED: 5,
  REJECTED: 99,
  CANCELLED: 99,
};
const FINAL: readonly SupplierOrderStatus[] = ['REJECTED', 'CANCELLED', 'RECEIVED'];

/**
 * Whether a provider's report may move the order. Providers skip steps (Printful says "shipped" without
 * an "in production" first) and deliver out of order, so a report moves the order forward only, never
 * back, never out of a final status, and never to REJECTED/CANCELLED once the goods have shipped.
 */
export function providerMayMove(from: SupplierOrderStatus, to: SupplierOrderStatus): boolean {
  if (from === to || FINAL.includes(from)) return false;
  if (to === 'REJECTED' || to === 'CANCELLED') return PROGRESS[from] < PROGRESS.SHIPPED;
  if (to === 'DRAFT' || to === 'RECEIVED') return false;
  return PROGRESS[to] > PROGRESS[from];
}

/** Printful's order statuses as ours (draft and onhold leave the order where it is: undefined). */
export function fromPrintfulStatus(status: string | undefined): SupplierOrderStatus | undefined {
  switch (status) {
    case 'pending':
      return 'ACCEPTED';
    case 'inprocess':
    case 'partial':
      return 'IN_PRODUCTION';
    case 'fulfilled':
      return 'SHIPPED';
    case 'failed':
      return 'REJECTED';
    case 'canceled':
      return 'CANCELLED';
    default:
      return undefined;
  }
}
