import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AlertingDb, AlertingPrismaClient } from '@suite/db/alerting';
import { createPrismaClient, databaseNameFor, databaseUrlFor, loadConfig, UnitOfWork } from '@suite/platform';
import { migrateAll } from '@suite/platform/infra';
import { AlertingConfig } from '../config';
import { DeliveryError } from './channels/channel-sender';
import { DeliveryRecorder } from './delivery/delivery-recorder';
import { notificationAttempts } from './delivery/delivery-metrics';
import { NotifyCommand, NotifyRequest } from './notify.command';
import { NotifyHandler } from './notify.handler';
import { RecipientsService } from './recipients/recipients.service';
import { TemplateResolver } from './templates/template-resolver';

/** The NotifyCommand handler and the attempt recorder against a migrated alerting database. */
describe('notify and record', () => {
  const env = { ...process.env, DATABASE_NAME_PREFIX: `int_${randomBytes(4).toString('hex')}_` };
  const config = loadConfig(AlertingConfig, { NOTIFY_RETRY_BASE_MS: '1000', NOTIFY_MAX_RETRIES: '2' });
  let db: AlertingDb;
  let handler: NotifyHandler;
  let recorder: DeliveryRecorder;
  const team = randomUUID();
  const [grower1, grower2, seller] = [randomUUID(), randomUUID(), randomUUID()];

  // A quiet window around now (UTC, the default zone), whatever the time the spec runs.
  const hhmm = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString().slice(11, 16);
  const request = (over: Partial<NotifyRequest> = {}): NotifyRequest => ({
    dedupKey: randomUUID(),
    kind: 'FIRING',
    alertIds: [randomUUID()],
    category: 'SENSOR',
    priority: 'LOW',
    eventType: 'evt.iot-telemetry.threshold.breached',
    recipients: [{ role: 'GROWER' }, { teamId: team }],
    variables: { title: 'Chamber 1 too hot', message: '31.5 °C' },
    ...over,
  });
  const rows = (key: string) =>
    db.notification.findMany({ where: { dedupKey: { startsWith: `${key}|` } }, orderBy: [{ userId: 'asc' }, { channel: 'asc' }] });

  beforeAll(async () => {
    await migrateAll(env, ['alerting']);
    db = createPrismaClient<AlertingDb>(AlertingPrismaClient, databaseUrlFor('alerting', env), 10);
    const uow = new UnitOfWork(db);
    handler = new NotifyHandler(uow, new RecipientsService(db), new TemplateResolver(), config);
    recorder = new DeliveryRecorder(uow, config, handler);
    await db.notificationRecipient.createMany({
      data: [
        { userId: grower1, email: 'g1@example.com', roles: ['GROWER'], teamIds: [team] },
        { userId: grower2, email: 'g2@example.com', roles: ['GROWER'], channels: ['EMAIL'], quietStart: hhmm(-60), quietEnd: hhmm(120) },
        { userId: seller, email: 's@example.com', roles: ['SELLER'], teamIds: [team], channels: ['SMS', 'IN_APP'] },
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    const admin = new URL(process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres');
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(
      `DROP DATABASE IF EXISTS ${client.escapeIdentifier(databaseNameFor('alerting', env.DATABASE_NAME_PREFIX))} WITH (FORCE)`,
    );
    await client.end();
  });

  it('resolves a role and a team to each user once, one row per preferred channel, holding a user in quiet hours', async () => {
    const r = request();
    await handler.execute(new NotifyCommand(r));
    const made = await rows(r.dedupKey);
    const byUser = (id: string) => made.filter((n) => n.userId === id).map((n) => [n.channel, n.status]);
    expect(byUser(grower1).sort()).toEqual([
      ['EMAIL', 'QUEUED'],
      ['IN_APP', 'QUEUED'],
    ]);
    expect(byUser(grower2)).toEqual([['EMAIL', 'PENDING']]);
    expect(byUser(seller).sort()).toEqual([
      ['IN_APP', 'QUEUED'],
      ['SMS', 'QUEUED'],
    ]);
    expect(made.find((n) => n.userId === grower1)).toMatchObject({
      subject: '[LOW] Chamber 1 too hot',
      body: '31.5 °C',
      alertId: r.alertIds[0],
    });
  });

  it('queues nothing twice for the same request, also when it runs twice at once', async () => {
    const r = request({ priority: 'CRITICAL' });
    const [a, b] = await Promise.all([handler.execute(new NotifyCommand(r)), handler.execute(new NotifyCommand(r))]);
    await handler.execute(new NotifyCommand(r));
    expect((await rows(r.dedupKey)).length).toBe(5);
    expect(a.length + b.length).toBe(5);
  });

  it('retries a transient failure with backoff, then fails and moves to the next channel', async () => {
    const r = request({ recipients: [{ userId: seller, channels: ['SMS'] }] });
    const [id] = await handler.execute(new NotifyCommand(r));
    const transient = new DeliveryError('gateway timeout', 'twilio', false);
    const counted = async (outcome: string) =>
      (await notificationAttempts.get()).values.find((v) => v.labels.outcome === outcome && v.labels.channel === 'SMS')?.value ?? 0;
    const [retryingBefore, failedBefore] = [await counted('retrying'), await counted('failed')];
    for (let attempt = 1; attempt <= 3; attempt++)
      await recorder.record(await db.notification.findUniqueOrThrow({ where: { id } }), transient, 5);
    const failed = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: 'FAILED', retryCount: 3, errorMessage: 'gateway timeout' });
    // What the notifications dashboard shows: two retries, then one final failure, on the SMS channel.
    expect([(await counted('retrying')) - retryingBefore, (await counted('failed')) - failedBefore]).toEqual([2, 1]);
    const attempts = await db.notificationAttempt.findMany({ where: { notificationId: id }, orderBy: { attempt: 'asc' } });
    expect(attempts.map((a) => [a.attempt, a.succeeded, a.provider])).toEqual([
      [1, false, 'twilio'],
      [2, false, 'twilio'],
      [3, false, 'twilio'],
    ]);
    const next = await db.notification.findMany({ where: { dedupKey: { startsWith: `${r.dedupKey}|` }, channel: { not: 'SMS' } } });
    expect(next.map((n) => [n.channel, n.status, (n.metadata as { fallbackFrom?: string }).fallbackFrom])).toEqual([
      ['IN_APP', 'QUEUED', id],
    ]);
  });

  it('marks a bounce for good at once, without retrying', async () => {
    const r = request({ recipients: [{ userId: grower1, channels: ['EMAIL'] }] });
    const [id] = await handler.execute(new NotifyCommand(r));
    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    await recorder.record(row, new DeliveryError('550 no such user', 'smtp', true, undefined, 'BOUNCED'), 3);
    expect(await db.notification.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'BOUNCED',
      retryCount: 0,
      nextRetryAt: null,
    });
  });
});
