import { FulfillmentStatusName } from '@suite/contracts/fulfillment';

const NEXT: Record<FulfillmentStatusName, FulfillmentStatusName[]> = {
  PENDING: ['IN_PRODUCTION', 'FAILED'],
  IN_PRODUCTION: ['SHIPPED', 'FAILED'],
  SHIPPED: ['DELIVERED', 'FAILED'],
  DELIVERED: [],
  FAILED: [],
};

/** PENDING -> IN_PRODUCTION -> SHIPPED -> DELIVERED; anything not yet DELIVERED (nor FAILED) may fail. */
export const canMove = (from: FulfillmentStatusName, to: FulfillmentStatusName): boolean => NEXT[from].includes(to);

/** The fields a move needs, by name (SHIPPED: trackingNumber and carrier; FAILED: reason). */
export function missingFields(to: FulfillmentStatusName, body: { trackingNumber?: string; carrier?: string; reason?: string }): string[] {
  if (to === 'SHIPPED') return (['trackingNumber', 'carrier'] as const).filter((f) => !body[f]);
  if (to === 'FAILED') return body.reason ? [] : ['reason'];
  return [];
}
