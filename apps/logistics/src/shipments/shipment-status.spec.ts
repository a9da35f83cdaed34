import { SHIPMENT_STATUSES } from '@suite/contracts/logistics';
import { nextShipmentStatus } from './shipment-status';

describe('nextShipmentStatus', () => {
  it('moves forward along the way to the customer, skipping steps the carrier did not report', () => {
    expect(nextShipmentStatus('CREATED', 'DISPATCHED')).toBe('DISPATCHED');
    expect(nextShipmentStatus('DISPATCHED', 'IN_TRANSIT')).toBe('IN_TRANSIT');
    expect(nextShipmentStatus('CREATED', 'DELIVERED')).toBe('DELIVERED');
    expect(nextShipmentStatus('IN_TRANSIT', 'OUT_FOR_DELIVERY')).toBe('OUT_FOR_DELIVERY');
  });

  it('never moves backwards: a late or repeated report changes nothing', () => {
    expect(nextShipmentStatus('DELIVERED', 'IN_TRANSIT')).toBeNull();
    expect(nextShipmentStatus('OUT_FOR_DELIVERY', 'DISPATCHED')).toBeNull();
    expect(nextShipmentStatus('IN_TRANSIT', 'IN_TRANSIT')).toBeNull();
    expect(nextShipmentStatus('IN_TRANSIT', 'CREATED')).toBeNull();
    expect(nextShipmentStatus('IN_TRANSIT', null)).toBeNull();
  });

  it('takes the explicit RETURNED from anywhere, LOST from anywhere before delivery', () => {
    for (const s of ['CREATED', 'DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'LOST'] as const)
      expect(nextShipmentStatus(s, 'RETURNED')).toBe('RETURNED');
    for (const s of ['CREATED', 'DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] as const)
      expect(nextShipmentStatus(s, 'LOST')).toBe('LOST');
    expect(nextShipmentStatus('DELIVERED', 'LOST')).toBeNull();
  });

  it('lets a lost parcel turn up delivered, and keeps a returned one final', () => {
    expect(nextShipmentStatus('LOST', 'DELIVERED')).toBe('DELIVERED');
    expect(nextShipmentStatus('LOST', 'IN_TRANSIT')).toBeNull();
    for (const s of SHIPMENT_STATUSES) expect(nextShipmentStatus('RETURNED', s)).toBeNull();
  });

  it('folds a reordered batch to the same end as the ordered one', () => {
    const fold = (reports: (typeof SHIPMENT_STATUSES)[number][]) =>
      reports.reduce((s, r) => nextShipmentStatus(s, r) ?? s, 'DISPATCHED' as (typeof SHIPMENT_STATUSES)[number]);
    const ordered = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const;
    expect(fold([...ordered])).toBe('DELIVERED');
    expect(fold(['DELIVERED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'IN_TRANSIT'])).toBe('DELIVERED');
  });
});
