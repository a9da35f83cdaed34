import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { publishLikeOutbox } from './event-publishing';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually, freePort, Running, startService } from './processes';
import { json, Stack, startStack } from './stack';

const BREACHED = 'evt.iot-telemetry.threshold.breached';
const CLEARED = 'evt.iot-telemetry.threshold.cleared';
const OFFLINE = 'evt.iot-telemetry.device.offline';
const ONLINE = 'evt.iot-telemetry.device.online';
const STOCK_LOW = 'evt.catalog.stock.low';
const ON_HOLD = 'evt.orders.order.on-hold';
const DURABLES: Record<string, [string, string]> = {
  'iot-telemetry': ['EVT_IOT_TELEMETRY', 'alerting__alerts-iot-telemetry'],
  catalog: ['EVT_CATALOG', 'alerting__alerts-catalog'],
  orders: ['EVT_ORDERS', 'alerting__alerts-orders'],
};

/**
 * Alerts from other services' events, through two alerting replicas: one open alert per fingerprint whatever the
 * concurrency, Alertmanager grouping (one notification-log row per recipient for a burst), auto-resolve, escalation
 * with and without an acknowledgment, silences, counting rules, validation and ownership.
 */
describe('alerting: rules, deduplicated alerts, grouping, escalation and silences', () => {
  let stack: Stack;
  let db: Client;
  let grower: Account;
  let other: Account;
  let admin: Account;
  let secondPort: number;
  const extra: Running[] = [];
  const client = identityClient(() => stack);
  const { call, account, root } = client;
  const body = async (r: Response) => ({ status: r.status, body: await json(r) });

  const publishAll = (subject: string, payloads: object[]) =>
    publishLikeOutbox(stack.nc, subject, payloads, [DURABLES[subject.split('.')[1]]], { timeoutMs: 60000 });
  const publish = (subject: string, payload: object) => publishAll(subject, [payload]);

  const createRule = async (token: string, rule: object) => {
    const r = await body(
      await call('POST', '/alert-rules', { token, body: { category: 'SENSOR', priority: 'HIGH', cooldownMinutes: 0, ...rule } }),
    );
    if (r.status !== 201) throw new Error(`rule: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const alertsOf = async (ruleId: string) =>
    (await db.query('SELECT * FROM alerts WHERE rule_id = $1 ORDER BY created_at, id', [ruleId])).rows;
  const logOf = async (ruleId: string, kind?: string) =>
    (
      await db.query(
        `SELECT l.* FROM alert_notification_log l WHERE l.request->'variables'->>'ruleId' = $1 ${kind ? 'AND l.kind = $2' : ''} ORDER BY sent_at`,
        kind ? [ruleId, kind] : [ruleId],
      )
    ).rows;
  const breach = (userId: string, ids: { thresholdId: string; deviceId: string; sensorId: string }, value = 31.2) => ({
    alertId: randomUUID(),
    ...ids,
    serialNumber: 'CH-1',
    userId,
    severity: 'HIGH',
    title: 'Chamber too hot',
    message: `temperature ${value} C above 30 C`,
    value,
    unit: 'C',
    threshold: { operator: 'GT', value: 30 },
    breachStartedAt: new Date().toISOString(),
    triggeredAt: new Date().toISOString(),
  });
  const ids = () => ({ thresholdId: randomUUID(), deviceId: randomUUID(), sensorId: randomUUID() });

  beforeAll(async () => {
    stack = await startStack(['identity', 'alerting'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      EVENT_RETRY_BACKOFF_MS: '100,200,500',
      ALERT_SCHEDULER_INTERVAL_MS: '200',
      ALERT_GROUP_WAIT_SECONDS: '1',
      ALERT_GROUP_INTERVAL_SECONDS: '1',
      // This spec counts the alerts of its own rules; the default ones are alerting-first-hour's subject.
      ALERT_DEFAULT_RULES: 'false',
    });
    db = await stack.db('alerting');
    // The second replica: same durables, same database.
    secondPort = await freePort();
    extra.push(startService('alerting', { ...stack.env, PORT: String(secondPort) }));
    [grower, other, admin] = [await account(['GROWER'], 'grower'), await account(['GROWER'], 'other'), await root()];
    const jsm = await jetstreamManager(stack.nc);
    await eventually(
      () => Promise.all(Object.values(DURABLES).map(([s, d]) => jsm.consumers.info(s, d).catch(() => undefined))),
      (infos) => infos.every((i) => i !== undefined && i.num_waiting >= 2),
      30000,
    );
  }, 120000);

  afterAll(async () => {
    await Promise.all(extra.map((r) => r.stop()));
    await stack?.stop();
  });

  it('500 concurrent events of one fingerprint across two replicas make one alert counting 500; its clearing resolves it', async () => {
    const rule = await createRule(grower.token, {
      name: 'Hot chamber',
      eventType: BREACHED,
      condition: { field: 'value', op: 'gt', value: 30 },
    });
    const subject = ids();
    await publishAll(
      BREACHED,
      Array.from({ length: 500 }, (_, i) => breach(grower.id, subject, 30.5 + i / 1000)),
    );
    const rows = await alertsOf(rule.id);
    expect(rows.map((a) => [a.occurrence_count, a.open_fingerprint !== null])).toEqual([[500, true]]);
    // Both replicas took part: the second one handled some of the events, not all of them.
    const metrics = await (await fetch(`http://127.0.0.1:${secondPort}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find(
        (l) =>
          l.startsWith('suite_event_consumer_handled_total') && l.includes('alerting__alerts-iot-telemetry') && l.includes('"handled"'),
      );
    const bySecond = Number(line?.split(' ').pop() ?? 0);
    expect([bySecond > 0, bySecond < 500]).toEqual([true, true]);
    const listed = await body(await call('GET', `/alerts?ruleId=${rule.id}`, { token: grower.token }));
    expect(listed.body.items.map((a: { occurrenceCount: number; deviceId: string }) => [a.occurrenceCount, a.deviceId])).toEqual([
      [500, subject.deviceId],
    ]);
    expect(
      (
        await db.query(
          "SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.alerting.alert.raised' AND payload->>'ruleId' = $1",
          [rule.id],
        )
      ).rows[0].n,
    ).toBe(1);

    // Notified after the group wait, then cleared by iot-telemetry's clearing event: RESOLVED, with a RESOLVED notification.
    await eventually(
      () => alertsOf(rule.id),
      (r) => r[0].status === 'SENT',
      10000,
    );
    await publish(CLEARED, {
      alertId: randomUUID(),
      ...subject,
      serialNumber: 'CH-1',
      userId: grower.id,
      value: 28,
      unit: 'C',
      resolvedAt: new Date().toISOString(),
    });
    const [resolved] = await alertsOf(rule.id);
    expect([resolved.status, resolved.open_fingerprint, resolved.resolved_at !== null]).toEqual(['RESOLVED', null, true]);
    expect((await logOf(rule.id, 'RESOLVED')).map((l) => [l.alert_ids, l.recipients])).toEqual([[[resolved.id], [{ userId: grower.id }]]]);
    expect(
      (
        await db.query(
          "SELECT count(*)::int AS n FROM outbox_event WHERE subject = 'evt.alerting.alert.resolved' AND payload->>'alertId' = $1",
          [resolved.id],
        )
      ).rows[0].n,
    ).toBe(1);

    // A new breach afterwards opens a new alert (the old one is closed).
    await publish(BREACHED, breach(grower.id, subject));
    const again = await alertsOf(rule.id);
    expect(again.map((a) => [a.status === 'RESOLVED', a.occurrence_count, a.open_fingerprint !== null])).toEqual([
      [true, 500, false],
      [false, 1, true],
    ]);
  }, 120000);

  it('a burst of 50 alerts of one group is one notification-log row per recipient', async () => {
    const teamId = randomUUID();
    const rule = await createRule(admin.token, {
      name: 'Stock low',
      category: 'BUSINESS',
      eventType: STOCK_LOW,
      condition: { field: 'stock', op: 'lt', value: 5 },
      recipients: [
        { type: 'USER', value: grower.id, channels: ['EMAIL'] },
        { type: 'ROLE', value: 'ADMIN' },
        { type: 'TEAM', value: teamId },
      ],
      groupWaitSeconds: 4,
      groupIntervalSeconds: 60,
    });
    await publishAll(
      STOCK_LOW,
      Array.from({ length: 50 }, () => ({ productId: randomUUID(), stock: 2, minStock: 10 })),
    );
    await publish(STOCK_LOW, { productId: randomUUID(), stock: 50, minStock: 10 }); // does not match
    const sent = await eventually(
      () => alertsOf(rule.id),
      (r) => r.length === 50 && r.every((a) => a.status === 'SENT'),
      15000,
    );
    const log = await logOf(rule.id);
    expect(log.map((l) => [l.kind, l.recipients[0], l.alert_ids.length])).toEqual(
      expect.arrayContaining([
        ['FIRING', { userId: grower.id, channels: ['EMAIL'] }, 50],
        ['FIRING', { role: 'ADMIN' }, 50],
        ['FIRING', { teamId }, 50],
      ]),
    );
    expect(log).toHaveLength(3);
    expect(new Set(log.flatMap((l) => l.alert_ids))).toEqual(new Set(sent.map((a) => a.id)));
  }, 60000);

  it("an OWNER recipient tells each grower of their own devices' alerts, once, and a grower named twice once", async () => {
    const rule = await createRule(admin.token, {
      name: 'Any chamber too hot',
      eventType: BREACHED,
      condition: { field: 'value', op: 'gt', value: 40 },
      groupBy: ['deviceId'],
      recipients: [
        { type: 'OWNER', channels: ['IN_APP'] },
        { type: 'USER', value: other.id, channels: ['IN_APP'] },
        { type: 'ROLE', value: 'ADMIN' },
      ],
    });
    expect(rule.recipients).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'OWNER', value: '' })]));
    const [mine, theirs] = [ids(), ids()];
    await publishAll(BREACHED, [breach(grower.id, mine, 41), breach(grower.id, mine, 42), breach(other.id, theirs, 43)]);
    await eventually(
      () => alertsOf(rule.id),
      (r) => r.length === 2 && r.every((a) => a.status === 'SENT'),
      15000,
    );
    const log = await logOf(rule.id, 'FIRING');
    const told = (deviceId: string) =>
      log
        .filter((l) => l.group_key.includes(deviceId))
        .map((l) => l.recipients[0])
        .sort((a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    // The grower of `mine` as its owner; `theirs`' owner is `other`, also named directly: one row for them.
    expect(told(mine.deviceId)).toEqual(
      [{ role: 'ADMIN' }, { userId: grower.id, channels: ['IN_APP'] }, { userId: other.id, channels: ['IN_APP'] }].sort((a, b) =>
        JSON.stringify(a).localeCompare(JSON.stringify(b)),
      ),
    );
    expect(told(theirs.deviceId)).toEqual([{ role: 'ADMIN' }, { userId: other.id, channels: ['IN_APP'] }]);
    // OWNER needs no value; another type still does.
    const refused = await body(
      await call('POST', '/alert-rules', {
        token: admin.token,
        body: {
          name: 'x',
          category: 'SENSOR',
          priority: 'HIGH',
          eventType: BREACHED,
          condition: { field: 'value', op: 'gt', value: 1 },
          recipients: [{ type: 'USER' }],
        },
      }),
    );
    expect([refused.status, refused.body.errors.map((e: { field: string }) => e.field)]).toEqual([400, ['recipients[0].value']]);
  }, 60000);

  it('escalates an alert nobody acknowledges and not one that was acknowledged', async () => {
    const policy = await body(
      await call('POST', '/escalation-policies', {
        token: admin.token,
        body: { name: 'On call', steps: [{ waitMinutes: 0.05, recipients: [{ type: 'ROLE', value: 'SUPPORT', channels: ['SMS'] }] }] },
      }),
    );
    expect(policy.status).toBe(201);
    const rule = await createRule(admin.token, {
      name: 'Device offline',
      eventType: OFFLINE,
      condition: { field: 'deviceId', op: 'exists' },
      recipients: [{ type: 'USER', value: admin.id }],
      escalationPolicyId: policy.body.id,
      groupWaitSeconds: 0,
    });
    const [a, b] = [randomUUID(), randomUUID()];
    await publishAll(
      OFFLINE,
      [a, b].map((deviceId) => ({
        deviceId,
        serialNumber: 'CH-2',
        userId: grower.id,
        lastSeen: null,
        heartbeatTimeoutSeconds: 60,
        at: new Date().toISOString(),
      })),
    );
    const sent = await eventually(
      () => alertsOf(rule.id),
      (r) => r.length === 2 && r.every((x) => x.status === 'SENT'),
      10000,
    );
    const [alertA, alertB] = [sent.find((x) => x.device_id === a), sent.find((x) => x.device_id === b)];
    const ack = await body(await call('POST', `/alerts/${alertA.id}/acknowledge`, { token: admin.token, body: { note: 'on my way' } }));
    expect([ack.status, ack.body.status, ack.body.acknowledgments.map((k: { note: string }) => k.note)]).toEqual([
      201,
      'ACKNOWLEDGED',
      ['on my way'],
    ]);
    const escalated = await eventually(
      () => alertsOf(rule.id),
      (r) => r.find((x) => x.id === alertB.id)?.status === 'ESCALATED',
      15000,
    );
    expect(escalated.find((x) => x.id === alertB.id).escalated_at).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    const after = await alertsOf(rule.id);
    const A = after.find((x) => x.id === alertA.id);
    expect([A.status, A.escalated_at]).toEqual(['ACKNOWLEDGED', null]);
    expect((await logOf(rule.id, 'ESCALATED')).map((l) => [l.alert_ids, l.recipients])).toEqual([
      [[alertB.id], [{ role: 'SUPPORT', channels: ['SMS'] }]],
    ]);
    // Device B back online: resolved.
    await publish(ONLINE, { deviceId: b, serialNumber: 'CH-2', userId: grower.id, at: new Date().toISOString() });
    expect((await alertsOf(rule.id)).find((x) => x.id === alertB.id).status).toBe('RESOLVED');
  }, 60000);

  it('a silence stores matching alerts without notifying them, and lets them through once it expires by itself', async () => {
    const rule = await createRule(grower.token, {
      name: 'Hot (silenced)',
      eventType: BREACHED,
      condition: { field: 'value', op: 'gt', value: 30 },
    });
    const subject = ids();
    const silence = await body(
      await call('POST', '/silences', {
        token: grower.token,
        body: {
          matchers: { deviceId: subject.deviceId },
          endsAt: new Date(Date.now() + 5000).toISOString(),
          comment: 'cleaning the chamber',
        },
      }),
    );
    expect([silence.status, silence.body.active, silence.body.createdBy]).toEqual([201, true, grower.id]);
    const otherSubject = ids();
    await publishAll(BREACHED, [breach(grower.id, subject), breach(grower.id, otherSubject)]);
    const stored = await eventually(
      () => alertsOf(rule.id),
      (r) => r.length === 2 && r.some((x) => x.status === 'SENT'),
      10000,
    );
    const held = stored.find((x) => x.device_id === subject.deviceId);
    expect([held.status, held.silence_id]).toEqual(['SUPPRESSED', silence.body.id]);
    expect((await logOf(rule.id)).flatMap((l) => l.alert_ids)).not.toContain(held.id);
    // The silence ends on its own: the alert it held back is notified.
    await eventually(
      () => logOf(rule.id),
      (l) => l.some((x) => x.alert_ids.includes(held.id)),
      15000,
    );
    expect((await alertsOf(rule.id)).find((x) => x.id === held.id).status).toBe('SENT');
    expect((await body(await call('GET', `/silences/${silence.body.id}`, { token: grower.token }))).body.active).toBe(false);
  }, 60000);

  it('an acknowledgment that expires and a snooze that ends both bring a still-open alert back with a REMINDER', async () => {
    const rule = await createRule(grower.token, {
      name: 'Hot (ack, snooze)',
      eventType: BREACHED,
      condition: { field: 'value', op: 'gt', value: 30 },
      groupWaitSeconds: 0,
    });
    const [one, two] = [ids(), ids()];
    await publishAll(BREACHED, [breach(grower.id, one), breach(grower.id, two)]);
    const sent = await eventually(
      () => alertsOf(rule.id),
      (r) => r.length === 2 && r.every((x) => x.status === 'SENT'),
      10000,
    );
    const [acked, snoozed] = [sent.find((x) => x.device_id === one.deviceId), sent.find((x) => x.device_id === two.deviceId)];
    const ack = await body(
      await call('POST', `/alerts/${acked.id}/acknowledge`, { token: grower.token, body: { note: 'venting', expiresInMinutes: 0.03 } }),
    );
    expect([ack.body.status, ack.body.acknowledgments[0].expiresAt !== null]).toEqual(['ACKNOWLEDGED', true]);
    const until = new Date(Date.now() + 2000).toISOString();
    const snooze = await body(await call('POST', `/alerts/${snoozed.id}/snooze`, { token: grower.token, body: { until } }));
    expect([snooze.body.status, snooze.body.snoozedUntil]).toEqual(['SNOOZED', until]);
    const past = await body(
      await call('POST', `/alerts/${snoozed.id}/snooze`, { token: grower.token, body: { until: '2020-01-01T00:00:00Z' } }),
    );
    expect([past.status, past.body.errors[0].field]).toEqual([400, 'until']);
    const reminders = await eventually(
      () => logOf(rule.id, 'REMINDER'),
      (l) => l.length === 2,
      15000,
    );
    expect(reminders.map((l) => l.alert_ids[0]).sort()).toEqual([acked.id, snoozed.id].sort());
    expect((await alertsOf(rule.id)).map((a) => a.status)).toEqual(['SENT', 'SENT']);
  }, 60000);

  it('a counting rule fires on the third on-hold order of one store within its window', async () => {
    const rule = await createRule(admin.token, {
      name: 'Orders piling up on hold',
      category: 'ORDER',
      eventType: ON_HOLD,
      condition: {
        all: [{ field: 'reason', op: 'eq', value: 'STOCK_UNAVAILABLE' }, { count: { atLeast: 3, withinMinutes: 10, by: 'storeId' } }],
      },
    });
    const [storeA, storeB] = [randomUUID(), randomUUID()];
    const order = (storeId: string) => ({
      orderId: randomUUID(),
      orderCode: 'ABCDEFGHJ',
      orderNumber: 'N-1',
      status: 'ON_HOLD',
      storeId,
      userId: null,
      total: '10.00',
      currency: 'PHP',
      reason: 'STOCK_UNAVAILABLE',
    });
    await publishAll(ON_HOLD, [order(storeA), order(storeA), order(storeB)]);
    expect(await alertsOf(rule.id)).toEqual([]);
    await publish(ON_HOLD, order(storeA));
    const rows = await alertsOf(rule.id);
    expect(rows.map((a) => [a.store_id, a.fingerprint])).toEqual([[storeA, `${rule.id}|storeId=${storeA}`]]);
  }, 60000);

  it('refuses an invalid condition with a 400 naming its path, and checks ownership (404 for another grower)', async () => {
    const bad = await body(
      await call('POST', '/alert-rules', {
        token: grower.token,
        body: {
          name: 'x',
          category: 'SENSOR',
          priority: 'LOW',
          eventType: BREACHED,
          condition: {
            all: [
              { field: 'value', op: 'gt', value: 1 },
              { field: 'value', op: 'between', value: 2 },
            ],
          },
        },
      }),
    );
    expect([bad.status, bad.body.code, bad.body.errors.map((e: { field: string }) => e.field)]).toEqual([
      400,
      'ALERTING.INVALID_CONDITION',
      ['condition.all[1].op'],
    ]);
    const nested = await body(
      await call('POST', '/alert-rules', {
        token: grower.token,
        body: {
          name: 'x',
          category: 'SENSOR',
          priority: 'LOW',
          eventType: BREACHED,
          condition: { any: [{ count: { atLeast: 2, withinMinutes: 1 } }] },
        },
      }),
    );
    expect([nested.status, nested.body.errors[0].field]).toEqual([400, 'condition.any[0].count']);

    const rule = await createRule(grower.token, { name: 'Mine', eventType: BREACHED, condition: { field: 'value', op: 'gt', value: 30 } });
    // Another grower's device breaching does not reach this grower's rule; their own does.
    await publishAll(BREACHED, [breach(other.id, ids()), breach(grower.id, ids())]);
    const [alert] = await alertsOf(rule.id);
    expect((await alertsOf(rule.id)).map((a) => a.owner_user_id)).toEqual([grower.id]);
    for (const [method, path] of [
      ['GET', `/alerts/${alert.id}`],
      ['POST', `/alerts/${alert.id}/acknowledge`],
      ['GET', `/alert-rules/${rule.id}`],
      ['PATCH', `/alert-rules/${rule.id}`],
      ['DELETE', `/alert-rules/${rule.id}`],
    ]) {
      const r = await call(method, path, { token: other.token, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect([method, path, r.status]).toEqual([method, path, 404]);
    }
    expect((await body(await call('GET', `/alerts?ruleId=${rule.id}`, { token: other.token }))).body.items).toEqual([]);
    expect((await body(await call('GET', `/alerts/${alert.id}`, { token: admin.token }))).status).toBe(200);
    expect((await body(await call('GET', `/alerts/${alert.id}`, { token: grower.token }))).body.ownerUserId).toBeUndefined();
    const deleted = await call('DELETE', `/alert-rules/${rule.id}`, { token: grower.token });
    expect(deleted.status).toBe(200);
    expect((await call('GET', `/alert-rules/${rule.id}`, { token: grower.token })).status).toBe(404);
    expect((await db.query('SELECT is_deleted FROM alert_rules WHERE id = $1', [rule.id])).rows[0].is_deleted).toBe(true);
  }, 60000);
  it('keeps a pending group wait across a restart of every replica: the timer lives in the database', async () => {
    const rule = await createRule(grower.token, {
      name: 'Hot (restart)',
      eventType: BREACHED,
      condition: { field: 'value', op: 'gt', value: 30 },
      groupWaitSeconds: 3,
    });
    await publish(BREACHED, breach(grower.id, ids()));
    expect((await alertsOf(rule.id)).map((a) => a.status)).toEqual(['PENDING']);
    for (const replica of [stack.services.alerting, ...extra]) replica.child.kill('SIGKILL');
    extra.push(startService('alerting', { ...stack.env, PORT: String(await freePort()) }));
    const [alert] = await eventually(
      () => alertsOf(rule.id),
      (r) => r[0].status === 'SENT',
      60000,
    );
    expect((await logOf(rule.id, 'FIRING')).map((l) => l.alert_ids)).toEqual([[alert.id]]);
  }, 90000);
});
