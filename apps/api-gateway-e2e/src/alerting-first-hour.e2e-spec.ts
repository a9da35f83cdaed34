import { Client } from 'pg';
import { DeviceBridge } from '@suite/contracts/iot-telemetry';
import { freePort, startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '@suite/platform/testing';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually, startService } from './processes';
import { Stack, startStack } from './stack';

/**
 * A fresh install's first hour, the README's way: nothing configured in alerting, a grower registers a chamber and
 * its 28 °C threshold, the chamber overheats, and the seeded admin hears of it by mail and in the app through the
 * default "Chamber threshold breached" rule; then the Alerting section's walk-through (acknowledge, silence, a rule
 * of one's own) on the same alert.
 */
describe('alerting: the first hour on a fresh install', () => {
  const mails: ReceivedMail[] = [];
  let smtp: TestSmtpServer;
  let stack: Stack;
  let db: Client;
  let admin: Account;
  let grower: Account;
  const { call, account, root } = identityClient(() => stack);

  const send = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await call(method, path, { token, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  /** Readings as the device bridge receives them (NATS subject iot.dev.<serial>.telemetry). */
  const publish = (serial: string, token: string, value: number, secondsAgo: number) =>
    stack.nc.publish(
      DeviceBridge.telemetry(serial),
      JSON.stringify({
        token,
        sensor: 'temperature',
        value,
        ts: new Date(Math.floor(Date.now() / 1000) * 1000 - secondsAgo * 1000).toISOString(),
      }),
    );
  const chamber = async (serial: string) => {
    const created = await send('POST', '/devices', grower.token, {
      name: `Chamber ${serial}`,
      type: 'MUSHROOM_CHAMBER',
      serialNumber: serial,
      heartbeatTimeoutSeconds: 3600,
      sensors: [{ name: 'temperature', type: 'temperature', unit: '°C', minValue: 0, maxValue: 50 }],
    });
    expect(created.status).toBe(201);
    const sensorId = created.body.sensors[0].id as string;
    const threshold = await send('POST', `/sensors/${sensorId}/thresholds`, grower.token, { operator: 'ABOVE', value: 28, hysteresis: 1 });
    expect(threshold.status).toBe(201);
    return { id: created.body.id as string, serial, credential: created.body.credential as string, sensorId };
  };
  const alertsOf = async (token: string, deviceId: string) =>
    ((await send('GET', '/alerts?limit=100', token)).body.items as any[]).filter((a) => a.deviceId === deviceId);

  beforeAll(async () => {
    smtp = await startTestSmtpServer({ port: await freePort(), messages: mails });
    stack = await startStack(['identity', 'iot-telemetry', 'alerting'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      SMTP_URL: smtp.url,
      INGEST_FLUSH_MS: '20',
      NOTIFY_POLL_MS: '100',
      ALERT_SCHEDULER_INTERVAL_MS: '200',
      NATS_REQUEST_TIMEOUT_MS: '20000',
    });
    db = await stack.db('alerting');
    admin = await root();
    grower = await account(['GROWER'], 'grower');
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp?.stop();
  });

  it('seeds the default rules once, and knows the seeded admin by email and role without any request of theirs', async () => {
    const rules = await db.query('SELECT name, event_type, created_by, owned_only FROM alert_rules ORDER BY name');
    expect(rules.rows).toEqual([
      { name: 'Chamber threshold breached', event_type: 'evt.iot-telemetry.threshold.breached', created_by: 'system', owned_only: false },
      { name: 'Device offline', event_type: 'evt.iot-telemetry.device.offline', created_by: 'system', owned_only: false },
    ]);
    const recipients = await db.query('SELECT type, value, channels FROM alert_rule_recipients ORDER BY value');
    expect(recipients.rows).toHaveLength(4);
    expect(recipients.rows[0]).toEqual({ type: 'ROLE', value: 'ADMIN', channels: ['EMAIL', 'IN_APP'] });
    // Before the admin calls alerting at all: the registration event carried email and roles.
    const known = await eventually(
      () => db.query('SELECT email, roles FROM notification_recipients WHERE "userId" = $1', [admin.id]),
      (r) => r.rows.length === 1,
      15000,
    );
    expect(known.rows[0]).toEqual({ email: ROOT.email, roles: ['SUPER_ADMIN', 'USER'] });

    // A second replica starting on the same database (a restart, too) adds nothing.
    const port = await freePort();
    const replica = startService('alerting', { ...stack.env, PORT: String(port) });
    try {
      // Ready comes after every module's bootstrap hook, the seeder's included.
      await eventually(
        () =>
          fetch(`http://127.0.0.1:${port}/health/ready`).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
        90000,
      );
    } finally {
      await replica.stop();
    }
    expect((await db.query('SELECT count(*)::int AS n FROM alert_rules')).rows[0].n).toBe(2);
    expect((await db.query('SELECT count(*)::int AS n FROM alert_rule_recipients')).rows[0].n).toBe(4);
    const listed = await send('GET', '/alert-rules', admin.token);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { name: string }) => r.name).sort()).toEqual(['Chamber threshold breached', 'Device offline']);
  });

  it('raises an alert for an overheating chamber and tells the admin by mail and in the app, once, and resolves it when it cools', async () => {
    const d = await chamber(`CH-${Date.now()}`);
    for (const [value, ago] of [
      [29.5, 40],
      [30.1, 30],
      [30.8, 20],
    ])
      publish(d.serial, d.credential, value, ago);

    // One alert, deduplicated: three breaching readings are one breach of one threshold.
    const [alert] = await eventually(
      () => alertsOf(admin.token, d.id),
      (a) => a.length === 1 && a[0].status === 'SENT',
      30000,
    );
    expect(alert).toMatchObject({
      category: 'SENSOR',
      priority: 'HIGH',
      eventType: 'evt.iot-telemetry.threshold.breached',
      sensorId: d.sensorId,
    });
    // The grower sees the alert of their own chamber.
    expect((await alertsOf(grower.token, d.id)).map((a) => a.id)).toEqual([alert.id]);

    const mail = await eventually(
      async () => mails.filter((m) => m.envelopeTo.includes(ROOT.email)),
      (m) => m.length >= 1,
      20000,
    );
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain('[HIGH]');

    const inbox = await send('GET', '/notifications', admin.token);
    expect(inbox.status).toBe(200);
    const inApp = inbox.body.items.filter((n: { channel: string }) => n.channel === 'IN_APP');
    expect(inApp).toHaveLength(1);
    expect(inApp[0]).toMatchObject({ alertId: alert.id, status: 'DELIVERED', readAt: null });
    expect(inbox.body.unreadCount).toBe(1);
    const stored = await db.query('SELECT channel, status, "recipientEmail" FROM notifications WHERE "alertId" = $1 ORDER BY channel', [
      alert.id,
    ]);
    expect(stored.rows).toEqual([
      { channel: 'EMAIL', status: 'SENT', recipientEmail: ROOT.email },
      { channel: 'IN_APP', status: 'DELIVERED', recipientEmail: ROOT.email },
    ]);

    // Back below 28 - 1 (the hysteresis): iot-telemetry clears its alert, alerting resolves this one.
    publish(d.serial, d.credential, 24.2, 5);
    await eventually(
      () => send('GET', `/alerts/${alert.id}`, admin.token),
      (r) => r.body.status === 'RESOLVED',
      30000,
    );
    const resolvedMail = await eventually(
      async () => mails.filter((m) => m.envelopeTo.includes(ROOT.email)),
      (m) => m.length === 2,
      20000,
    );
    expect(resolvedMail[1].subject).toContain('[HIGH]');
  });

  it("follows the README walk-through: a rule of one's own, acknowledge, silence a chamber", async () => {
    const d = await chamber(`CH-${Date.now()}-b`);
    const own = await send('POST', '/alert-rules', admin.token, {
      name: 'Hot chamber',
      category: 'SENSOR',
      priority: 'CRITICAL',
      eventType: 'evt.iot-telemetry.threshold.breached',
      condition: { field: 'value', op: 'gte', value: 30 },
      deviceId: d.id,
      cooldownMinutes: 10,
      recipients: [{ type: 'ROLE', value: 'SUPER_ADMIN', channels: ['IN_APP'] }],
    });
    expect(own.status).toBe(201);
    const mailsBefore = mails.length;
    publish(d.serial, d.credential, 31, 10);
    const raised = await eventually(
      () => alertsOf(admin.token, d.id),
      (a) => a.length === 2 && a.every((x) => x.status === 'SENT'),
      30000,
    );
    const alert = raised.find((a) => a.ruleId !== own.body.id)!;
    const mine = raised.find((a) => a.ruleId === own.body.id)!;
    expect(mine).toMatchObject({ priority: 'CRITICAL', occurrenceCount: 1 });
    // Its own rule tells the admin in the app only: one mail (the default rule's), two in-app notifications.
    await eventually(
      async () => mails.length,
      (n) => n === mailsBefore + 1,
      20000,
    );
    const inApp = await db.query(`SELECT "alertId" FROM notifications WHERE channel = 'IN_APP' AND "alertId" = ANY($1::text[])`, [
      [alert.id, mine.id],
    ]);
    expect(inApp.rows).toHaveLength(2);

    const acked = await send('POST', `/alerts/${alert.id}/acknowledge`, admin.token, { note: 'fans restarted' });
    expect(acked.status).toBe(201);
    expect(acked.body).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgments: [expect.objectContaining({ note: 'fans restarted' })] });

    // A silence on the chamber: its next breach is stored, but nobody is told.
    const silence = await send('POST', '/silences', admin.token, {
      matchers: { deviceId: d.id },
      endsAt: new Date(Date.now() + 3600_000).toISOString(),
      comment: 'maintenance',
    });
    expect(silence.status).toBe(201);
    publish(d.serial, d.credential, 24, 8); // clears: both alerts resolve, the mailed one with a RESOLVED mail
    await eventually(
      () => Promise.all([alert.id, mine.id].map((id) => send('GET', `/alerts/${id}`, admin.token))),
      (r) => r.every((x) => x.body.status === 'RESOLVED'),
      30000,
    );
    await eventually(
      async () => mails.length,
      (n) => n === mailsBefore + 2,
      20000,
    );
    publish(d.serial, d.credential, 32, 3); // breaches again
    const again = await eventually(
      () => alertsOf(admin.token, d.id),
      (a) => a.length === 4,
      30000,
    );
    const fresh = again.filter((x) => x.id !== alert.id && x.id !== mine.id);
    expect(fresh.map((x) => x.status)).toEqual(['SUPPRESSED', 'SUPPRESSED']);
    expect(fresh.find((x) => x.ruleId === alert.ruleId)).toMatchObject({ silenceId: silence.body.id });
    await new Promise((resolve) => setTimeout(resolve, 7000)); // past the 5 s group wait
    expect(mails.length).toBe(mailsBefore + 2);
    const told = await db.query('SELECT count(*)::int AS n FROM notifications WHERE "alertId" = ANY($1::text[])', [fresh.map((x) => x.id)]);
    expect(told.rows[0].n).toBe(0);

    // The grower's own rule: humidity of their chambers; a bad condition is refused naming its path.
    const bad = await send('POST', '/alert-rules', grower.token, {
      name: 'Dry chamber',
      category: 'SENSOR',
      priority: 'MEDIUM',
      eventType: 'evt.iot-telemetry.threshold.breached',
      condition: { all: [{ field: 'value', op: 'less', value: 80 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('condition.all[0].op');
  });
});
