import { createECDH, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import webpush from 'web-push';
import { freePort, startService, startTestSmtpServer, type ReceivedMail, type TestSmtpServer } from '@suite/platform/testing';
import { PushFake } from './fakes/push-fake';
import { SemaphoreFake } from './fakes/semaphore-fake';
import { TwilioFake } from './fakes/twilio-fake';
import { WebhookReceiver } from './fakes/webhook-receiver';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { Stack, startStack } from './stack';

/**
 * Notifications through the gateway, with the real alerting process: the database-backed queue and its
 * retries (SMTP down, alerting restarted), each channel against a local fake that checks what a real
 * provider checks, delivery callbacks, preferences and quiet hours, templates, ownership.
 */
describe('alerting notifications through the gateway', () => {
  const vapid = webpush.generateVAPIDKeys();
  const semaphore = new SemaphoreFake();
  const twilio = new TwilioFake();
  const push = new PushFake(vapid.publicKey);
  const receiver = new WebhookReceiver('whsec_receiver_0123456789');
  const mails: ReceivedMail[] = [];
  let smtpPort: number;
  let smtp: TestSmtpServer | undefined;
  let stack: Stack;
  let db: Client;
  let admin: Account;
  const { call, account, root } = identityClient(() => stack);

  const send = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
    const response = await call(method, path, { token: admin.token, ...options });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  };
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);
  const smtpUp = async () => (smtp = await startTestSmtpServer({ port: smtpPort, messages: mails }));
  const smtpDown = async () => {
    await smtp?.stop();
    smtp = undefined;
  };
  const notification = async (id: string) => (await db.query('SELECT * FROM notifications WHERE id = $1', [id])).rows[0];
  const attempts = async (id: string) =>
    (await db.query('SELECT * FROM notification_attempts WHERE "notificationId" = $1 ORDER BY attempt', [id])).rows;
  const until = <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15000) => eventually(fn, ok, ms);
  const statusOf = (id: string, wanted: string[], ms?: number) =>
    until(
      () => notification(id),
      (n) => wanted.includes(n?.status),
      ms,
    );
  const test = async (body: Record<string, unknown>) => {
    const sent = await send('POST', '/notifications/test', { body });
    expect(sent.status).toBe(201);
    return sent.body.notificationIds as string[];
  };
  /** A user known to alerting (their registration event has arrived) with these preferences. */
  const user = async (label: string, preferences: Record<string, unknown> = {}) => {
    const a = await account(['USER'], label);
    await until(
      () => db.query('SELECT email FROM notification_recipients WHERE "userId" = $1', [a.id]),
      (r) => r.rows[0]?.email === a.email,
    );
    const updated = await send('PUT', '/notification-preferences', { token: a.token, body: preferences });
    expect(updated.status).toBe(200);
    return a;
  };

  beforeAll(async () => {
    smtpPort = await freePort();
    await smtpUp();
    await Promise.all([semaphore.start(), twilio.start(), push.start(), receiver.start()]);
    stack = await startStack(['identity', 'alerting'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SEMAPHORE_API_URL: semaphore.base,
      SEMAPHORE_API_KEY: semaphore.apiKey,
      SEMAPHORE_SENDER_NAME: 'SUITE',
      TWILIO_API_URL: twilio.base,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: '+15005550006',
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: 'mailto:ops@suite.test',
      // Push services are HTTPS only: alerting trusts the fake's self-signed certificate.
      NODE_EXTRA_CA_CERTS: push.caFile,
      NOTIFY_POLL_MS: '100',
      NOTIFY_RETRY_BASE_MS: '300',
      NOTIFY_RETRY_MAX_MS: '1500',
      NOTIFY_MAX_RETRIES: '10',
      NOTIFY_LEASE_MS: '3000',
      // Registration and sign-in hash passwords; on a loaded CI machine the platform's 3 s is too tight.
      NATS_REQUEST_TIMEOUT_MS: '20000',
    });
    db = await stack.db('alerting');
    admin = await root();
  });

  afterAll(async () => {
    await stack?.stop();
    await smtpDown();
    await Promise.all([semaphore.stop(), twilio.stop(), push.stop(), receiver.stop()]);
  });

  describe('EMAIL and the queue', () => {
    it('retries while the mail server is down and delivers every mail exactly once when it is back', async () => {
      const u = await user('mail');
      await smtpDown();
      const ids = (await Promise.all([1, 2, 3, 4, 5].map((i) => test({ userId: u.id, channel: 'EMAIL', title: `Outage ${i}` })))).flat();
      expect(ids).toHaveLength(5);
      for (const id of ids) await statusOf(id, ['RETRYING']);
      await until(
        () => attempts(ids[0]),
        (a) => a.length >= 2,
      );
      const failed = await attempts(ids[0]);
      expect(failed[0]).toMatchObject({ provider: 'smtp', succeeded: false, attempt: 1 });
      expect(failed[0].errorMessage).toBeTruthy();
      await smtpUp();
      for (const id of ids) await statusOf(id, ['SENT']);
      for (let i = 1; i <= 5; i++) expect(mails.filter((m) => m.subject === `[LOW] Outage ${i}` && m.to === u.email)).toHaveLength(1);
      const row = await notification(ids[0]);
      expect(row).toMatchObject({ provider: 'smtp', channel: 'EMAIL', recipientEmail: u.email });
      expect(row.retryCount).toBeGreaterThanOrEqual(1);
      expect(row.providerMessageId).toMatch(/@/);
      const log = await attempts(ids[0]);
      expect(log[log.length - 1]).toMatchObject({ succeeded: true, providerMessageId: row.providerMessageId });
      // Nothing more arrives later: none twice.
      await new Promise((r) => setTimeout(r, 800));
      expect(mails.filter((m) => m.subject.startsWith('[LOW] Outage') && m.to === u.email)).toHaveLength(5);
    });

    it('delivers a mail that was retrying when alerting restarted', async () => {
      const u = await user('restart');
      await smtpDown();
      const [id] = await test({ userId: u.id, channel: 'EMAIL', title: 'Across a restart' });
      await statusOf(id, ['RETRYING']);
      await stack.services.alerting.stop();
      await smtpUp();
      stack.services.alerting = startService('alerting', { ...stack.env, PORT: String(await freePort()) });
      await statusOf(id, ['SENT'], 30000);
      expect(mails.filter((m) => m.subject === '[LOW] Across a restart')).toHaveLength(1);
    });

    it('uses a saved template and refuses one with an unknown variable, naming it', async () => {
      const bad = await send('POST', '/notification-templates', {
        body: { name: 'bad', eventType: 'notification.test', channel: 'EMAIL', subject: '{{title}}', body: 'Hello {{firstName}}' },
      });
      expect(bad.status).toBe(400);
      expect(bad.type).toMatch(/problem\+json/);
      expect(fields(bad.body)).toEqual(['body']);
      expect(bad.body.errors[0].messages[0]).toContain('"firstName"');
      const good = await send('POST', '/notification-templates', {
        body: {
          name: 'test mail',
          eventType: 'notification.test',
          channel: 'EMAIL',
          subject: 'Check: {{title}} ({{priority}})',
          body: '{{message}} via {{channel}}',
        },
      });
      expect(good.status).toBe(201);
      const again = await send('POST', '/notification-templates', {
        body: { name: 'dup', eventType: 'notification.test', channel: 'EMAIL', body: 'x' },
      });
      expect(again.status).toBe(409);
      const u = await user('tpl');
      const [id] = await test({ userId: u.id, channel: 'EMAIL', title: 'Templated', message: 'All good' });
      await statusOf(id, ['SENT']);
      expect(mails.find((m) => m.to === u.email && m.subject.startsWith('Check:'))).toMatchObject({
        subject: 'Check: Templated (LOW)',
        text: 'All good via EMAIL',
      });
      expect((await notification(id)).templateId).toBe(good.body.id);
      expect((await send('DELETE', `/notification-templates/${good.body.id}`)).status).toBe(200);
    });
  });

  describe('SMS', () => {
    it('sends +63 numbers through Semaphore and applies its signed delivery report, refusing a bad signature', async () => {
      const u = await user('sema', { phone: '+639171234567' });
      const [id] = await test({ userId: u.id, channel: 'SMS', title: 'Chamber hot' });
      const sent = await statusOf(id, ['SENT']);
      const message = semaphore.messages.find((m) => m.number === '639171234567');
      expect(message).toMatchObject({ sendername: 'SUITE' });
      expect(message!.message).toContain('Chamber hot');
      expect(sent).toMatchObject({ provider: 'semaphore', providerMessageId: String(message!.message_id) });
      const forged = semaphore.report(message!.message_id, 'Delivered', 'not-the-key');
      const refusedWithBody = await fetch(`${stack.base}/api/v1/sms/status/semaphore`, {
        method: 'POST',
        headers: forged.headers,
        body: forged.body,
      });
      expect(refusedWithBody.status).toBe(401);
      expect((await notification(id)).status).toBe('SENT');
      const good = semaphore.report(message!.message_id, 'Delivered');
      const applied = await fetch(`${stack.base}/api/v1/sms/status/semaphore`, { method: 'POST', headers: good.headers, body: good.body });
      expect([applied.status, await applied.json()]).toEqual([200, { received: true, applied: true }]);
      expect(await notification(id)).toMatchObject({ status: 'DELIVERED' });
    });

    it('sends other numbers through Twilio; a signed "failed" status fails it over to in-app, a forged one changes nothing', async () => {
      const u = await user('twilio', { phone: '+14155550123', channels: ['IN_APP'] });
      const [id] = await test({ userId: u.id, channel: 'SMS', title: 'Payment failed' });
      const sent = await statusOf(id, ['SENT']);
      const message = twilio.messages.find((m) => m.to === '+14155550123')!;
      expect(message).toMatchObject({ from: '+15005550006' });
      expect(sent).toMatchObject({ provider: 'twilio', providerMessageId: message.sid });
      const url = `${stack.base}/api/v1/sms/status/twilio`;
      const forged = twilio.callback(url, message.sid, 'delivered', 'wrong-token');
      expect((await fetch(url, { method: 'POST', headers: forged.headers, body: forged.body })).status).toBe(401);
      expect((await notification(id)).status).toBe('SENT');
      const failed = twilio.callback(url, message.sid, 'failed');
      const applied = await fetch(url, { method: 'POST', headers: failed.headers, body: failed.body });
      expect([applied.status, await applied.json()]).toEqual([200, { received: true, applied: true }]);
      expect(await notification(id)).toMatchObject({ status: 'FAILED' });
      const fallback = await until(
        () => db.query(`SELECT * FROM notifications WHERE "userId" = $1 AND channel = 'IN_APP'`, [u.id]),
        (r) => r.rows[0]?.status === 'DELIVERED',
      );
      expect(fallback.rows[0].metadata.fallbackFrom).toBe(id);
    });

    it('cancels an SMS to a user without a phone number and moves to the next channel', async () => {
      const u = await user('nophone', { channels: ['IN_APP'] });
      const [id] = await test({ userId: u.id, channel: 'SMS' });
      expect(await statusOf(id, ['CANCELLED'])).toMatchObject({ errorMessage: 'the recipient has no phone number' });
      await until(
        () => db.query(`SELECT status FROM notifications WHERE "userId" = $1 AND channel = 'IN_APP'`, [u.id]),
        (r) => r.rows[0]?.status === 'DELIVERED',
      );
    });
  });

  describe('PUSH', () => {
    const keys = () => ({
      p256dh: createECDH('prime256v1').generateKeys().toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    });

    it('sends with VAPID the push service accepts, and deactivates a subscription the push service says is gone (410)', async () => {
      const u = await user('push');
      expect((await send('GET', '/push-subscriptions/vapid-key', { token: u.token })).body).toEqual({ publicKey: vapid.publicKey });
      const live = await send('POST', '/push-subscriptions', {
        token: u.token,
        body: { endpoint: push.endpoint('live-1'), keys: keys(), userAgent: 'Firefox/130' },
      });
      const gone = await send('POST', '/push-subscriptions', { token: u.token, body: { endpoint: push.endpoint('gone-1'), keys: keys() } });
      expect([live.status, gone.status]).toEqual([201, 201]);
      push.gone.add('gone-1');
      const [id] = await test({ userId: u.id, channel: 'PUSH', priority: 'CRITICAL', title: 'Overheating' });
      expect(await statusOf(id, ['SENT'])).toMatchObject({ provider: 'web-push' });
      expect(push.refused).toEqual([]);
      expect(push.accepted.filter((a) => a.path === '/push/live-1')).toHaveLength(1);
      expect(push.accepted[0]).toMatchObject({ urgency: 'high' });
      const mine = await send('GET', '/push-subscriptions', { token: u.token });
      expect(mine.body.map((s: any) => [s.endpoint.split('/').pop(), s.isActive]).sort()).toEqual([
        ['gone-1', false],
        ['live-1', true],
      ]);
      const other = await user('push-other');
      expect((await send('DELETE', `/push-subscriptions/${live.body.id}`, { token: other.token })).status).toBe(404);
      expect((await send('DELETE', `/push-subscriptions/${live.body.id}`, { token: u.token })).status).toBe(200);
    });

    it('refuses a malformed subscription naming the field', async () => {
      const u = await user('push-bad');
      const bad = await send('POST', '/push-subscriptions', {
        token: u.token,
        body: { endpoint: 'not a url', keys: { p256dh: 'x', auth: keys().auth } },
      });
      expect(bad.status).toBe(400);
      expect(fields(bad.body).sort()).toEqual(['endpoint', 'keys.p256dh']);
    });
  });

  describe('IN_APP', () => {
    it('streams my notifications live, lists them with the unread count and marks them read; another user sees 404', async () => {
      const u = await user('inapp', { channels: ['IN_APP'] });
      const controller = new AbortController();
      const stream = await fetch(`${stack.base}/api/v1/notifications/stream`, {
        headers: { authorization: `Bearer ${u.token}` },
        signal: controller.signal,
      });
      expect(stream.status).toBe(200);
      const reader = stream.body!.getReader();
      let text = '';
      const [a] = await test({ userId: u.id, channel: 'IN_APP', title: 'First' });
      const [b] = await test({ userId: u.id, channel: 'IN_APP', title: 'Second' });
      while (!(text.includes(a) && text.includes(b))) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      expect(text).toContain('event: notification');
      const listed = await until(
        () => send('GET', '/notifications', { token: u.token }),
        // The live push can reach the stream before the delivery's status is written: wait for both.
        (r) => r.body.unreadCount === 2 && r.body.items.every((n: any) => n.status === 'DELIVERED'),
      );
      expect(listed.body.items.map((n: any) => [n.id, n.status, n.subject])).toEqual([
        [b, 'DELIVERED', '[LOW] Second'],
        [a, 'DELIVERED', '[LOW] First'],
      ]);
      const other = await user('inapp-other');
      expect((await send('GET', `/notifications/${a}`, { token: other.token })).status).toBe(404);
      expect((await send('POST', `/notifications/${a}/read`, { token: other.token })).status).toBe(404);
      expect((await send('GET', '/notifications', { token: other.token })).body).toMatchObject({ items: [], unreadCount: 0 });
      expect((await send('POST', `/notifications/${a}/read`, { token: u.token })).body).toEqual({ updated: 1, unreadCount: 1 });
      expect((await send('GET', '/notifications?unread=true', { token: u.token })).body.items.map((n: any) => n.id)).toEqual([b]);
      expect((await send('POST', '/notifications/read-all', { token: u.token })).body).toEqual({ updated: 1, unreadCount: 0 });
    });
  });

  describe('WEBHOOK', () => {
    it('POSTs a body the receiver verifies with the shared secret, after retrying a 503; the secret is stored encrypted', async () => {
      const u = await user('hook');
      const created = await send('POST', '/webhook-subscriptions', {
        body: { url: `${receiver.base}/hooks`, secret: receiver.secret },
        token: admin.token,
      });
      expect(created.status).toBe(201);
      // Subscriptions are the caller's own: the admin made this one for themself.
      const mine = await send('POST', '/webhook-subscriptions', {
        body: { url: `${receiver.base}/hooks`, secret: receiver.secret },
        token: admin.token,
      });
      expect(mine.status).toBe(201);
      await send('DELETE', `/webhook-subscriptions/${mine.body.id}`);
      const stored = await db.query('SELECT "secretEncrypted" FROM webhook_subscriptions WHERE id = $1', [created.body.id]);
      expect(stored.rows[0].secretEncrypted).not.toContain(receiver.secret);
      expect(JSON.stringify(created.body)).not.toContain(receiver.secret);
      receiver.failNext = 1;
      const [id] = await test({ userId: admin.id, channel: 'WEBHOOK', title: 'Hooked' });
      expect(await statusOf(id, ['DELIVERED'])).toMatchObject({ provider: 'webhook', retryCount: 1 });
      expect(receiver.rejected).toEqual([]);
      expect(receiver.verified.map((v) => v.body.data.id)).toEqual([id]);
      expect(receiver.verified[0].body.data).toMatchObject({ channel: 'WEBHOOK', subject: '[LOW] Hooked' });
      expect((await attempts(id)).map((a) => a.succeeded)).toEqual([false, true]);
      expect(u.id).toBeTruthy();
    });
  });

  describe('preferences and quiet hours', () => {
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);

    it('holds all but CRITICAL during quiet hours in the user zone, and picks channels per priority', async () => {
      const now = Date.now();
      const u = await user('quiet', {
        timezone: 'UTC',
        channels: ['IN_APP'],
        rules: [{ priority: 'HIGH', channels: ['EMAIL'] }],
        quietHours: { start: hhmm(new Date(now - 60 * 60_000)), end: hhmm(new Date(now + 60 * 60_000)) },
      });
      const [low] = await test({ userId: u.id, priority: 'LOW', title: 'Can wait' });
      const [high] = await test({ userId: u.id, priority: 'HIGH', title: 'Important' });
      const [critical] = await test({ userId: u.id, priority: 'CRITICAL', title: 'Now' });
      const rows = await Promise.all([low, high, critical].map(notification));
      expect(rows.map((r) => [r.channel, r.status === 'PENDING' ? 'PENDING' : 'not held'])).toEqual([
        ['IN_APP', 'PENDING'],
        ['EMAIL', 'PENDING'],
        ['IN_APP', 'not held'],
      ]);
      expect(Math.abs(new Date(rows[0].nextRetryAt).getTime() - (now + 60 * 60_000))).toBeLessThan(61_000);
      await statusOf(critical, ['DELIVERED']);
      await new Promise((r) => setTimeout(r, 500));
      expect((await notification(low)).status).toBe('PENDING');
      const prefs = await send('GET', '/notification-preferences', { token: u.token });
      expect(prefs.body).toMatchObject({
        email: u.email,
        timezone: 'UTC',
        channels: ['IN_APP'],
        quietHours: { start: hhmm(new Date(now - 3600_000)) },
      });
    });

    it('refuses bad preferences and bad test requests naming the field; test sends are for operators only', async () => {
      const u = await user('prefs-bad');
      const zone = await send('PUT', '/notification-preferences', { token: u.token, body: { timezone: 'Mars/Olympus' } });
      expect([zone.status, fields(zone.body)]).toEqual([400, ['timezone']]);
      const quiet = await send('PUT', '/notification-preferences', {
        token: u.token,
        body: { quietHours: { start: '25:00', end: '07:00' }, channels: ['FAX'] },
      });
      expect([quiet.status, fields(quiet.body).sort()]).toEqual([400, ['channels', 'quietHours.start']]);
      const channel = await send('POST', '/notifications/test', { body: { userId: u.id, channel: 'FAX' } });
      expect([channel.status, fields(channel.body)]).toEqual([400, ['channel']]);
      expect((await send('POST', '/notifications/test', { token: u.token, body: { userId: u.id } })).status).toBe(403);
    });

    it('queues one notification per recipient and channel for a repeated request', async () => {
      const u = await user('dedup', { channels: ['IN_APP'] });
      const first = await test({ userId: u.id, dedupKey: 'same-key' });
      const second = await test({ userId: u.id, dedupKey: 'same-key' });
      expect([first.length, second.length]).toEqual([1, 0]);
    });
  });
});
