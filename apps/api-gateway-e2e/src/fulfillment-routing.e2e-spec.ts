import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { json, Stack, startStack } from './stack';

interface FactorySpec {
  isPrimary?: boolean;
  printMethods?: string[];
  capacity?: number;
  qualityRating?: number;
  zones: string[];
  /** system variant code -> [price, lead time, print method] */
  variants: Record<string, [number, number, string?]>;
  /** blank code -> ON_HAND units at its location */
  onHand?: Record<string, number>;
}

interface Line {
  code: string;
  printMethod?: string;
  quantity?: number;
  designId?: string;
}

/**
 * Routing through the real fulfillment service: orders' and catalog's events are published on
 * JetStream as their outboxes would, the fixed scenario is written straight into fulfillment's
 * tables, and the results are read through the gateway and from the database.
 */
describe('fulfillment routing', () => {
  let stack: Stack;
  let db: Client;
  let admin: Account;
  const { call, account } = identityClient(() => stack);
  const factories: Record<string, string> = {};
  const locations: Record<string, string> = {};

  const publish = async (subject: string, payload: object) =>
    jetstream(stack.nc).publish(subject, JSON.stringify(payload), { msgID: randomUUID() });

  const order = (lines: Line[], over: Record<string, unknown> = {}) => {
    const orderId = randomUUID();
    return {
      orderId,
      orderCode: `ORD-${orderId.slice(0, 8)}`,
      orderNumber: orderId.slice(0, 8),
      status: 'CONFIRMED',
      storeId: randomUUID(),
      userId: randomUUID(),
      teamId: randomUUID(),
      total: '100.00',
      currency: 'PHP',
      paymentMethod: 'COD',
      shipTo: { country: 'PH', province: 'NCR', city: 'Manila', postalCode: '1000' },
      items: lines.map((l) => ({
        orderItemId: randomUUID(),
        productId: randomUUID(),
        systemVariantCode: l.code,
        designId: l.designId ?? null,
        ...(l.printMethod ? { printMethod: l.printMethod } : {}),
        quantity: l.quantity ?? 1,
      })),
      ...over,
    };
  };
  const place = async (o: ReturnType<typeof order>) => publish('evt.orders.order.placed', o);

  const fulfillmentsOf = async (orderId: string, atLeast = 1) =>
    eventually(
      async () =>
        (
          await db.query(
            `SELECT f.id, f.status, f.factory_id AS "factoryId", fac.code
             FROM fulfillments f LEFT JOIN factories fac ON fac.id = f.factory_id WHERE f.order_id = $1 ORDER BY fac.code NULLS LAST`,
            [orderId],
          )
        ).rows as { id: string; status: string; factoryId: string | null; code: string | null }[],
      (rows) => rows.length >= atLeast,
      20000,
    );

  const addFactory = async (code: string, spec: FactorySpec) => {
    const f = await db.query(
      `INSERT INTO factories (id, name, code, supplier_type, print_methods, capacity, quality_rating, is_primary, updated_at)
       VALUES (gen_random_uuid(), $1, $1, 'PRINTER', $2, $3, $4, $5, now()) RETURNING id`,
      [code, spec.printMethods ?? ['DTG'], spec.capacity ?? 1000, spec.qualityRating ?? 4, spec.isPrimary ?? false],
    );
    factories[code] = f.rows[0].id;
    const l = await db.query(
      `INSERT INTO factory_locations (id, factory_id, name, location_type, address_1, city, country, shipping_zones, is_default, updated_at)
       VALUES (gen_random_uuid(), $1, 'Plant', 'PRODUCTION', '1 Road', 'City', $2, $3, true, now()) RETURNING id`,
      [factories[code], spec.zones[0].slice(0, 2), spec.zones],
    );
    locations[code] = l.rows[0].id;
    for (const [variant, [price, leadTime, printMethod]] of Object.entries(spec.variants)) {
      await db.query(
        `INSERT INTO supplier_variants (id, factory_id, system_variant_code, supplier_product_code, supplier_variant_code, supplier_price, lead_time, print_method, updated_at)
         VALUES (gen_random_uuid(), $1, $2, 'P', $3, $4, $5, $6, now())`,
        [factories[code], variant, `${code}-${variant}`, price, leadTime, printMethod ?? null],
      );
    }
    for (const [blank, quantity] of Object.entries(spec.onHand ?? {})) {
      await db.query(
        `INSERT INTO factory_inventory (id, location_id, item_code, type, quantity, updated_at) VALUES (gen_random_uuid(), $1, $2, 'ON_HAND', $3, now())`,
        [locations[code], blank, quantity],
      );
    }
  };

  const get = async (path: string, token = admin.token) => {
    const response = await call('GET', path, { token });
    return { status: response.status, body: await json(response) };
  };
  const post = async (path: string, body?: unknown, token = admin.token) => {
    const response = await call('POST', path, { token, body: body ?? {} });
    return { status: response.status, body: await json(response) };
  };

  const leadStore = randomUUID();

  beforeAll(async () => {
    stack = await startStack(['identity', 'fulfillment'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('fulfillment');
    admin = await account(['ADMIN'], 'routing-admin');
    // The streams exist once fulfillment's consumers have started; make sure before publishing.
    const jsm = await jetstreamManager(stack.nc);
    for (const [name, subject] of [
      ['EVT_ORDERS', 'evt.orders.>'],
      ['EVT_CATALOG', 'evt.catalog.>'],
    ]) {
      await jsm.streams.info(name).catch(() => jsm.streams.add({ name, subjects: [subject] }));
    }
    // zones
    await addFactory('Z-NCR', { zones: ['PH:NCR'], variants: { 'TEE-Z': [4, 3] } });
    await addFactory('Z-PH', { zones: ['PH'], variants: { 'TEE-Z': [6, 3] } });
    await addFactory('Z-SF', { zones: ['US:94'], variants: { 'TEE-Z': [4, 3] } });
    await addFactory('Z-US', { zones: ['US'], variants: { 'TEE-Z': [6, 3] } });
    // print method: the cheap one cannot print what the variant needs
    await addFactory('P-CHEAP', { zones: ['PH'], printMethods: ['DTG'], variants: { 'TEE-P': [2, 3, 'SCREEN'] } });
    await addFactory('P-SCREEN', { zones: ['PH'], printMethods: ['SCREEN'], variants: { 'TEE-P': [5, 3, 'SCREEN'] } });
    // price
    await addFactory('$-DEAR', { zones: ['PH'], variants: { 'TEE-$': [7, 1] } });
    await addFactory('$-CHEAP', { zones: ['PH'], variants: { 'TEE-$': [5.5, 9] } });
    // lead time (under a rule for one store only)
    await addFactory('L-SLOW', { zones: ['PH'], variants: { 'TEE-L': [5, 7] } });
    await addFactory('L-FAST', { zones: ['PH'], variants: { 'TEE-L': [8, 2] } });
    await db.query(
      `INSERT INTO routing_rules (id, name, priority, filters, sort, fallback, updated_at)
       VALUES (gen_random_uuid(), 'fast store', 10, $1, '{SHORTEST_LEAD_TIME}', 'HOLD', now())`,
      [JSON.stringify({ storeIds: [leadStore] })],
    );
    // primary
    await addFactory('PR-CHEAP', { zones: ['PH'], variants: { 'TEE-PR': [3, 3] } });
    await addFactory('PR-MAIN', { zones: ['PH'], isPrimary: true, variants: { 'TEE-PR': [9, 3] } });
    // one factory for the whole order when one can, else the fewest splits
    await addFactory('S-BOTH', { zones: ['PH'], variants: { 'MUG-1': [9, 3], 'CAP-1': [9, 3] } });
    await addFactory('S-MUG', { zones: ['PH'], variants: { 'MUG-1': [1, 3], 'MUG-2': [1, 3] } });
    await addFactory('S-CAP', { zones: ['PH'], variants: { 'CAP-1': [1, 3], 'CAP-2': [1, 3] } });
  }, 120000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it.each([
    ['zone: a region', 'TEE-Z', { country: 'PH', province: 'NCR', postalCode: '1000' }, {}, ['Z-NCR']],
    ['zone: the rest of the country, by its English name', 'TEE-Z', { country: 'Philippines', province: 'Cebu' }, {}, ['Z-PH']],
    ['zone: a postal prefix', 'TEE-Z', { country: 'US', province: 'CA', postalCode: '94107' }, {}, ['Z-SF']],
    ['zone: the whole country', 'TEE-Z', { country: 'United States', province: 'NY', postalCode: '10001' }, {}, ['Z-US']],
    ['print method', 'TEE-P', undefined, {}, ['P-SCREEN']],
    ["the item's own print method before the variant's", 'TEE-P@DTG', undefined, {}, ['P-CHEAP']],
    ['lowest price', 'TEE-$', undefined, {}, ['$-CHEAP']],
    ['shortest lead time under the store rule', 'TEE-L', undefined, { storeId: leadStore }, ['L-FAST']],
    ['lowest price for another store (default rule)', 'TEE-L', undefined, {}, ['L-SLOW']],
    ['primary first', 'TEE-PR', undefined, {}, ['PR-MAIN']],
    ['one factory for the whole order', ['MUG-1', 'CAP-1'], undefined, {}, ['S-BOTH']],
    ['split into the fewest factories', ['MUG-2', 'CAP-2'], undefined, {}, ['S-CAP', 'S-MUG']],
    ['imported marketplace order', 'TEE-$', undefined, { paymentMethod: null, imported: true }, ['$-CHEAP']],
  ] as const)('routes by %s', async (_name, codes, shipTo, over, expected) => {
    const lines = (typeof codes === 'string' ? [codes] : [...codes]).map((code) => {
      const [variant, printMethod] = code.split('@');
      return { code: variant, printMethod };
    });
    const o = order(lines, { ...(shipTo ? { shipTo } : {}), ...over });
    await place(o);
    const rows = await fulfillmentsOf(o.orderId, expected.length);
    expect(rows.map((r) => r.code)).toEqual(expected);
    expect(rows.every((r) => r.status === 'PENDING')).toBe(true);
  });

  /** Each factory's FactoryDailyLoad today against the units of its non-FAILED fulfillments (all routed today here). */
  const loads = async (codes: string[]) =>
    (
      await db.query(
        `SELECT fac.code, COALESCE(l.units, 0)::int AS load, COALESCE(a.units, 0)::int AS assigned FROM factories fac
         LEFT JOIN factory_daily_load l ON l.factory_id = fac.id AND l.day = (now() AT TIME ZONE 'UTC')::date
         LEFT JOIN (SELECT f.factory_id, SUM(i.quantity) AS units FROM fulfillments f JOIN fulfillment_items i ON i.fulfillment_id = f.id
                    WHERE f.status <> 'FAILED' GROUP BY 1) a ON a.factory_id = fac.id
         WHERE fac.code = ANY($1) ORDER BY fac.code`,
        [codes],
      )
    ).rows as { code: string; load: number; assigned: number }[];

  it('routes a paid order once, whatever arrives twice, and waits for payment when not COD', async () => {
    const o = order([{ code: 'TEE-$' }], { paymentMethod: 'GCASH', status: 'PENDING' });
    await place(o);
    const paid = { ...o, status: 'CONFIRMED', paymentId: randomUUID(), amount: '100.00' };
    await new Promise((r) => setTimeout(r, 1000));
    expect((await db.query('SELECT 1 FROM fulfillments WHERE order_id = $1', [o.orderId])).rowCount).toBe(0);
    await publish('evt.orders.order.paid', paid);
    await publish('evt.orders.order.paid', paid);
    await fulfillmentsOf(o.orderId);
    await new Promise((r) => setTimeout(r, 1500));
    const rows = await db.query(
      'SELECT f.id FROM fulfillments f JOIN fulfillment_items i ON i.fulfillment_id = f.id WHERE f.order_id = $1',
      [o.orderId],
    );
    expect(rows.rowCount).toBe(1);
  });

  it('explains the decision: every candidate with its rank or why it was rejected, and the rule', async () => {
    const o = order([{ code: 'TEE-Z' }]);
    await place(o);
    const [f] = await fulfillmentsOf(o.orderId);
    const routing = await get(`/fulfillments/${f.id}/routing`);
    expect(routing.status).toBe(200);
    expect(routing.body).toHaveLength(1);
    const [decision] = routing.body;
    expect(decision).toMatchObject({ outcome: 'ROUTED', ruleId: null, ruleName: 'default', factoryId: factories['Z-NCR'] });
    const by = Object.fromEntries(
      decision.candidates.map((c: { code: string; rank?: number; rejected?: string }) => [c.code, c.rank ?? c.rejected]),
    );
    expect(by).toEqual({ 'Z-NCR': 1, 'Z-PH': 2, 'Z-SF': 'NO_ZONE', 'Z-US': 'NO_ZONE' });
    expect(decision.candidates[0]).toMatchObject({ price: '4.00', leadTime: 3, qualityRating: 4, isPrimary: false });

    const p = order([{ code: 'TEE-P' }]);
    await place(p);
    const [pf] = await fulfillmentsOf(p.orderId);
    const explained = (await get(`/fulfillments/${pf.id}/routing`)).body[0].candidates;
    expect(explained.find((c: { code: string }) => c.code === 'P-CHEAP')).toMatchObject({ rejected: 'PRINT_METHOD', price: '2.00' });

    const lead = order([{ code: 'TEE-L' }], { storeId: leadStore });
    await place(lead);
    const [lf] = await fulfillmentsOf(lead.orderId);
    expect((await get(`/fulfillments/${lf.id}/routing`)).body[0]).toMatchObject({ ruleName: 'fast store' });
    expect((await get(`/fulfillments/${randomUUID()}/routing`)).status).toBe(404);
  });

  it('routes 200 orders published at once without exceeding any capacity or blanks', async () => {
    await addFactory('C-MAIN', { zones: ['PH'], isPrimary: true, capacity: 50, variants: { 'TEE-C': [1, 3] } });
    await addFactory('C-BLANKS', { zones: ['PH'], capacity: 1000, variants: { 'TEE-C': [2, 3] }, onHand: { 'C-BLANKS-TEE-C': 70 } });
    await addFactory('C-LAST', { zones: ['PH'], capacity: 60, variants: { 'TEE-C': [3, 3] } });
    const orders = Array.from({ length: 200 }, () => order([{ code: 'TEE-C' }]));
    await Promise.all(orders.map(place));
    const ids = orders.map((o) => o.orderId);
    await eventually(
      async () => (await db.query('SELECT count(DISTINCT order_id)::int AS n FROM fulfillments WHERE order_id = ANY($1)', [ids])).rows[0].n,
      (n: number) => n === 200,
      60000,
    );
    const per = await db.query(
      `SELECT COALESCE(fac.code, 'HELD') AS code, SUM(i.quantity)::int AS units FROM fulfillments f
       JOIN fulfillment_items i ON i.fulfillment_id = f.id LEFT JOIN factories fac ON fac.id = f.factory_id
       WHERE f.order_id = ANY($1) GROUP BY 1 ORDER BY 1`,
      [ids],
    );
    expect(per.rows).toEqual([
      { code: 'C-BLANKS', units: 70 },
      { code: 'C-LAST', units: 60 },
      { code: 'C-MAIN', units: 50 },
      { code: 'HELD', units: 20 },
    ]);
    const holds = await db.query(
      `SELECT h.reason, count(*)::int AS n FROM fulfillment_holds h JOIN fulfillments f ON f.id = h.fulfillment_id
       WHERE f.order_id = ANY($1) AND h.released_at IS NULL GROUP BY 1`,
      [ids],
    );
    expect(holds.rows).toEqual([{ reason: 'CAPACITY', n: 20 }]);
    const stock = await db.query(`SELECT type, quantity FROM factory_inventory WHERE location_id = $1 ORDER BY type`, [
      locations['C-BLANKS'],
    ]);
    expect(stock.rows).toEqual([
      { type: 'ON_HAND', quantity: 0 },
      { type: 'RESERVED', quantity: 70 },
    ]);
    // one representation of a reservation (InventoryService.reserveBlanks): an ADJUSTMENT ON_HAND -> RESERVED per fulfillment
    const moved = await db.query(
      `SELECT type, from_type AS "from", SUM(quantity)::int AS n, count(DISTINCT reference)::int AS refs
       FROM inventory_movements WHERE location_id = $1 AND to_type = 'RESERVED' GROUP BY 1, 2`,
      [locations['C-BLANKS']],
    );
    expect(moved.rows).toEqual([{ type: 'ADJUSTMENT', from: 'ON_HAND', n: 70, refs: 70 }]);
    // the daily load counters hold exactly the units assigned
    expect(await loads(['C-BLANKS', 'C-LAST', 'C-MAIN'])).toEqual([
      { code: 'C-BLANKS', load: 70, assigned: 70 },
      { code: 'C-LAST', load: 60, assigned: 60 },
      { code: 'C-MAIN', load: 50, assigned: 50 },
    ]);

    // a cancelled order fails its fulfillment with the reason and gives its blank back
    const withBlank = (
      await db.query('SELECT order_id AS "orderId", id FROM fulfillments WHERE factory_id = $1 ORDER BY id LIMIT 1', [
        factories['C-BLANKS'],
      ])
    ).rows[0];
    const cancelled = orders.find((o) => o.orderId === withBlank.orderId)!;
    await publish('evt.orders.order.cancelled', { ...cancelled, status: 'CANCELLED', reason: 'buyer changed mind' });
    await eventually(
      async () => (await db.query('SELECT status, failure_reason AS reason FROM fulfillments WHERE id = $1', [withBlank.id])).rows[0],
      (r: { status: string; reason: string }) => r.status === 'FAILED',
      15000,
    ).then((r) => expect(r.reason).toBe('order cancelled: buyer changed mind'));
    const after = await db.query(`SELECT type, quantity FROM factory_inventory WHERE location_id = $1 ORDER BY type`, [
      locations['C-BLANKS'],
    ]);
    expect(after.rows).toEqual([
      { type: 'ON_HAND', quantity: 1 },
      { type: 'RESERVED', quantity: 69 },
    ]);
    const released = await db.query(
      `SELECT type, from_type AS "from", to_type AS "to", quantity FROM inventory_movements WHERE reference = $1 ORDER BY created_at`,
      [`fulfillment:${withBlank.id}`],
    );
    expect(released.rows).toEqual([
      { type: 'ADJUSTMENT', from: 'ON_HAND', to: 'RESERVED', quantity: 1 },
      { type: 'ADJUSTMENT', from: 'RESERVED', to: 'ON_HAND', quantity: 1 },
    ]);
    // and its unit of capacity
    expect(await loads(['C-BLANKS', 'C-LAST', 'C-MAIN'])).toEqual([
      { code: 'C-BLANKS', load: 69, assigned: 69 },
      { code: 'C-LAST', load: 60, assigned: 60 },
      { code: 'C-MAIN', load: 50, assigned: 50 },
    ]);
  }, 120000);

  it('lets decisions race for the last unit of a factory: one claims it, the others re-route to the next factory, explained', async () => {
    await addFactory('R-LAST', { zones: ['PH'], capacity: 1, variants: { 'TEE-R': [1, 3] } });
    await addFactory('R-NEXT', { zones: ['PH'], capacity: 100, variants: { 'TEE-R': [2, 3] } });
    // A transaction of the test's own writes R-LAST's load row for today and stays open: every decision reads one unit
    // left (the row is not committed), chooses R-LAST, and queues on that row to claim the unit.
    const holder = await stack.db('fulfillment');
    await holder.query('BEGIN');
    await holder.query(`INSERT INTO factory_daily_load (factory_id, day, units) VALUES ($1, (now() AT TIME ZONE 'UTC')::date, 0)`, [
      factories['R-LAST'],
    ]);
    const orders = Array.from({ length: 4 }, () => order([{ code: 'TEE-R' }]));
    await Promise.all(orders.map(place));
    const waiting = () =>
      db
        .query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)
        .then((r) => r.rows[0].n as number);
    await eventually(waiting, (n) => n === 4, 20000);
    await holder.query('COMMIT');
    const ids = orders.map((o) => o.orderId);
    const routed = await eventually(
      async () =>
        (
          await db.query(
            `SELECT fac.code, f.id FROM fulfillments f JOIN factories fac ON fac.id = f.factory_id WHERE f.order_id = ANY($1) ORDER BY fac.code`,
            [ids],
          )
        ).rows as { code: string; id: string }[],
      (rows) => rows.length === 4,
      20000,
    );
    expect(routed.map((r) => r.code)).toEqual(['R-LAST', 'R-NEXT', 'R-NEXT', 'R-NEXT']);
    expect(await loads(['R-LAST', 'R-NEXT'])).toEqual([
      { code: 'R-LAST', load: 1, assigned: 1 },
      { code: 'R-NEXT', load: 3, assigned: 3 },
    ]);
    // each loser's decision was made again on what the winner committed: R-LAST out of capacity, R-NEXT first
    for (const r of routed.slice(1)) {
      const [decision] = (await get(`/fulfillments/${r.id}/routing`)).body;
      expect(decision).toMatchObject({ outcome: 'ROUTED', ruleName: 'default', factoryId: factories['R-NEXT'] });
      const by = Object.fromEntries(
        decision.candidates.map((c: { code: string; rank?: number; rejected?: string }) => [c.code, c.rank ?? c.rejected]),
      );
      expect(by).toEqual({ 'R-NEXT': 1, 'R-LAST': 'CAPACITY' });
    }
    const [winner] = (await get(`/fulfillments/${routed[0].id}/routing`)).body;
    expect(winner.candidates.map((c: { code: string; rank?: number }) => [c.code, c.rank])).toEqual([
      ['R-LAST', 1],
      ['R-NEXT', 2],
    ]);
  }, 60000);

  it('routes 30 held fulfillments released at once through the API within capacity and blanks (concurrent transactions)', async () => {
    const orders = Array.from({ length: 30 }, () => order([{ code: 'TEE-Q' }]));
    await Promise.all(orders.map(place));
    const ids = orders.map((o) => o.orderId);
    const held = await eventually(
      async () =>
        (
          await db.query(
            `SELECT f.id AS "fulfillmentId", h.id AS "holdId" FROM fulfillments f JOIN fulfillment_holds h ON h.fulfillment_id = f.id
             WHERE f.order_id = ANY($1) AND h.released_at IS NULL AND h.reason = 'NO_FACTORY'`,
            [ids],
          )
        ).rows as { fulfillmentId: string; holdId: string }[],
      (rows) => rows.length === 30,
      20000,
    );
    await addFactory('Q-SMALL', { zones: ['PH'], capacity: 10, variants: { 'TEE-Q': [1, 3] } });
    await addFactory('Q-BLANKS', { zones: ['PH'], capacity: 1000, variants: { 'TEE-Q': [2, 3] }, onHand: { 'TEE-Q': 5 } });
    const answers = await Promise.all(held.map((h) => post(`/fulfillments/${h.fulfillmentId}/holds/${h.holdId}/release`)));
    expect(answers.map((a) => a.status)).toEqual(held.map(() => 200));
    const per = await db.query(
      `SELECT COALESCE(fac.code, 'HELD') AS code, count(*)::int AS n FROM fulfillments f LEFT JOIN factories fac ON fac.id = f.factory_id
       WHERE f.order_id = ANY($1) GROUP BY 1 ORDER BY 1`,
      [ids],
    );
    expect(per.rows).toEqual([
      { code: 'HELD', n: 15 },
      { code: 'Q-BLANKS', n: 5 },
      { code: 'Q-SMALL', n: 10 },
    ]);
    const stock = await db.query(`SELECT type, quantity FROM factory_inventory WHERE location_id = $1 ORDER BY type`, [
      locations['Q-BLANKS'],
    ]);
    expect(stock.rows).toEqual([
      { type: 'ON_HAND', quantity: 0 },
      { type: 'RESERVED', quantity: 5 },
    ]);
    const reheld = await db.query(
      `SELECT count(*)::int AS n FROM fulfillment_holds h JOIN fulfillments f ON f.id = h.fulfillment_id
       WHERE f.order_id = ANY($1) AND h.released_at IS NULL AND h.reason = 'CAPACITY'`,
      [ids],
    );
    expect(reheld.rows[0].n).toBe(15);
    expect(await loads(['Q-BLANKS', 'Q-SMALL'])).toEqual([
      { code: 'Q-BLANKS', load: 5, assigned: 5 },
      { code: 'Q-SMALL', load: 10, assigned: 10 },
    ]);
  }, 60000);

  it('holds an item whose design is not approved and routes it when the design-approved event arrives', async () => {
    const designId = randomUUID();
    const o = order([{ code: 'TEE-$' }, { code: 'TEE-PR', designId }]);
    await place(o);
    const rows = await fulfillmentsOf(o.orderId, 2);
    expect(rows.map((r) => r.code)).toEqual(['$-CHEAP', null]);
    const held = rows[1];
    const holds = await get(`/fulfillments/${held.id}/holds`);
    expect(holds.body).toEqual([expect.objectContaining({ reason: 'DESIGN_NOT_READY', releasedAt: null, setById: null })]);
    expect((await get(`/fulfillments/${held.id}`)).body.openHolds).toHaveLength(1);

    await publish('evt.catalog.design.approved', { designId, teamId: randomUUID(), fingerprint: 'f', approvedBy: null });
    const routed = await eventually(
      async () => (await db.query('SELECT factory_id AS "factoryId" FROM fulfillments WHERE id = $1', [held.id])).rows[0],
      (r: { factoryId: string | null }) => r.factoryId !== null,
      15000,
    );
    expect(routed.factoryId).toBe(factories['PR-MAIN']);
    const released = (await get(`/fulfillments/${held.id}/holds`)).body;
    expect(released[0]).toMatchObject({ reason: 'DESIGN_NOT_READY', releasedBy: 'evt.catalog.design.approved' });
    expect(released[0].releasedAt).not.toBeNull();
    expect((await get(`/fulfillments/${held.id}/routing`)).body.map((d: { outcome: string }) => d.outcome)).toEqual(['HELD', 'ROUTED']);
    const events = await db.query(
      `SELECT subject, payload->>'reason' AS reason FROM outbox_event WHERE payload->>'fulfillmentId' = $1 ORDER BY created_at, id`,
      [held.id],
    );
    expect(events.rows).toEqual([
      { subject: 'evt.fulfillment.fulfillment.held', reason: 'DESIGN_NOT_READY' },
      { subject: 'evt.fulfillment.fulfillment.routed', reason: null },
    ]);

    // an order placed after the approval routes straight away
    const later = order([{ code: 'TEE-PR', designId }]);
    await place(later);
    expect((await fulfillmentsOf(later.orderId)).map((r) => r.code)).toEqual(['PR-MAIN']);
  });

  it('moves status by legal transitions only, with tracking when shipped, and a FULFILLER acts on its factory only', async () => {
    const o = order([{ code: 'TEE-Z' }]);
    await place(o);
    const [f] = await fulfillmentsOf(o.orderId);
    const other = order([{ code: 'TEE-Z' }], { shipTo: { country: 'PH', province: 'Cebu' } });
    await place(other);
    const [elsewhere] = await fulfillmentsOf(other.orderId);
    const fulfiller = await account(['FULFILLER'], 'ncr-fulfiller');
    await db.query('INSERT INTO factory_users (factory_id, user_id) VALUES ($1, $2)', [factories['Z-NCR'], fulfiller.id]);

    expect((await get(`/fulfillments/${f.id}`, fulfiller.token)).status).toBe(200);
    expect((await get(`/fulfillments/${elsewhere.id}`, fulfiller.token)).status).toBe(404);
    expect((await post(`/fulfillments/${elsewhere.id}/status`, { status: 'IN_PRODUCTION' }, fulfiller.token)).status).toBe(404);
    const listed = await get(`/fulfillments?factoryId=${factories['Z-PH']}`, fulfiller.token);
    expect(listed.body.items).toEqual([]);
    const mine = await get(`/fulfillments?orderId=${o.orderId}`, fulfiller.token);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([f.id]);

    const illegal = await post(
      `/fulfillments/${f.id}/status`,
      { status: 'SHIPPED', trackingNumber: 'T1', carrier: 'LBC' },
      fulfiller.token,
    );
    expect(illegal.status).toBe(409);
    expect(illegal.body.code).toBe('FULFILLMENT.ILLEGAL_TRANSITION');
    expect((await post(`/fulfillments/${f.id}/status`, { status: 'IN_PRODUCTION' }, fulfiller.token)).status).toBe(200);
    const untracked = await post(`/fulfillments/${f.id}/status`, { status: 'SHIPPED' }, fulfiller.token);
    expect(untracked.status).toBe(400);
    expect(untracked.body.errors.map((e: { field: string }) => e.field)).toEqual(['trackingNumber', 'carrier']);
    const bad = await post(`/fulfillments/${f.id}/status`, { status: 'LOST' }, fulfiller.token);
    expect(bad.status).toBe(400);
    const shipped = await post(
      `/fulfillments/${f.id}/status`,
      { status: 'SHIPPED', trackingNumber: 'LBC123', carrier: 'LBC' },
      fulfiller.token,
    );
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ status: 'SHIPPED', trackingNumber: 'LBC123', carrier: 'LBC' });
    expect(shipped.body.items[0].status).toBe('SHIPPED');
    expect((await post(`/fulfillments/${f.id}/status`, { status: 'IN_PRODUCTION' }, fulfiller.token)).status).toBe(409);
    expect((await post(`/fulfillments/${f.id}/status`, { status: 'DELIVERED' }, fulfiller.token)).status).toBe(200);
    expect((await post(`/fulfillments/${f.id}/status`, { status: 'FAILED', reason: 'late' }, fulfiller.token)).status).toBe(409);
    const stored = await db.query('SELECT status, shipped_at, delivered_at FROM fulfillments WHERE id = $1', [f.id]);
    expect(stored.rows[0].status).toBe('DELIVERED');
    expect(stored.rows[0].shipped_at).not.toBeNull();
    const events = await db.query(
      `SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.fulfillment.fulfillment.status-changed'`,
    );
    expect(events.rows[0].n).toBeGreaterThanOrEqual(3);

    // the buyer sees their order's fulfillment; another user does not
    const buyer = await account(undefined, 'buyer');
    const bought = order([{ code: 'TEE-Z' }], { userId: buyer.id });
    await place(bought);
    const [bf] = await fulfillmentsOf(bought.orderId);
    expect((await get(`/fulfillments/${bf.id}`, buyer.token)).status).toBe(200);
    expect((await get(`/fulfillments`, buyer.token)).body.items.map((x: { id: string }) => x.id)).toEqual([bf.id]);
    const stranger = await account(undefined, 'stranger');
    expect((await get(`/fulfillments/${bf.id}`, stranger.token)).status).toBe(404);
  });

  it("shows a seller team its orders' fulfillments and no one else's, filtered by status", async () => {
    const leader = await account(['LEADER', 'USER'], 'routing-leader');
    const seller = await account(['SELLER', 'USER'], 'routing-seller');
    const team = await post('/teams', { name: 'Routing team' }, leader.token);
    expect(team.status).toBe(201);
    expect((await post(`/teams/${team.body.id}/members`, { userId: seller.id }, leader.token)).status).toBe(201);
    const ours = order([{ code: 'TEE-$' }], { teamId: team.body.id });
    const theirs = order([{ code: 'TEE-$' }]);
    await Promise.all([place(ours), place(theirs)]);
    const [mine] = await fulfillmentsOf(ours.orderId);
    const [other] = await fulfillmentsOf(theirs.orderId);
    const listed = await eventually(
      () => get('/fulfillments?status=PENDING', seller.token),
      (r) => r.status === 200 && r.body.items.length > 0,
      10000,
    );
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([mine.id]);
    expect((await get('/fulfillments?status=SHIPPED', seller.token)).body.items).toEqual([]);
    expect((await get(`/fulfillments/${mine.id}/routing`, seller.token)).status).toBe(200);
    expect((await get(`/fulfillments/${other.id}`, seller.token)).status).toBe(404);
    expect((await post(`/fulfillments/${mine.id}/status`, { status: 'IN_PRODUCTION' }, seller.token)).status).toBe(403);
    const bad = await get('/fulfillments?status=LOST', seller.token);
    expect(bad.status).toBe(400);
  });

  it('re-routes the items of a FAILED fulfillment to another factory and keeps the decision', async () => {
    const o = order([{ code: 'TEE-Z', quantity: 2 }], { shipTo: { country: 'US', postalCode: '94105' } });
    await place(o);
    const [f] = await fulfillmentsOf(o.orderId);
    expect(f.code).toBe('Z-SF');
    const failed = await post(`/fulfillments/${f.id}/status`, { status: 'FAILED' });
    expect(failed.status).toBe(400);
    expect(failed.body.errors[0].field).toBe('reason');
    expect((await post(`/fulfillments/${f.id}/status`, { status: 'FAILED', reason: 'printer broke' })).status).toBe(200);
    const rows = await fulfillmentsOf(o.orderId, 2);
    expect(rows.map((r) => [r.code, r.status])).toEqual([
      ['Z-SF', 'FAILED'],
      ['Z-US', 'PENDING'],
    ]);
    const old = (await get(`/fulfillments/${f.id}/routing`)).body;
    expect(old.map((d: { outcome: string }) => d.outcome)).toEqual(['ROUTED', 'REROUTED']);
    const next = (await get(`/fulfillments/${rows[1].id}/routing`)).body[0];
    expect(next.candidates.find((c: { code: string }) => c.code === 'Z-SF')).toMatchObject({ rejected: 'EXCLUDED' });
    expect((await get(`/fulfillments/${rows[1].id}`)).body.items[0]).toMatchObject({ quantity: 2, systemVariantCode: 'TEE-Z' });
    // the failed factory got its 2 units back, the new one carries them
    const z = await loads(['Z-SF', 'Z-US']);
    expect(z.map((r) => r.load)).toEqual(z.map((r) => r.assigned));
  });

  it('holds and releases by the API: releasing the last hold of an unrouted fulfillment routes it', async () => {
    const o = order([{ code: 'TEE-NONE' }]);
    await place(o);
    const [f] = await fulfillmentsOf(o.orderId);
    expect(f.factoryId).toBeNull();
    const [noFactory] = (await get(`/fulfillments/${f.id}/holds`)).body;
    expect(noFactory.reason).toBe('NO_FACTORY');
    const manual = await post(`/fulfillments/${f.id}/holds`, { reason: 'MANUAL', note: 'check address' });
    expect(manual.status).toBe(201);
    expect(manual.body).toMatchObject({ reason: 'MANUAL', setById: admin.id });
    expect((await post(`/fulfillments/${f.id}/holds`, { reason: 'SOMETHING' })).status).toBe(400);
    await addFactory('N-NEW', { zones: ['PH'], variants: { 'TEE-NONE': [5, 3] } });
    expect((await post(`/fulfillments/${f.id}/holds/${noFactory.id}/release`)).status).toBe(200);
    expect((await db.query('SELECT factory_id FROM fulfillments WHERE id = $1', [f.id])).rows[0].factory_id).toBeNull();
    expect((await post(`/fulfillments/${f.id}/holds/${noFactory.id}/release`)).status).toBe(409);
    expect((await post(`/fulfillments/${f.id}/holds/${randomUUID()}/release`)).status).toBe(404);
    const last = await post(`/fulfillments/${f.id}/holds/${manual.body.id}/release`);
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ releasedBy: 'API', releasedById: admin.id });
    expect((await db.query('SELECT factory_id FROM fulfillments WHERE id = $1', [f.id])).rows[0].factory_id).toBe(factories['N-NEW']);
  });
});
