import { DELIVERY_ORDER_STATUSES, DeliveryOrderStatus } from '@suite/contracts/logistics';
import { deliveryMayMove, isTerminal, mayCancel } from './delivery-status';

const t0 = new Date('2026-12-02T10:00:00Z');
const later = new Date('2026-12-02T10:05:00Z');
const earlier = new Date('2026-12-02T09:55:00Z');

describe('deliveryMayMove', () => {
  it.each<[DeliveryOrderStatus, DeliveryOrderStatus]>([
    ['ASSIGNING_DRIVER', 'ON_GOING'],
    ['ON_GOING', 'PICKED_UP'],
    ['PICKED_UP', 'COMPLETED'],
    ['ASSIGNING_DRIVER', 'PICKED_UP'],
    ['ASSIGNING_DRIVER', 'CANCELED'],
    ['ASSIGNING_DRIVER', 'EXPIRED'],
    ['ON_GOING', 'REJECTED'],
  ])('moves forward %s -> %s even when the report is older', (from, to) => {
    expect(deliveryMayMove(from, t0, to, earlier)).toBe(true);
  });

  it('keeps PICKED_UP against a late ASSIGNING_DRIVER or ON_GOING, whatever their time', () => {
    expect(deliveryMayMove('PICKED_UP', t0, 'ASSIGNING_DRIVER', later)).toBe(false);
    expect(deliveryMayMove('PICKED_UP', t0, 'ON_GOING', later)).toBe(false);
  });

  it('takes a driver giving the order up only when it happened after the ON_GOING we hold', () => {
    expect(deliveryMayMove('ON_GOING', t0, 'ASSIGNING_DRIVER', later)).toBe(true);
    expect(deliveryMayMove('ON_GOING', t0, 'ASSIGNING_DRIVER', earlier)).toBe(false);
  });

  it('never leaves an ending', () => {
    for (const end of DELIVERY_ORDER_STATUSES.filter(isTerminal))
      for (const next of DELIVERY_ORDER_STATUSES) expect(deliveryMayMove(end, t0, next, later)).toBe(false);
  });

  it('ignores a repeat of the current status', () => {
    expect(deliveryMayMove('ON_GOING', t0, 'ON_GOING', later)).toBe(false);
  });
});

describe('mayCancel', () => {
  const window = 300;
  it('allows while Lalamove looks for a driver', () => {
    expect(mayCancel('ASSIGNING_DRIVER', null, later, window)).toEqual({ ok: true });
  });

  it('allows ON_GOING within the window only', () => {
    expect(mayCancel('ON_GOING', t0, new Date(t0.getTime() + 299_000), window)).toEqual({ ok: true });
    expect(mayCancel('ON_GOING', t0, new Date(t0.getTime() + 301_000), window)).toEqual(
      expect.objectContaining({ ok: false, reason: expect.stringContaining('300 seconds') }),
    );
    expect(mayCancel('ON_GOING', null, t0, window).ok).toBe(false);
  });

  it.each<DeliveryOrderStatus>(['PICKED_UP', 'COMPLETED', 'CANCELED', 'REJECTED', 'EXPIRED'])('refuses %s', (status) => {
    expect(mayCancel(status, t0, t0, window).ok).toBe(false);
  });
});
