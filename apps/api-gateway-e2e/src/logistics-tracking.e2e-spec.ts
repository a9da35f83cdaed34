import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AfterShipFake } from './fakes/aftership-fake';
import { EasyPostFake } from './fakes/easypost-fake';
import { identityClient, ROOT } from './identity-client';
import { logisticsFixtures } from './logistics-fixtures';
import { eventually } from './processes';
import { json, Stack, startStack } from './stack';

const tn = (prefix: string) => `${prefix}${randomBytes(6).toString('hex').toUpperCase()}`;

/**
 * Carrier tracking through the gateway: AfterShip- and EasyPost-shaped webhooks verified before
 * anything is stored, each checkpoint stored once, the timeline in UTC occurredAt order, the status
 * only forward (RETURNED and LOST explicit), exceptions from carrier events, multi-carrier legs, the
 * public tracking page, and quiet shipments polled through the adapters against the fakes.
 */
describe('logistics: tracking webhooks, timeline and polling', () => {
  let stack: Stack;
  let db: Client;
  const aftership = new AfterShipFake();
  const easypost = new EasyPostFake();
  const client = identityClient(() => stack);
  const { call, root } = client;
  const fx = logisticsFixtures(
    () => stack,
    () => db,
  );

  /** A shipment opened by fulfillment's SHIPPED event, with this tracking number. */
  const shipped = async (trackingNumber: string, carrier = 'USPS') => {
    const orderId = randomUUID();
    const { shipmentId } = await fx.fulfillmentStatus({
      orderId,
      trackingNumber,
      carrier,
      items: [{ orderItemId: randomUUID(), quantity: 1 }],
    });
    return shipmentId!;
  };
  const shipment = async (id: string) => (await db.query('SELECT * FROM shipments WHERE id = $1', [id])).rows[0];
  const timeline = async (id: string) => json(await call('GET', `/shipments/${id}/tracking`, { token: (await root()).token }));
  const eventCount = async (id: string) =>
    Number((await db.query('SELECT count(*) FROM tracking_events WHERE shipment_id = $1', [id])).rows[0].count);
  const statusesPublished = async (id: string) => (await fx.statusEvents(id)).map((e) => e.status);

  beforeAll(async () => {
    const [asBase, epBase] = [await aftership.start(), await easypost.start()];
    stack = await startStack(['identity', 'fulfillment', 'logistics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
      AFTERSHIP_API_URL: asBase,
      AFTERSHIP_API_KEY: aftership.apiKey,
      AFTERSHIP_WEBHOOK_SECRET: aftership.webhookSecret,
      EASYPOST_API_URL: epBase,
      EASYPOST_API_KEY: easypost.apiKey,
      EASYPOST_WEBHOOK_SECRET: easypost.webhookSecret,
      TRACKING_POLL_INTERVAL_SECONDS: '1',
      TRACKING_POLL_QUIET_MINUTES: '0.05',
    });
    db = await stack.db('logistics');
    await fx.consumersReady();
  }, 90000);

  it("a carrier's delivery makes the shipped fulfillment DELIVERED too (fulfillment follows logistics)", async () => {
    const fulfillmentDb = await stack.db('fulfillment');
    const [fulfillmentId, orderId, orderItemId] = [randomUUID(), randomUUID(), randomUUID()];
    const number = tn('AS');
    await fulfillmentDb.query(
      "INSERT INTO fulfillments (id, order_id, status, tracking_number, carrier, shipped_at, updated_at) VALUES ($1, $2, 'SHIPPED', $3, 'usps', now(), now())",
      [fulfillmentId, orderId, number],
    );
    await fulfillmentDb.query(
      "INSERT INTO fulfillment_items (id, fulfillment_id, order_item_id, quantity, status, updated_at) VALUES ($1, $2, $3, 2, 'SHIPPED', now())",
      [randomUUID(), fulfillmentId, orderItemId],
    );
    // what fulfillment's outbox published when it shipped
    const { shipmentId } = await fx.fulfillmentStatus({
      fulfillmentId,
      orderId,
      trackingNumber: number,
      carrier: 'usps',
      items: [{ orderItemId, quantity: 2 }],
    });
    const delivered = { tag: 'Delivered', checkpoint_time: '2026-12-02T01:00:00Z', location: 'Baguio, PH' };
    expect(await json(await aftership.deliver(stack.base, aftership.webhook(aftership.tracking(number, [delivered]))))).toMatchObject({
      applied: true,
    });
    expect((await shipment(shipmentId!)).status).toBe('DELIVERED');
    const row = await eventually(
      async () => (await fulfillmentDb.query('SELECT status, delivered_at FROM fulfillments WHERE id = $1', [fulfillmentId])).rows[0],
      (f) => f.status === 'DELIVERED',
      20000,
    );
    expect(row.delivered_at).not.toBeNull();
    expect((await fulfillmentDb.query('SELECT status FROM fulfillment_items WHERE fulfillment_id = $1', [fulfillmentId])).rows).toEqual([
      { status: 'DELIVERED' },
    ]);
  }, 60000);

  afterAll(async () => {
    await stack?.stop();
    await aftership.stop();
    await easypost.stop();
  });

  it('AfterShip: refuses bad signatures storing nothing; stores each checkpoint once; a late IN_TRANSIT never moves a delivered shipment back', async () => {
    const number = tn('AS');
    const id = await shipped(number);
    expect((await shipment(id)).status).toBe('DISPATCHED');
    const full = aftership.tracking(
      number,
      [
        { tag: 'InfoReceived', checkpoint_time: '2026-11-30T08:00:00+08:00', location: 'Makati, PH', message: 'Label created' },
        {
          tag: 'InTransit',
          subtag: 'InTransit_002',
          checkpoint_time: '2026-11-30T20:00:00+08:00',
          location: 'Manila Hub, PH',
          message: 'Departed',
        },
        { tag: 'OutForDelivery', checkpoint_time: '2026-12-01T09:00:00+08:00', location: 'Quezon City, PH', message: 'Out for delivery' },
        {
          tag: 'Delivered',
          subtag: 'Delivered_001',
          checkpoint_time: '2026-12-01T14:30:00+08:00',
          location: 'Quezon City, PH',
          message: 'Delivered',
        },
      ],
      { signed_by: 'J. SANTOS' },
    );
    const delivered = aftership.webhook(full);

    const deliveries = async () =>
      (await db.query("SELECT count(*) FROM tracking_webhook_deliveries WHERE provider = 'AFTERSHIP'")).rows[0].count;
    const deliveriesBefore = await deliveries();
    // badly signed: wrong secret, missing header, a signature of other bytes -> 401 and nothing stored
    for (const signature of [aftership.sign(delivered, 'not-the-secret'), null, aftership.sign(`${delivered} `)]) {
      const refused = await aftership.deliver(stack.base, delivered, signature);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect((await json(refused)).code).toBe('LOGISTICS.WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await eventCount(id)).toBe(0);
    expect(await deliveries()).toBe(deliveriesBefore);

    // the delivered webhook arrives first, with the whole history
    const first = await aftership.deliver(stack.base, delivered);
    expect(first.status).toBe(200);
    expect(await json(first)).toEqual({ received: true, applied: true, stored: 4 });
    expect(await shipment(id)).toMatchObject({
      status: 'DELIVERED',
      carrier_status: 'Delivered',
      pod_signed_by: 'J. SANTOS',
      pod_location: 'Quezon City, PH',
    });
    expect((await shipment(id)).delivered_at.toISOString()).toBe('2026-12-01T06:30:00.000Z');

    // the same delivery again: answered, nothing stored
    expect(await json(await aftership.deliver(stack.base, delivered))).toEqual({ received: true, applied: false, stored: 0 });
    // an older webhook (another event id) arrives late: its one new checkpoint joins the timeline, the status stays
    const late = aftership.webhook(
      aftership.tracking(number, [
        { tag: 'InfoReceived', checkpoint_time: '2026-11-30T08:00:00+08:00', location: 'Makati, PH', message: 'Label created' },
        {
          tag: 'InTransit',
          subtag: 'InTransit_002',
          checkpoint_time: '2026-11-30T20:00:00+08:00',
          location: 'Manila Hub, PH',
          message: 'Departed',
        },
        {
          tag: 'InTransit',
          subtag: 'InTransit_003',
          checkpoint_time: '2026-12-01T01:00:00+08:00',
          location: 'Caloocan, PH',
          message: 'Arrived',
        },
      ]),
    );
    expect(await json(await aftership.deliver(stack.base, late))).toEqual({ received: true, applied: true, stored: 1 });
    expect(await shipment(id)).toMatchObject({ status: 'DELIVERED', carrier_status: 'Delivered' });

    const events = await timeline(id);
    expect(events.map((e: { occurredAt: string }) => e.occurredAt)).toEqual([
      '2026-11-30T00:00:00.000Z',
      '2026-11-30T12:00:00.000Z',
      '2026-11-30T17:00:00.000Z',
      '2026-12-01T01:00:00.000Z',
      '2026-12-01T06:30:00.000Z',
    ]);
    expect(events.map((e: { status: string; carrierStatus: string }) => [e.status, e.carrierStatus])).toEqual([
      ['CREATED', 'InfoReceived'],
      ['IN_TRANSIT', 'InTransit'],
      ['IN_TRANSIT', 'InTransit'],
      ['OUT_FOR_DELIVERY', 'OutForDelivery'],
      ['DELIVERED', 'Delivered'],
    ]);
    // every change announced once, in order, the delivery with its proof; nothing after DELIVERED
    expect(await statusesPublished(id)).toEqual(['DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    const deliveredEvent = (await fx.statusEvents(id)).at(-1);
    expect(deliveredEvent).toMatchObject({
      previousStatus: 'OUT_FOR_DELIVERY',
      trackingNumber: number,
      proofOfDelivery: { signedBy: 'J. SANTOS', location: 'Quezon City, PH', receivedAt: '2026-12-01T06:30:00.000Z' },
    });
  }, 60000);

  it('AfterShip: the same new delivery five times at once is applied once', async () => {
    const number = tn('AS');
    const id = await shipped(number);
    const body = aftership.webhook(
      aftership.tracking(number, [{ tag: 'InTransit', checkpoint_time: '2026-12-01T10:00:00Z', location: 'Pasay, PH' }]),
    );
    const answers = await Promise.all(Array.from({ length: 5 }, () => aftership.deliver(stack.base, body).then(json)));
    expect(answers.filter((a) => a.applied)).toHaveLength(1);
    expect(answers.every((a) => a.received === true)).toBe(true);
    expect(await eventCount(id)).toBe(1);
    expect(await statusesPublished(id)).toEqual(['DISPATCHED', 'IN_TRANSIT']);
  }, 30000);

  it('AfterShip: a failed attempt and a lost parcel raise exceptions once; LOST and then RETURNED are explicit', async () => {
    const number = tn('AS');
    const id = await shipped(number);
    const attempt = {
      tag: 'AttemptFail',
      subtag: 'AttemptFail_001',
      checkpoint_time: '2026-12-01T10:00:00Z',
      location: 'Pasig, PH',
      message: 'Nobody home',
    };
    const lost = {
      tag: 'Exception',
      subtag: 'Exception_013',
      checkpoint_time: '2026-12-02T10:00:00Z',
      location: 'Pasig, PH',
      message: 'Shipment lost',
    };
    await aftership.deliver(stack.base, aftership.webhook(aftership.tracking(number, [attempt])));
    await aftership.deliver(stack.base, aftership.webhook(aftership.tracking(number, [attempt])));
    await aftership.deliver(stack.base, aftership.webhook(aftership.tracking(number, [attempt, lost])));
    expect((await shipment(id)).status).toBe('LOST');
    const exceptions = await json(await call('GET', `/shipments/${id}/exceptions`, { token: (await root()).token }));
    expect(
      exceptions.map((x: { type: string; severity: string; source: string; description: string }) => [
        x.type,
        x.severity,
        x.source,
        x.description,
      ]),
    ).toEqual([
      ['FAILED_ATTEMPT', 'MEDIUM', 'CARRIER', 'Nobody home'],
      ['LOST', 'CRITICAL', 'CARRIER', 'Shipment lost'],
    ]);
    const raised = await fx.outboxOf('evt.logistics.shipment-exception.raised', id);
    expect(raised.map((e) => [e.type, e.source, e.trackingNumber])).toEqual([
      ['FAILED_ATTEMPT', 'CARRIER', number],
      ['LOST', 'CARRIER', number],
    ]);
    // returned to sender (Exception_011): explicit, so it moves a lost shipment
    const returned = {
      tag: 'Exception',
      subtag: 'Exception_011',
      checkpoint_time: '2026-12-03T10:00:00Z',
      location: 'Makati, PH',
      message: 'Returned to sender',
    };
    await aftership.deliver(stack.base, aftership.webhook(aftership.tracking(number, [attempt, lost, returned])));
    expect((await shipment(id)).status).toBe('RETURNED');
    expect(await statusesPublished(id)).toEqual(['DISPATCHED', 'OUT_FOR_DELIVERY', 'LOST', 'RETURNED']);
  }, 30000);

  it('EasyPost: refuses bad signatures; duplicated and reordered tracker.updated events; return_to_sender after delivery', async () => {
    const number = tn('EP');
    const id = await shipped(number);
    const inTransit = {
      status: 'in_transit',
      status_detail: 'arrived_at_facility',
      datetime: '2026-12-01T02:00:00Z',
      city: 'Cebu',
      country: 'PH',
    };
    const delivered = {
      status: 'delivered',
      status_detail: 'arrived_at_destination',
      datetime: '2026-12-01T09:00:00Z',
      city: 'Cebu',
      country: 'PH',
    };
    const body = easypost.webhook(easypost.tracker(number, [delivered, inTransit], { signed_by: 'M. REYES' }));
    for (const signature of [
      easypost.sign(body, 'wrong'),
      `hmac-sha1-hex=${easypost.sign(body).split('=')[1]}`,
      easypost.sign(body).split('=')[1],
      null,
    ]) {
      const refused = await easypost.deliver(stack.base, body, signature);
      expect(refused.status).toBe(401);
      expect((await json(refused)).code).toBe('LOGISTICS.WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await eventCount(id)).toBe(0);

    expect(await json(await easypost.deliver(stack.base, body))).toEqual({ received: true, applied: true, stored: 2 });
    expect(await json(await easypost.deliver(stack.base, body))).toEqual({ received: true, applied: false, stored: 0 });
    // a late event of an earlier state (new event id, only the in_transit detail) changes nothing
    expect(await json(await easypost.deliver(stack.base, easypost.webhook(easypost.tracker(number, [inTransit]))))).toEqual({
      received: true,
      applied: true,
      stored: 0,
    });
    expect(await shipment(id)).toMatchObject({ status: 'DELIVERED', carrier_status: 'delivered', pod_signed_by: 'M. REYES' });
    const ret = { status: 'return_to_sender', status_detail: 'return', datetime: '2026-12-02T09:00:00Z', city: 'Cebu', country: 'PH' };
    await easypost.deliver(stack.base, easypost.webhook(easypost.tracker(number, [inTransit, delivered, ret])));
    expect(await shipment(id)).toMatchObject({ status: 'RETURNED', carrier_status: 'return_to_sender' });
    const events = await timeline(id);
    expect(events.map((e: { status: string; carrierStatus: string; location: string }) => [e.status, e.carrierStatus, e.location])).toEqual(
      [
        ['IN_TRANSIT', 'in_transit', 'Cebu, PH'],
        ['DELIVERED', 'delivered', 'Cebu, PH'],
        ['RETURNED', 'return_to_sender', 'Cebu, PH'],
      ],
    );
    expect(await statusesPublished(id)).toEqual(['DISPATCHED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED']);
    // not a tracking event (another description) or a tracker of nobody's: answered, nothing stored
    expect(await json(await easypost.deliver(stack.base, easypost.webhook(easypost.tracker(tn('NOONE'), [inTransit]))))).toEqual({
      received: true,
      applied: false,
      stored: 0,
    });
    const unreadable = await easypost.deliver(stack.base, '{"hello":1}');
    expect(unreadable.status).toBe(400);
    expect((await json(unreadable)).errors).toEqual([expect.objectContaining({ field: 'body' })]);
  }, 60000);

  it('multi-carrier: a handoff leg tracked by EasyPost moves the shipment; the public page shows legs and timeline without personal data', async () => {
    const first = tn('AS');
    const id = await shipped(first, 'usps');
    const token = (await root()).token;
    const second = tn('EP');
    const leg = await call('POST', `/shipments/${id}/legs`, {
      token,
      body: { carrier: 'LBC', trackingNumber: second, service: 'Express' },
    });
    expect(leg.status).toBe(201);
    const view = await json(leg);
    expect(
      view.legs.map((l: { sequence: number; carrier: string; trackingNumber: string }) => [l.sequence, l.carrier, l.trackingNumber]),
    ).toEqual([
      [1, 'usps', first],
      [2, 'LBC', second],
    ]);
    expect(view.legs[0].completedAt).not.toBeNull();
    await aftership.deliver(
      stack.base,
      aftership.webhook(aftership.tracking(first, [{ tag: 'InTransit', checkpoint_time: '2026-12-01T01:00:00Z', city: 'Los Angeles' }])),
    );
    await easypost.deliver(
      stack.base,
      easypost.webhook(
        easypost.tracker(second, [{ status: 'out_for_delivery', datetime: '2026-12-03T01:00:00Z', city: 'Davao' }]),
        undefined,
      ),
    );
    expect((await shipment(id)).status).toBe('OUT_FOR_DELIVERY');
    const legs = async () =>
      (await db.query('SELECT sequence, status, carrier_status FROM shipment_legs WHERE shipment_id = $1 ORDER BY sequence', [id])).rows;
    expect(await legs()).toEqual([
      { sequence: 1, status: 'IN_TRANSIT', carrier_status: 'InTransit' },
      { sequence: 2, status: 'OUT_FOR_DELIVERY', carrier_status: 'out_for_delivery' },
    ]);
    const proof = await call('POST', `/shipments/${id}/proof-of-delivery`, {
      token,
      body: {
        signedBy: 'A. CRUZ',
        photoRef: 'pod/photo.jpg',
        signatureRef: 'pod/sig.png',
        location: 'Front door',
        receivedAt: '2026-12-03T05:00:00Z',
      },
    });
    expect(proof.status).toBe(200);
    expect((await legs())[1]).toMatchObject({ sequence: 2, status: 'DELIVERED' });

    const page = await call('GET', `/tracking/${second}`); // anonymous
    expect(page.status).toBe(200);
    const body = await json(page);
    expect(body).toMatchObject({ trackingNumber: second, status: 'DELIVERED', carrier: 'usps' });
    expect(body.legs.map((l: { carrier: string }) => l.carrier)).toEqual(['usps', 'LBC']);
    expect(body.events.map((e: { status: string }) => e.status)).toEqual(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    const text = JSON.stringify(body);
    for (const secret of ['A. CRUZ', 'pod/photo.jpg', 'userId', 'orderId', id]) expect(text).not.toContain(secret);
    expect((await call('GET', `/tracking/${tn('NONE')}`)).status).toBe(404);
    const bad = await call('GET', '/tracking/no%20spaces%21');
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors).toEqual([expect.objectContaining({ field: 'trackingNumber' })]);
  }, 60000);

  it('polls quiet shipments through the AfterShip and EasyPost adapters (the fakes check the API keys)', async () => {
    const asNumber = tn('ASP');
    aftership.track(asNumber, [
      { tag: 'InTransit', checkpoint_time: '2026-12-01T03:00:00+08:00', city: 'Manila' },
      { tag: 'OutForDelivery', checkpoint_time: '2026-12-01T09:00:00+08:00', city: 'Manila' },
    ]);
    const asId = await shipped(asNumber);
    const epNumber = tn('EPP');
    easypost.track(epNumber, [{ status: 'in_transit', datetime: '2026-12-01T03:00:00Z', city: 'Iloilo' }]);
    const epId = await shipped(epNumber);
    const token = (await root()).token;
    expect((await call('PATCH', `/shipments/${epId}`, { token, body: { trackingProvider: 'EASYPOST' } })).status).toBe(200);

    await eventually(
      () => shipment(asId),
      (s) => s.status === 'OUT_FOR_DELIVERY',
      20000,
    );
    await eventually(
      () => shipment(epId),
      (s) => s.status === 'IN_TRANSIT',
      20000,
    );
    expect(await eventCount(asId)).toBe(2);
    expect((await shipment(asId)).provider_tracker_id).toBe(`as-${asNumber}`);
    expect((await shipment(epId)).provider_tracker_id).toBe(`trk_${epNumber.toLowerCase()}`);
    const asPolls = aftership.server.polls.filter((p) => p.path.includes(asNumber));
    expect(asPolls.length).toBeGreaterThan(0);
    expect(asPolls.every((p) => p.headers['as-api-key'] === aftership.apiKey)).toBe(true);
    expect(easypost.server.polls.some((p) => p.body.includes(epNumber))).toBe(true);
    // polled again later: still once each
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect(await eventCount(asId)).toBe(2);
    expect(await statusesPublished(asId)).toEqual(['DISPATCHED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
  }, 60000);
});
