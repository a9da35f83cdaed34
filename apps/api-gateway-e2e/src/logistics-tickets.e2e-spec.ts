import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { Account, identityClient, ROOT } from './identity-client';
import { answer, DeliveredOrder, fields, logisticsFixtures } from './returns-fixtures';
import { eventually } from './processes';
import { insertStore } from './shop-fixtures';
import { Stack, startStack } from './stack';

const HOUR = 3_600_000;

/** Support tickets end to end: ownership, due times by priority, legal moves, assignment, the thread, a return opened from a ticket. */
describe('logistics support tickets', () => {
  let stack: Stack;
  let catalog: Client;
  let orders: Client;
  let logistics: Client;
  let storeId: string;
  let support: Account;
  let order: DeliveredOrder;
  const client = identityClient(() => stack);
  const { call, account } = client;
  const fx = logisticsFixtures(
    client,
    () => stack,
    () => ({ catalog, orders, logistics }),
    () => storeId,
  );
  const open = (token: string, body: object) =>
    answer(call('POST', '/tickets', { token, body: { subject: 'Cracked mug', description: 'It arrived cracked', ...body } }));
  const move = (ticketId: string, body: object, token = support.token) =>
    answer(call('POST', `/tickets/${ticketId}/status`, { token, body }));

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders', 'logistics'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
      TICKET_DUE_HOURS_CRITICAL: '2',
    });
    [catalog, orders, logistics] = [await stack.db('catalog'), await stack.db('orders'), await stack.db('logistics')];
    storeId = await insertStore(catalog);
    support = await account(['SUPPORT'], 'support');
    await fx.durablesUp();
    order = await fx.deliveredOrder();
  }, 120000);

  afterAll(async () => {
    await stack?.stop();
  });

  it("opens a ticket about the buyer's own order with a due time from its priority; another buyer's order, shipment or return is 404", async () => {
    const before = Date.now();
    const critical = await open(order.buyer.token, { orderId: order.orderId, priority: 'CRITICAL' });
    expect(critical.status).toBe(201);
    expect(critical.body).toMatchObject({
      userId: order.buyer.id,
      orderId: order.orderId,
      status: 'OPEN',
      priority: 'CRITICAL',
      assigneeId: null,
    });
    const due = new Date(critical.body.dueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(before + 2 * HOUR - 1000);
    expect(due).toBeLessThanOrEqual(Date.now() + 2 * HOUR);
    const medium = await open(order.buyer.token, { orderId: order.orderId });
    expect(medium.body.priority).toBe('MEDIUM');
    expect(new Date(medium.body.dueAt).getTime() - new Date(medium.body.createdAt).getTime()).toBe(72 * HOUR);

    const shipment = (await logistics.query('SELECT shipment_id FROM delivered_items WHERE order_id = $1 LIMIT 1', [order.orderId])).rows[0]
      .shipment_id;
    const aboutShipment = await open(order.buyer.token, { shipmentId: shipment, priority: 'HIGH' });
    expect([aboutShipment.status, aboutShipment.body.orderId]).toEqual([201, order.orderId]);

    const other = await account(['USER'], 'other');
    for (const [body, field] of [
      [{ orderId: order.orderId }, 'orderId'],
      [{ shipmentId: shipment }, 'shipmentId'],
      [{ orderId: randomUUID() }, 'orderId'],
    ] as const) {
      const refused = await open(other.token, body);
      expect([refused.status, fields(refused.body)]).toEqual([404, [field]]);
    }
    const returned = await answer(
      call('POST', '/returns', {
        token: order.buyer.token,
        body: { orderId: order.orderId, items: [{ orderItemId: order.mug.itemId, quantity: 1 }], reason: 'DAMAGED' },
      }),
    );
    expect(returned.status).toBe(201);
    expect((await open(other.token, { returnId: returned.body.id })).status).toBe(404);
    const aboutReturn = await open(order.buyer.token, { returnId: returned.body.id });
    expect([aboutReturn.status, aboutReturn.body.orderId, aboutReturn.body.returnId]).toEqual([201, order.orderId, returned.body.id]);
    expect(
      await logistics.query('SELECT count(*)::int AS n FROM support_tickets WHERE user_id = $1', [other.id]).then((r) => r.rows[0].n),
    ).toBe(0);
  }, 90000);

  it('answers bad input with 400 naming the field', async () => {
    const nothing = await open(order.buyer.token, {});
    expect([nothing.status, fields(nothing.body)]).toEqual([400, ['orderId']]);
    const priority = await open(order.buyer.token, { orderId: order.orderId, priority: 'URGENT' });
    expect([priority.status, fields(priority.body)]).toEqual([400, ['priority']]);
    const blank = await answer(call('POST', '/tickets', { token: order.buyer.token, body: { orderId: order.orderId, description: 'x' } }));
    expect([blank.status, fields(blank.body)]).toEqual([400, ['subject']]);
  });

  it('moves a ticket by legal steps only, assigns it to SUPPORT users only, and keeps the thread with internal notes for staff', async () => {
    const t = (await open(order.buyer.token, { orderId: order.orderId, priority: 'LOW' })).body;
    // the buyer may read and write the thread but not work the ticket
    expect((await move(t.id, { status: 'IN_PROGRESS' }, order.buyer.token)).status).toBe(403);
    const skip = await move(t.id, { status: 'RESOLVED' });
    expect([skip.status, skip.body.code, fields(skip.body)]).toEqual([409, 'LOGISTICS.TICKET_TRANSITION', ['status']]);

    const seller = await account(['SELLER'], 'seller');
    const notSupport = await answer(call('POST', `/tickets/${t.id}/assignee`, { token: support.token, body: { assigneeId: seller.id } }));
    expect([notSupport.status, fields(notSupport.body)]).toEqual([400, ['assigneeId']]);
    const nobody = await answer(call('POST', `/tickets/${t.id}/assignee`, { token: support.token, body: { assigneeId: randomUUID() } }));
    expect([nobody.status, fields(nobody.body)]).toEqual([400, ['assigneeId']]);
    const assigned = await answer(call('POST', `/tickets/${t.id}/assignee`, { token: support.token, body: { assigneeId: support.id } }));
    expect([assigned.status, assigned.body.assigneeId]).toEqual([200, support.id]);

    const started = await move(t.id, { status: 'IN_PROGRESS', priority: 'HIGH' });
    expect([started.status, started.body.status, started.body.priority]).toEqual([200, 'IN_PROGRESS', 'HIGH']);
    expect(new Date(started.body.dueAt).getTime() - new Date(started.body.updatedAt).getTime()).toBeLessThanOrEqual(24 * HOUR);
    expect(new Date(started.body.dueAt).getTime()).toBeLessThan(new Date(t.dueAt).getTime());

    const say = (token: string, body: object) => answer(call('POST', `/tickets/${t.id}/messages`, { token, body }));
    expect((await say(order.buyer.token, { body: 'Any news?' })).status).toBe(201);
    expect((await say(support.token, { body: 'Refund likely', internal: true })).status).toBe(201);
    expect((await say(support.token, { body: 'We are on it' })).status).toBe(201);
    const sneaky = await say(order.buyer.token, { body: 'hidden', internal: true });
    expect([sneaky.status, fields(sneaky.body)]).toEqual([400, ['internal']]);
    const other = await account(['USER'], 'other');
    expect((await say(other.token, { body: 'hi' })).status).toBe(404);
    expect((await answer(call('GET', `/tickets/${t.id}`, { token: other.token }))).status).toBe(404);

    const buyerThread = await answer(call('GET', `/tickets/${t.id}/messages`, { token: order.buyer.token }));
    expect(buyerThread.body.map((m: { body: string }) => m.body)).toEqual(['Any news?', 'We are on it']);
    const staffThread = await answer(call('GET', `/tickets/${t.id}/messages`, { token: support.token }));
    expect(staffThread.body.map((m: { body: string; internal: boolean }) => [m.body, m.internal])).toEqual([
      ['Any news?', false],
      ['Refund likely', true],
      ['We are on it', false],
    ]);

    const resolved = await move(t.id, { status: 'RESOLVED' });
    expect([resolved.status, resolved.body.resolvedAt !== null]).toEqual([200, true]);
    expect((await move(t.id, { status: 'IN_PROGRESS' })).body.resolvedAt).toBeNull();
    expect((await move(t.id, { status: 'CLOSED' })).body.closedAt).not.toBeNull();
    expect((await move(t.id, { status: 'OPEN' })).status).toBe(409);
    expect((await say(order.buyer.token, { body: 'one more thing' })).status).toBe(409);

    // each change is an event (alerting notifies from them)
    const jsm = await jetstreamManager(stack.nc);
    const lastOf = (subject: string) =>
      eventually(
        () => jsm.streams.getMessage('EVT_LOGISTICS', { last_by_subj: subject }).then((m) => m?.json<Record<string, any>>()),
        (e) => e?.ticketId === t.id,
        20000,
      );
    expect(await lastOf('evt.logistics.ticket.status-changed')).toMatchObject({
      status: 'CLOSED',
      previousStatus: 'IN_PROGRESS',
      priority: 'HIGH',
    });
    expect(await lastOf('evt.logistics.ticket.assigned')).toMatchObject({ assigneeId: support.id, userId: order.buyer.id });
    const list = await answer(call('GET', `/tickets?status=CLOSED&assigneeId=${support.id}`, { token: support.token }));
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(t.id);
    const own = await answer(call('GET', '/tickets?limit=100', { token: other.token }));
    expect(own.body.items).toEqual([]);
  }, 90000);

  it('opens a return from a ticket, linked both ways, with the return checks applied', async () => {
    const o = await fx.deliveredOrder();
    const t = (await open(o.buyer.token, { orderId: o.orderId, subject: 'Wrong size' })).body;
    const tooMany = await answer(
      call('POST', `/tickets/${t.id}/return`, {
        token: o.buyer.token,
        body: { items: [{ orderItemId: o.tee.itemId, quantity: 5 }], reason: 'WRONG_ITEM' },
      }),
    );
    expect([tooMany.status, fields(tooMany.body)]).toEqual([409, ['items[0].quantity']]);
    const other = await account(['USER'], 'other');
    const foreign = await answer(
      call('POST', `/tickets/${t.id}/return`, {
        token: other.token,
        body: { items: [{ orderItemId: o.tee.itemId, quantity: 1 }], reason: 'WRONG_ITEM' },
      }),
    );
    expect(foreign.status).toBe(404);
    const opened = await answer(
      call('POST', `/tickets/${t.id}/return`, {
        token: o.buyer.token,
        body: { items: [{ orderItemId: o.tee.itemId, quantity: 1 }], reason: 'WRONG_ITEM' },
      }),
    );
    expect([opened.status, opened.body.ticketId, opened.body.orderId, opened.body.status]).toEqual([201, t.id, o.orderId, 'REQUESTED']);
    expect((await answer(call('GET', `/tickets/${t.id}`, { token: o.buyer.token }))).body.returnId).toBe(opened.body.id);

    // or the ticket named on the return itself; a ticket about another order is refused
    const second = await answer(
      call('POST', '/returns', {
        token: o.buyer.token,
        body: { orderId: o.orderId, ticketId: t.id, items: [{ orderItemId: o.mug.itemId, quantity: 1 }], reason: 'DAMAGED' },
      }),
    );
    expect([second.status, second.body.ticketId]).toEqual([201, t.id]);
    const secondOrder = await fx.deliveredOrder(o.buyer);
    const elsewhere = (await open(o.buyer.token, { orderId: secondOrder.orderId })).body;
    const mismatch = await answer(
      call('POST', '/returns', {
        token: o.buyer.token,
        body: { orderId: o.orderId, ticketId: elsewhere.id, items: [{ orderItemId: o.tee.itemId, quantity: 1 }], reason: 'DAMAGED' },
      }),
    );
    expect([mismatch.status, mismatch.body.code, fields(mismatch.body)]).toEqual([400, 'LOGISTICS.TICKET_OTHER_ORDER', ['ticketId']]);
    const stranger = (await open(order.buyer.token, { orderId: order.orderId })).body;
    const foreignTicket = await answer(
      call('POST', '/returns', {
        token: o.buyer.token,
        body: { orderId: o.orderId, ticketId: stranger.id, items: [{ orderItemId: o.tee.itemId, quantity: 1 }], reason: 'DAMAGED' },
      }),
    );
    expect([foreignTicket.status, fields(foreignTicket.body)]).toEqual([404, ['ticketId']]);
  }, 90000);
});
