import { ShipmentStatusName } from '@suite/contracts/logistics';

/** How far along the way to the customer; RETURNED and LOST stand apart. */
const RANK: Partial<Record<ShipmentStatusName, number>> = { CREATED: 0, DISPATCHED: 1, IN_TRANSIT: 2, OUT_FOR_DELIVERY: 3, DELIVERED: 4 };

/**
 * The shipment's status once `incoming` is reported, or null when it does not move. Carriers report
 * twice and out of order, so the way to the customer only moves forward (a late IN_TRANSIT after
 * DELIVERED changes nothing). RETURNED and LOST are explicit and move it from anywhere on the way
 * (RETURNED also after delivery: a parcel sent back); a lost parcel may still turn up DELIVERED or
 * RETURNED, and a returned one is final.
 */
export function nextShipmentStatus(current: ShipmentStatusName, incoming: ShipmentStatusName | null): ShipmentStatusName | null {
  if (!incoming || incoming === current) return null;
  if (current === 'RETURNED') return null;
  if (incoming === 'RETURNED') return 'RETURNED';
  if (current === 'LOST') return incoming === 'DELIVERED' ? 'DELIVERED' : null;
  if (incoming === 'LOST') return current === 'DELIVERED' ? null : 'LOST';
  return RANK[incoming]! > RANK[current]! ? incoming : null;
}

/** The timeline column a status stamps the first time the shipment reaches it. */
export const TIMESTAMP_OF: Partial<Record<ShipmentStatusName, string>> = {
  DISPATCHED: 'dispatchedAt',
  IN_TRANSIT: 'inTransitAt',
  OUT_FOR_DELIVERY: 'outForDeliveryAt',
  DELIVERED: 'deliveredAt',
  RETURNED: 'returnedAt',
  LOST: 'lostAt',
};

/** Statuses after which nobody needs to poll the carrier any more. */
export const FINAL_STATUSES: readonly ShipmentStatusName[] = ['DELIVERED', 'RETURNED', 'LOST'];
