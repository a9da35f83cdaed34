import { readAfterShipTracking } from './aftership.adapter';
import { readEasyPostTracker } from './easypost.adapter';
import { utc } from './tracking-adapter';
import { dedupeKey } from '../tracking-updates.service';

describe('reading carrier payloads', () => {
  it('normalises carrier times to UTC (an offset is honoured, none means UTC)', () => {
    expect(utc('2026-12-01T14:30:00+08:00')?.toISOString()).toBe('2026-12-01T06:30:00.000Z');
    expect(utc('2026-12-01T14:30:00-0500')?.toISOString()).toBe('2026-12-01T19:30:00.000Z');
    expect(utc('2026-12-01T14:30:00')?.toISOString()).toBe('2026-12-01T14:30:00.000Z');
    expect(utc('yesterday')).toBeNull();
  });

  it('maps AfterShip tags, keeping the raw tag, and reads exceptions from the subtag', () => {
    const update = readAfterShipTracking(
      {
        id: 'as1',
        tracking_number: '1Z1',
        slug: 'ups',
        signed_by: 'J. Doe',
        checkpoints: [
          { tag: 'InfoReceived', checkpoint_time: '2026-12-01T01:00:00Z', city: 'Manila', country_iso3: 'PHL' },
          { tag: 'AttemptFail', subtag: 'AttemptFail_001', checkpoint_time: '2026-12-01T02:00:00Z', message: 'Customer not home' },
          { tag: 'Exception', subtag: 'Exception_013', checkpoint_time: '2026-12-01T03:00:00Z', message: 'Lost' },
          { tag: 'Exception', subtag: 'Exception_011', checkpoint_time: '2026-12-01T04:00:00Z', message: 'Returned to sender' },
          { tag: 'Exception', subtag: 'Exception_004', checkpoint_time: '2026-12-01T05:00:00Z', message: 'Incorrect address' },
          { tag: 'Delivered', checkpoint_time: '2026-12-01T06:00:00Z', location: 'Door' },
          { tag: 'Delivered' }, // no time: skipped
        ],
      },
      new Date(),
    )!;
    expect(update).toMatchObject({ provider: 'AFTERSHIP', trackingNumber: '1Z1', carrier: 'ups', trackerId: 'as1' });
    expect(update.checkpoints.map((c) => [c.carrierStatus, c.status, c.exception?.type ?? null])).toEqual([
      ['InfoReceived', 'CREATED', null],
      ['AttemptFail', 'OUT_FOR_DELIVERY', 'FAILED_ATTEMPT'],
      ['Exception', 'LOST', 'LOST'],
      ['Exception', 'RETURNED', null],
      ['Exception', null, 'ADDRESS_PROBLEM'],
      ['Delivered', 'DELIVERED', null],
    ]);
    expect(update.checkpoints[0].location).toBe('Manila, PHL');
    expect(update.checkpoints[5]).toMatchObject({ signedBy: 'J. Doe', location: 'Door' });
  });

  it("uses an AfterShip tracking's own tag when it has no checkpoint yet", () => {
    const update = readAfterShipTracking(
      { tracking_number: '1Z2', tag: 'InTransit', updated_at: '2026-12-01T10:00:00+08:00' },
      new Date(),
    )!;
    expect(update.checkpoints).toEqual([expect.objectContaining({ status: 'IN_TRANSIT', occurredAt: new Date('2026-12-01T02:00:00Z') })]);
  });

  it('maps EasyPost statuses and failures', () => {
    const update = readEasyPostTracker({
      object: 'Tracker',
      id: 'trk_1',
      tracking_code: 'EZ1',
      carrier: 'USPS',
      tracking_details: [
        { status: 'pre_transit', datetime: '2026-12-01T01:00:00Z', tracking_location: { city: 'Reno', state: 'NV', country: 'US' } },
        { status: 'failure', status_detail: 'damaged', message: 'Package damaged', datetime: '2026-12-01T02:00:00Z' },
        { status: 'failure', status_detail: 'lost', message: 'Package lost', datetime: '2026-12-01T03:00:00Z' },
        { status: 'return_to_sender', datetime: '2026-12-01T04:00:00Z' },
      ],
    })!;
    expect(update.checkpoints.map((c) => [c.carrierStatus, c.status, c.exception?.type ?? null])).toEqual([
      ['pre_transit', 'CREATED', null],
      ['failure', null, 'DAMAGE'],
      ['failure', 'LOST', 'LOST'],
      ['return_to_sender', 'RETURNED', null],
    ]);
    expect(update.checkpoints[0].location).toBe('Reno, NV, US');
    expect(readEasyPostTracker({ object: 'Event' })).toBeNull();
  });

  it('keys a checkpoint by its provider id, else by status, UTC time and place', () => {
    const at = new Date('2026-12-01T06:30:00Z');
    const base = { status: 'IN_TRANSIT' as const, carrierStatus: 'InTransit', location: 'Manila Hub', occurredAt: at };
    expect(dedupeKey(base)).toBe('IN_TRANSIT|2026-12-01T06:30:00.000Z|manila hub');
    expect(dedupeKey({ ...base, providerEventId: 'cp-9' })).toBe('id:cp-9');
    expect(dedupeKey({ ...base, status: null, carrierStatus: 'Exception' })).toBe('raw:Exception|2026-12-01T06:30:00.000Z|manila hub');
  });
});
