import { Client } from 'pg';
import { Account, identityClient, ROOT } from './identity-client';
import { Stack, startStack } from './stack';

type Body = Record<string, any>;

/** Production batches, quality checks (reprint, then failure past the limit) and factory blank stock, through the gateway and in the database. */
describe('fulfillment production, quality and inventory through the gateway', () => {
  let stack: Stack;
  let db: Client;
  let admin: Account;
  const { call, account } = identityClient(() => stack);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, { token: admin.token, ...options });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body };
  };
  const fields = (body: Body) => ((body?.errors ?? []) as { field: string }[]).map((e) => e.field);

  let codes = 0;
  const newFactory = async () => {
    const created = await send('POST', '/factories', {
      body: { name: 'Print plant', code: `PRD-${Date.now()}-${++codes}`, supplierType: 'PRINTER', printMethods: ['DTG'] },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const newLocation = async (factoryId: string, name = 'Plant') => {
    const created = await send('POST', `/factories/${factoryId}/locations`, {
      body: { locationType: 'WAREHOUSE', name, address1: '1 Industrial Rd', city: 'Pasig', country: 'PH' },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  /** A routed fulfillment of `factoryId`, written straight into fulfillment's database (routing is not under test here). */
  const newFulfillment = async (factoryId: string, items: { printMethod?: string; quantity?: number }[]) => {
    const f = (
      await db.query(
        `INSERT INTO fulfillments (id, order_id, factory_id, status, updated_at)
         VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'PENDING', now()) RETURNING id, order_id`,
        [factoryId],
      )
    ).rows[0] as { id: string; order_id: string };
    const itemIds: string[] = [];
    for (const item of items) {
      const row = await db.query(
        `INSERT INTO fulfillment_items (id, fulfillment_id, order_item_id, print_method, quantity, updated_at)
         VALUES (gen_random_uuid(), $1, gen_random_uuid(), $2, $3, now()) RETURNING id`,
        [f.id, item.printMethod ?? 'DTG', item.quantity ?? 1],
      );
      itemIds.push(row.rows[0].id);
    }
    return { id: f.id, orderId: f.order_id, itemIds };
  };
  const batch = async (factoryId: string, fulfillmentItemIds: string[], extra: Record<string, unknown> = {}) =>
    send('POST', '/productions', { body: { factoryId, printMethod: 'DTG', fulfillmentItemIds, ...extra } });
  const move = (productionId: string, status: string, token?: string) =>
    send('POST', `/productions/${productionId}/status`, { body: { status }, ...(token ? { token } : {}) });
  const check = (productionId: string, body: Record<string, unknown>, token?: string) =>
    send('POST', `/productions/${productionId}/quality-checks`, { body, ...(token ? { token } : {}) });
  const statusEvents = async (fulfillmentId: string) =>
    (
      await db.query(
        "SELECT payload FROM outbox_event WHERE subject = 'evt.fulfillment.fulfillment.status-changed' AND payload->>'fulfillmentId' = $1 ORDER BY created_at",
        [fulfillmentId],
      )
    ).rows.map((r: { payload: Body }) => r.payload);

  let factoryA: string;
  let factoryB: string;

  beforeAll(async () => {
    stack = await startStack(['identity', 'fulfillment'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      MAX_REPRINTS: '2',
    });
    db = await stack.db('fulfillment');
    admin = await account(['ADMIN'], 'production-admin');
    factoryA = await newFactory();
    factoryB = await newFactory();
  });

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('plans a batch from one factory’s fulfillment items and refuses items of other factories, items already batched and taken numbers', async () => {
    const mine = await newFulfillment(factoryA, [{ quantity: 2 }, { quantity: 5 }, { quantity: 1 }]);
    const theirs = await newFulfillment(factoryB, [{}]);
    const created = await batch(factoryA, mine.itemIds.slice(0, 2));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ factoryId: factoryA, printMethod: 'DTG', status: 'PLANNED', startedAt: null, completedAt: null });
    expect(created.body.batchNumber).toMatch(/^PB-\d{8}-[0-9A-Z]{8}$/);
    expect(created.body.plannedAt).toEqual(expect.any(String));
    expect(
      created.body.items
        .map((i: Body) => [i.fulfillmentItemId, i.fulfillmentId, i.quantity, i.status, i.reprintOfId])
        .sort((a: unknown[], b: unknown[]) => Number(a[2]) - Number(b[2])),
    ).toEqual([
      [mine.itemIds[0], mine.id, 2, 'QUEUED', null],
      [mine.itemIds[1], mine.id, 5, 'QUEUED', null],
    ]);
    const stored = await db.query(
      'SELECT fulfillment_item_id, quantity, status FROM production_items WHERE production_id = $1 ORDER BY quantity',
      [created.body.id],
    );
    expect(stored.rows).toEqual([
      { fulfillment_item_id: mine.itemIds[0], quantity: 2, status: 'QUEUED' },
      { fulfillment_item_id: mine.itemIds[1], quantity: 5, status: 'QUEUED' },
    ]);

    const foreign = await batch(factoryA, [mine.itemIds[2], theirs.itemIds[0]]);
    expect([foreign.status, fields(foreign.body)]).toEqual([400, ['fulfillmentItemIds[1]']]);
    const otherMethod = await newFulfillment(factoryA, [{ printMethod: 'SCREEN' }]);
    const wrongMethod = await batch(factoryA, [otherMethod.itemIds[0]]);
    expect([wrongMethod.status, fields(wrongMethod.body)]).toEqual([400, ['fulfillmentItemIds[0]']]);
    const again = await batch(factoryA, [mine.itemIds[2], mine.itemIds[1]]);
    expect([again.status, again.body.code, fields(again.body)]).toEqual([409, 'FULFILLMENT.ITEM_IN_PRODUCTION', ['fulfillmentItemIds[1]']]);

    const named = await batch(factoryA, [mine.itemIds[2]], { batchNumber: `PB-FIXED-${codes}` });
    expect([named.status, named.body.batchNumber]).toEqual([201, `PB-FIXED-${codes}`]);
    const extra = await newFulfillment(factoryA, [{}]);
    const taken = await batch(factoryA, extra.itemIds, { batchNumber: `PB-FIXED-${codes}` });
    expect([taken.status, taken.body.code, fields(taken.body)]).toEqual([409, 'FULFILLMENT.BATCH_NUMBER_TAKEN', ['batchNumber']]);
    expect(
      (await db.query('SELECT count(*)::int AS n FROM production_items WHERE fulfillment_item_id = $1', [extra.itemIds[0]])).rows[0].n,
    ).toBe(0);

    for (const [body, field] of [
      [{ factoryId: factoryA, fulfillmentItemIds: extra.itemIds }, 'printMethod'],
      [{ factoryId: factoryA, printMethod: 'DTG', fulfillmentItemIds: [] }, 'fulfillmentItemIds'],
      [{ factoryId: factoryA, printMethod: 'DTG', fulfillmentItemIds: ['nope'] }, 'fulfillmentItemIds'],
      [{ factoryId: 'nope', printMethod: 'DTG', fulfillmentItemIds: extra.itemIds }, 'factoryId'],
      [{ factoryId: factoryA, printMethod: 'DTG', fulfillmentItemIds: extra.itemIds, batchNumber: 'pb 1' }, 'batchNumber'],
    ] as const) {
      const bad = await send('POST', '/productions', { body });
      expect([bad.status, fields(bad.body).map((f) => f.replace(/\[\d+\]$/, ''))]).toEqual([400, [field]]);
    }
    // Batches racing for the same items: one takes them, the others are refused.
    const contested = await newFulfillment(factoryA, [{}, {}]);
    const raced = await Promise.all(Array.from({ length: 6 }, () => batch(factoryA, contested.itemIds)));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const live = await db.query('SELECT count(*)::int AS n FROM production_items WHERE fulfillment_item_id = ANY($1::uuid[])', [
      contested.itemIds,
    ]);
    expect(live.rows[0].n).toBe(2);
    const unprinted = await batch(factoryA, extra.itemIds, { printMethod: 'EMBROIDERY' });
    expect([unprinted.status, fields(unprinted.body)]).toEqual([400, ['printMethod']]);
    const unknownFactory = await batch('00000000-0000-4000-8000-000000000000', extra.itemIds);
    expect([unknownFactory.status, fields(unknownFactory.body)]).toEqual([404, ['factoryId']]);
  });

  it('moves a batch PLANNED -> IN_PROGRESS -> COMPLETED with its timeline, cancels only before completion, and refuses other moves (409)', async () => {
    const f = await newFulfillment(factoryA, [{}, {}]);
    const created = (await batch(factoryA, f.itemIds)).body;
    const skip = await move(created.id, 'COMPLETED');
    expect([skip.status, skip.body.code, fields(skip.body)]).toEqual([409, 'FULFILLMENT.PRODUCTION_TRANSITION', ['status']]);

    const started = await move(created.id, 'IN_PROGRESS');
    expect([started.status, started.body.status, typeof started.body.startedAt]).toEqual([200, 'IN_PROGRESS', 'string']);
    const rows = await db.query(
      'SELECT f.status AS f, array_agg(i.status ORDER BY i.id) AS items FROM fulfillments f JOIN fulfillment_items i ON i.fulfillment_id = f.id WHERE f.id = $1 GROUP BY f.status',
      [f.id],
    );
    expect(rows.rows[0]).toEqual({ f: 'IN_PRODUCTION', items: '{IN_PRODUCTION,IN_PRODUCTION}' });
    expect((await statusEvents(f.id)).map((e) => [e.status, e.previousStatus, e.factoryId, e.orderId])).toEqual([
      ['IN_PRODUCTION', 'PENDING', factoryA, f.orderId],
    ]);
    expect((await move(created.id, 'IN_PROGRESS')).status).toBe(409);

    const completed = await move(created.id, 'COMPLETED');
    expect([completed.status, completed.body.status, completed.body.items.map((i: Body) => i.status)]).toEqual([
      200,
      'COMPLETED',
      ['PRODUCED', 'PRODUCED'],
    ]);
    const cancelLate = await move(created.id, 'CANCELLED');
    expect([cancelLate.status, fields(cancelLate.body)]).toEqual([409, ['status']]);
    const stored = (await db.query('SELECT status, planned_at, started_at, completed_at FROM productions WHERE id = $1', [created.id]))
      .rows[0];
    expect(stored.status).toBe('COMPLETED');
    expect(stored.planned_at <= stored.started_at && stored.started_at <= stored.completed_at).toBe(true);
    const timeline = await send('GET', `/productions/${created.id}/timeline`);
    expect(timeline.body.steps.map((s: Body) => s.status)).toEqual(['PLANNED', 'IN_PROGRESS', 'COMPLETED']);
    expect(timeline.body.steps[2].at).toBe(stored.completed_at.toISOString());
    // A produced item is not batched again.
    expect((await batch(factoryA, [f.itemIds[0]])).status).toBe(409);

    const other = await newFulfillment(factoryA, [{}]);
    const planned = (await batch(factoryA, other.itemIds)).body;
    const cancelled = await move(planned.id, 'CANCELLED');
    expect([cancelled.status, cancelled.body.status, cancelled.body.items[0].status]).toEqual([200, 'CANCELLED', 'CANCELLED']);
    expect((await move(planned.id, 'IN_PROGRESS')).status).toBe(409);
    expect((await send('GET', `/productions/${planned.id}/timeline`)).body.steps.map((s: Body) => s.status)).toEqual([
      'PLANNED',
      'CANCELLED',
    ]);
    // The cancelled batch's item is free for another batch.
    expect((await batch(factoryA, other.itemIds)).status).toBe(201);
    const badStatus = await send('POST', `/productions/${planned.id}/status`, { body: { status: 'PLANNED' } });
    expect([badStatus.status, fields(badStatus.body)]).toEqual([400, ['status']]);

    const got = await send('GET', `/productions/${created.id}`);
    expect([got.status, got.body.items.length, got.body.qualityChecks]).toEqual([200, 2, []]);
    const listed = await send('GET', `/productions?factoryId=${factoryA}&status=CANCELLED&limit=100`);
    expect(listed.body.items.map((p: Body) => p.id)).toEqual([planned.id]);
    const first = await send('GET', `/productions?factoryId=${factoryA}&limit=1`);
    const second = await send('GET', `/productions?factoryId=${factoryA}&limit=1&cursor=${first.body.nextCursor}`);
    expect([first.body.items.length, second.body.items.length]).toEqual([1, 1]);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(new Date(second.body.items[0].createdAt) <= new Date(first.body.items[0].createdAt)).toBe(true);
  });

  it('sends an item that fails after production to reprint (same batch, or a new one once completed) and fails it past MAX_REPRINTS', async () => {
    const f = await newFulfillment(factoryA, [{ quantity: 3 }]);
    const [itemId] = f.itemIds;
    const created = (await batch(factoryA, [itemId])).body;
    await move(created.id, 'IN_PROGRESS');
    const first = created.items[0].id as string;

    const passed = await check(created.id, { stage: 'IN_PRODUCTION', result: 'PASS', productionItemId: first });
    expect([passed.status, passed.body.action, passed.body.inspectorId]).toEqual([201, 'NONE', admin.id]);
    const earlyFail = await check(created.id, { stage: 'PRE_PRODUCTION', result: 'FAIL', productionItemId: first });
    expect(earlyFail.body.action).toBe('NONE');

    const failed = await check(created.id, {
      stage: 'POST_PRODUCTION',
      result: 'FAIL',
      productionItemId: first,
      defects: [{ code: 'INK_SMEAR', description: 'Smeared print on the chest', severity: 'MAJOR' }],
      photos: ['https://cdn.example.com/qc/1.jpg'],
      notes: 'Reprint',
    });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ action: 'REPRINT', reprintProductionId: created.id, stage: 'POST_PRODUCTION', result: 'FAIL' });
    const second = failed.body.reprintItemId as string;
    const stored = await db.query(
      'SELECT q.defects, q.photos, q.notes, q.inspector_id, q.production_item_id FROM quality_checks q WHERE q.id = $1',
      [failed.body.id],
    );
    expect(stored.rows[0]).toEqual({
      defects: [{ code: 'INK_SMEAR', description: 'Smeared print on the chest', severity: 'MAJOR' }],
      photos: ['https://cdn.example.com/qc/1.jpg'],
      notes: 'Reprint',
      inspector_id: admin.id,
      production_item_id: first,
    });
    const items = async () =>
      (
        await db.query(
          'SELECT pi.id, pi.production_id, pi.reprint_of_id, pi.status, pi.quantity FROM production_items pi WHERE pi.fulfillment_item_id = $1 ORDER BY pi.created_at, pi.id',
          [itemId],
        )
      ).rows;
    const reprintCount = async () =>
      (await db.query('SELECT reprint_count, status FROM fulfillment_items WHERE id = $1', [itemId])).rows[0] as Body;
    expect(await items()).toEqual([
      { id: first, production_id: created.id, reprint_of_id: null, status: 'REPRINTED', quantity: 3 },
      { id: second, production_id: created.id, reprint_of_id: first, status: 'QUEUED', quantity: 3 },
    ]);
    expect(await reprintCount()).toEqual({ reprint_count: 1, status: 'IN_PRODUCTION' });
    const stale = await check(created.id, { stage: 'POST_PRODUCTION', result: 'FAIL', productionItemId: first });
    expect([stale.status, fields(stale.body)]).toEqual([409, ['productionItemId']]);

    await move(created.id, 'COMPLETED');
    const afterCompletion = await check(created.id, { stage: 'PRE_SHIPPING', result: 'FAIL', productionItemId: second });
    expect(afterCompletion.body.action).toBe('REPRINT');
    const newBatch = afterCompletion.body.reprintProductionId as string;
    expect(newBatch).not.toBe(created.id);
    const third = afterCompletion.body.reprintItemId as string;
    expect((await db.query('SELECT status, factory_id, print_method FROM productions WHERE id = $1', [newBatch])).rows[0]).toEqual({
      status: 'PLANNED',
      factory_id: factoryA,
      print_method: 'DTG',
    });
    expect(await reprintCount()).toEqual({ reprint_count: 2, status: 'IN_PRODUCTION' });
    expect(await statusEvents(f.id)).toHaveLength(1);

    const pastLimit = await check(newBatch, { stage: 'POST_PRODUCTION', result: 'FAIL', productionItemId: third });
    expect([pastLimit.status, pastLimit.body.action, pastLimit.body.reprintItemId]).toEqual([201, 'FAILED', null]);
    expect(await reprintCount()).toEqual({ reprint_count: 2, status: 'FAILED' });
    expect((await items()).map((i: Body) => i.status)).toEqual(['REPRINTED', 'REPRINTED', 'FAILED']);
    expect((await db.query('SELECT status, failure_reason FROM fulfillments WHERE id = $1', [f.id])).rows[0]).toEqual({
      status: 'FAILED',
      failure_reason: expect.stringContaining('reprint limit'),
    });
    const events = await statusEvents(f.id);
    expect(events.map((e) => [e.status, e.previousStatus])).toEqual([
      ['IN_PRODUCTION', 'PENDING'],
      ['FAILED', 'IN_PRODUCTION'],
    ]);
    expect(events[1].items).toEqual([{ orderItemId: expect.any(String), status: 'FAILED', quantity: 3 }]);

    const listed = await send('GET', `/productions/${created.id}/quality-checks`);
    expect(listed.body.map((c: Body) => [c.stage, c.result])).toEqual([
      ['IN_PRODUCTION', 'PASS'],
      ['PRE_PRODUCTION', 'FAIL'],
      ['POST_PRODUCTION', 'FAIL'],
      ['PRE_SHIPPING', 'FAIL'],
    ]);
    expect((await send('GET', `/productions/${created.id}`)).body.qualityChecks).toHaveLength(4);
  });

  it('fails a fulfillment only when all its items have failed', async () => {
    const f = await newFulfillment(factoryA, [{}, {}]);
    const created = (await batch(factoryA, f.itemIds)).body;
    await move(created.id, 'IN_PROGRESS');
    let item = created.items[0].id as string;
    let productionId = created.id as string;
    for (let round = 0; round < 3; round++) {
      const result = await check(productionId, { stage: 'POST_PRODUCTION', result: 'FAIL', productionItemId: item });
      expect(result.body.action).toBe(round < 2 ? 'REPRINT' : 'FAILED');
      if (round < 2) [item, productionId] = [result.body.reprintItemId, result.body.reprintProductionId];
    }
    expect((await db.query('SELECT status FROM fulfillments WHERE id = $1', [f.id])).rows[0].status).toBe('IN_PRODUCTION');
    expect((await statusEvents(f.id)).map((e) => e.status)).toEqual(['IN_PRODUCTION']);
  });

  it('counts one reprint when failing checks of the same item race', async () => {
    const f = await newFulfillment(factoryA, [{}]);
    const created = (await batch(factoryA, f.itemIds)).body;
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        check(created.id, { stage: 'POST_PRODUCTION', result: 'FAIL', productionItemId: created.items[0].id }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
    expect((await db.query('SELECT reprint_count FROM fulfillment_items WHERE id = $1', [f.itemIds[0]])).rows[0].reprint_count).toBe(1);
    expect(
      (await db.query('SELECT count(*)::int AS n FROM production_items WHERE fulfillment_item_id = $1', [f.itemIds[0]])).rows[0].n,
    ).toBe(2);
  });

  it('names the bad field of a quality check', async () => {
    const f = await newFulfillment(factoryA, [{}]);
    const created = (await batch(factoryA, f.itemIds)).body;
    for (const [body, field] of [
      [{ stage: 'LATE', result: 'PASS' }, /^stage$/],
      [{ stage: 'PRE_SHIPPING', result: 'MAYBE' }, /^result$/],
      [{ stage: 'PRE_SHIPPING', result: 'PASS', photos: ['not a url'] }, /^photos/],
      [{ stage: 'PRE_SHIPPING', result: 'FAIL', defects: [{ code: 'X', description: 'y', severity: 'HUGE' }] }, /^defects.*severity$/],
      [{ stage: 'PRE_SHIPPING', result: 'PASS', productionItemId: 'x' }, /^productionItemId$/],
    ] as const) {
      const bad = await check(created.id, body);
      expect(bad.status).toBe(400);
      expect(fields(bad.body)).toEqual([expect.stringMatching(field)]);
    }
    const strange = await check(created.id, {
      stage: 'PRE_SHIPPING',
      result: 'PASS',
      productionItemId: '00000000-0000-4000-8000-000000000000',
    });
    expect([strange.status, fields(strange.body)]).toEqual([400, ['productionItemId']]);
    expect((await check('00000000-0000-4000-8000-000000000000', { stage: 'PRE_SHIPPING', result: 'PASS' })).status).toBe(404);
  });

  it('moves blank stock by movement type with an append-only log, never below zero', async () => {
    const plant = await newLocation(factoryA, 'Plant');
    const store = await newLocation(factoryA, 'Store');
    const elsewhere = await newLocation(factoryB, 'Elsewhere');
    const code = `BLANK-${Date.now()}`;
    const moveStock = (body: Record<string, unknown>) =>
      send('POST', '/inventory/movements', { body: { locationId: plant, itemCode: code, ...body } });
    const stockAt = async (locationId: string) =>
      Object.fromEntries(
        (
          await db.query('SELECT type, quantity FROM factory_inventory WHERE location_id = $1 AND item_code = $2', [locationId, code])
        ).rows.map((r: { type: string; quantity: number }) => [r.type, r.quantity]),
      );
    const logCount = async () =>
      (await db.query('SELECT count(*)::int AS n FROM inventory_movements WHERE item_code = $1', [code])).rows[0].n;

    const received = await moveStock({ type: 'RECEIPT', quantity: 10, reference: 'SO-1' });
    expect(received.status).toBe(201);
    expect(received.body.stock).toEqual([
      { locationId: plant, factoryId: factoryA, itemCode: code, onHand: 10, reserved: 0, inTransit: 0, damaged: 0 },
    ]);
    expect(received.body.movements).toEqual([
      expect.objectContaining({ type: 'RECEIPT', quantity: 10, fromType: null, toType: 'ON_HAND', reference: 'SO-1', actorId: admin.id }),
    ]);
    expect((await moveStock({ type: 'DAMAGE', quantity: 2 })).body.stock[0]).toMatchObject({ onHand: 8, damaged: 2 });
    const transfer = await moveStock({ type: 'TRANSFER', quantity: 3, toLocationId: store });
    expect(transfer.body.stock.map((s: Body) => [s.locationId, s.onHand])).toEqual([
      [plant, 5],
      [store, 3],
    ]);
    expect(transfer.body.movements.map((m: Body) => [m.locationId, m.fromType, m.toType, m.quantity])).toEqual([
      [plant, 'ON_HAND', null, 3],
      [store, null, 'ON_HAND', 3],
    ]);
    expect((await moveStock({ type: 'ADJUSTMENT', quantity: -1 })).body.stock[0].onHand).toBe(4);
    expect((await moveStock({ type: 'RETURN', quantity: 1 })).body.stock[0].onHand).toBe(5);
    expect(await stockAt(plant)).toEqual({ ON_HAND: 5, DAMAGED: 2 });
    expect(await stockAt(store)).toEqual({ ON_HAND: 3 });
    expect(await logCount()).toBe(6);

    for (const body of [
      { type: 'SHIPMENT', quantity: 6 },
      { type: 'ADJUSTMENT', quantity: -6 },
      { type: 'DAMAGE', quantity: 6 },
      { type: 'TRANSFER', quantity: 6, toLocationId: store },
      { type: 'ADJUSTMENT', quantity: -1, inventoryType: 'RESERVED' },
    ]) {
      const refused = await moveStock(body);
      expect([refused.status, refused.body.code, fields(refused.body)]).toEqual([409, 'FULFILLMENT.INSUFFICIENT_STOCK', ['quantity']]);
    }
    expect(await stockAt(plant)).toEqual({ ON_HAND: 5, DAMAGED: 2 });
    expect(await stockAt(store)).toEqual({ ON_HAND: 3 });
    expect(await logCount()).toBe(6);

    const crossFactory = await moveStock({ type: 'TRANSFER', quantity: 1, toLocationId: elsewhere });
    expect([crossFactory.status, fields(crossFactory.body)]).toEqual([400, ['toLocationId']]);
    for (const [body, field] of [
      [{ type: 'SHIPMENT', quantity: 0 }, 'quantity'],
      [{ type: 'SHIPMENT', quantity: -2 }, 'quantity'],
      [{ type: 'SHIPMENT', quantity: 1.5 }, 'quantity'],
      [{ type: 'LOST', quantity: 1 }, 'type'],
      [{ type: 'TRANSFER', quantity: 1 }, 'toLocationId'],
      [{ type: 'RECEIPT', quantity: 1, toLocationId: store }, 'toLocationId'],
      [{ type: 'RECEIPT', quantity: 1, locationId: 'plant' }, 'locationId'],
      [{ type: 'RECEIPT', quantity: 1, itemCode: '' }, 'itemCode'],
    ] as const) {
      const bad = await moveStock(body);
      expect([bad.status, fields(bad.body)]).toEqual([400, [field]]);
    }
    const unknown = await moveStock({ type: 'RECEIPT', quantity: 1, locationId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, fields(unknown.body)]).toEqual([404, ['locationId']]);
    expect(await logCount()).toBe(6);

    const listed = await send('GET', `/inventory?itemCode=${code}`);
    expect(listed.body.items.map((s: Body) => [s.locationId, s.onHand, s.damaged]).sort()).toEqual(
      [
        [plant, 5, 2],
        [store, 3, 0],
      ].sort(),
    );
    const firstStock = await send('GET', `/inventory?itemCode=${code}&limit=1`);
    const secondStock = await send('GET', `/inventory?itemCode=${code}&limit=1&cursor=${firstStock.body.nextCursor}`);
    expect([firstStock.body.items.length, secondStock.body.items.length, secondStock.body.nextCursor]).toEqual([1, 1, null]);
    expect(secondStock.body.items[0].locationId).not.toBe(firstStock.body.items[0].locationId);
    const log = await send('GET', `/inventory/movements?locationId=${plant}&itemCode=${code}&limit=100`);
    expect(log.body.items.map((m: Body) => m.type)).toEqual(['RETURN', 'ADJUSTMENT', 'TRANSFER', 'DAMAGE', 'RECEIPT']);
    const paged = await send('GET', `/inventory/movements?itemCode=${code}&limit=4`);
    const rest = await send('GET', `/inventory/movements?itemCode=${code}&limit=4&cursor=${paged.body.nextCursor}`);
    expect([paged.body.items.length, rest.body.items.length]).toEqual([4, 2]);
    expect((await send('GET', '/inventory/movements?type=LOST')).status).toBe(400);
  });

  it('ships 20 concurrent SHIPMENTs against a stock of 10: exactly 10 pass, 10 are refused, and 0 is left', async () => {
    const location = await newLocation(factoryA, 'Rush');
    const code = `RUSH-${Date.now()}`;
    expect(
      (await send('POST', '/inventory/movements', { body: { locationId: location, itemCode: code, type: 'RECEIPT', quantity: 10 } }))
        .status,
    ).toBe(201);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send('POST', '/inventory/movements', {
          body: { locationId: location, itemCode: code, type: 'SHIPMENT', quantity: 1, reference: `ship-${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect([statuses.filter((s) => s === 201).length, statuses.filter((s) => s === 409).length]).toEqual([10, 10]);
    const stock = await db.query("SELECT quantity FROM factory_inventory WHERE location_id = $1 AND item_code = $2 AND type = 'ON_HAND'", [
      location,
      code,
    ]);
    expect(stock.rows[0].quantity).toBe(0);
    const shipped = await db.query(
      "SELECT count(*)::int AS n FROM inventory_movements WHERE location_id = $1 AND item_code = $2 AND type = 'SHIPMENT'",
      [location, code],
    );
    expect(shipped.rows[0].n).toBe(10);
  });

  it("lets a FULFILLER work on their linked factory's batches and stock only; any other factory's is 404", async () => {
    const fulfiller = await account(['FULFILLER'], 'prod-fulfiller');
    expect((await send('POST', `/factories/${factoryA}/users`, { body: { userId: fulfiller.id } })).status).toBe(201);
    const seller = await account(['SELLER'], 'prod-seller');
    const own = await newFulfillment(factoryA, [{}]);
    const foreign = await newFulfillment(factoryB, [{}]);
    const mine = await send('POST', '/productions', {
      token: fulfiller.token,
      body: { factoryId: factoryA, printMethod: 'DTG', fulfillmentItemIds: own.itemIds },
    });
    expect(mine.status).toBe(201);
    const theirs = (await batch(factoryB, foreign.itemIds)).body;
    const intoOther = await send('POST', '/productions', {
      token: fulfiller.token,
      body: { factoryId: factoryB, printMethod: 'DTG', fulfillmentItemIds: foreign.itemIds },
    });
    expect([intoOther.status, fields(intoOther.body)]).toEqual([404, ['factoryId']]);

    expect((await move(mine.body.id, 'IN_PROGRESS', fulfiller.token)).status).toBe(200);
    expect((await check(mine.body.id, { stage: 'PRE_SHIPPING', result: 'PASS' }, fulfiller.token)).status).toBe(201);
    for (const [method, path, body] of [
      ['GET', `/productions/${theirs.id}`],
      ['GET', `/productions/${theirs.id}/timeline`],
      ['GET', `/productions/${theirs.id}/quality-checks`],
      ['POST', `/productions/${theirs.id}/status`, { status: 'IN_PROGRESS' }],
      ['POST', `/productions/${theirs.id}/quality-checks`, { stage: 'PRE_SHIPPING', result: 'PASS' }],
    ] as const) {
      const answer = await send(method, path, { token: fulfiller.token, body });
      expect([path, answer.status]).toEqual([path, 404]);
    }
    expect((await db.query('SELECT status FROM productions WHERE id = $1', [theirs.id])).rows[0].status).toBe('PLANNED');
    const listed = await send('GET', '/productions?limit=100', { token: fulfiller.token });
    expect(new Set(listed.body.items.map((p: Body) => p.factoryId))).toEqual(new Set([factoryA]));
    expect((await send('GET', `/productions?factoryId=${factoryB}`, { token: fulfiller.token })).body.items).toEqual([]);
    // A seller holds fulfillments:read but is linked to no factory: they see no batch.
    expect((await send('GET', '/productions', { token: seller.token })).body.items).toEqual([]);
    expect((await send('GET', `/productions/${mine.body.id}`, { token: seller.token })).status).toBe(404);

    const ownLocation = await newLocation(factoryA, 'Fulfiller plant');
    const otherLocation = await newLocation(factoryB, 'Other plant');
    const code = `FUL-${Date.now()}`;
    const receive = (locationId: string, token: string) =>
      send('POST', '/inventory/movements', { token, body: { locationId, itemCode: code, type: 'RECEIPT', quantity: 4 } });
    expect((await receive(ownLocation, fulfiller.token)).status).toBe(201);
    expect((await receive(otherLocation, admin.token)).status).toBe(201);
    const refused = await receive(otherLocation, fulfiller.token);
    expect([refused.status, fields(refused.body)]).toEqual([404, ['locationId']]);
    const stock = await send('GET', `/inventory?itemCode=${code}`, { token: fulfiller.token });
    expect(stock.body.items.map((s: Body) => s.locationId)).toEqual([ownLocation]);
    expect((await send('GET', `/inventory?locationId=${otherLocation}`, { token: fulfiller.token })).body.items).toEqual([]);
    const log = await send('GET', `/inventory/movements?itemCode=${code}`, { token: fulfiller.token });
    expect(log.body.items.map((m: Body) => m.locationId)).toEqual([ownLocation]);
    expect((await send('GET', `/inventory?itemCode=${code}`, { token: admin.token })).body.items).toHaveLength(2);
    expect((await send('GET', `/inventory?itemCode=${code}`, { token: seller.token })).body.items).toEqual([]);
    expect(
      (
        await send('POST', '/inventory/movements', {
          token: seller.token,
          body: { locationId: ownLocation, itemCode: code, type: 'RECEIPT', quantity: 1 },
        })
      ).status,
    ).toBe(403);
  });
});
