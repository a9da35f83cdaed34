import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connectAsync, MqttClient } from 'mqtt';
import { jetstream } from '@nats-io/jetstream';
import { CommandAck, CommandMessage, DeviceBridge, HealthMessage, IotTelemetryEvents, MqttTopics } from '@suite/contracts/iot-telemetry';
import { Account, identityClient, ROOT } from './identity-client';
import { eventually } from './processes';
import { json, Stack, startStack } from './stack';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Commands (NATS request/reply, MQTT with acks, timeouts), health reports over JetStream, and device presence
 * (ONLINE on the first message, OFFLINE after the heartbeat timeout, each announced once through the outbox).
 */
describe('iot-telemetry: commands, health and presence', () => {
  let stack: Stack;
  let db: Client;
  let grower: Account;
  let stranger: Account;
  const mqttClients: MqttClient[] = [];
  const { call, account } = identityClient(() => stack);

  /** A device straight into the table (the devices API is someone else's spec): the credential's sha256, as the service stores it. */
  const device = async (owner: Account = grower) => {
    const id = randomUUID();
    const serial = `CMD-${id.slice(0, 8)}`;
    const token = `dk_test_${randomUUID()}`;
    await db.query(
      "INSERT INTO devices (id, name, type, serial_number, user_id, credential_hash, credential_prefix, updated_at) VALUES ($1, 'Chamber', 'MUSHROOM_CHAMBER', $2, $3, $4, 'test', now())",
      [id, serial, owner.id, createHash('sha256').update(token).digest('hex')],
    );
    return { id, serial, token };
  };
  const command = async (id: string) => (await db.query('SELECT * FROM device_commands WHERE id = $1', [id])).rows[0];
  const deviceRow = async (id: string) =>
    (await db.query('SELECT status, last_seen, firmware, ip_address FROM devices WHERE id = $1', [id])).rows[0];
  const events = async (subject: string, deviceId: string) =>
    (await db.query("SELECT payload FROM outbox_event WHERE subject = $1 AND payload->>'deviceId' = $2", [subject, deviceId])).rows.map(
      (r) => r.payload,
    );
  const sendCommand = (deviceId: string, body: unknown, token = grower.token) =>
    call('POST', `/devices/${deviceId}/commands`, { token, body });
  const publishHealth = async (serial: string, message: HealthMessage | string) =>
    (await jetstream(stack.nc)).publish(DeviceBridge.health(serial), typeof message === 'string' ? message : JSON.stringify(message));
  /** A NATS device answering every command with `reply` after `delayMs`; returns the commands it received. */
  const natsDevice = (serial: string, reply: unknown, delayMs = 0) => {
    const received: CommandMessage[] = [];
    const sub = stack.nc.subscribe(DeviceBridge.commands(serial));
    void (async () => {
      for await (const m of sub) {
        received.push(m.json<CommandMessage>());
        if (delayMs) await sleep(delayMs);
        m.respond(JSON.stringify(reply));
      }
    })();
    return { received, stop: () => sub.unsubscribe() };
  };
  const logOf = () => stack.services['iot-telemetry'].output().split('\n');
  /** A device's MQTT message, published once (QoS 1); the stack has its own share group, so nobody else takes it. */
  const publishUntil = async (topic: string, payload: string, handled: () => unknown) => {
    const client = mqttClients[0] ?? (await mqttClient());
    await client.publishAsync(topic, payload, { qos: 1 });
    await eventually(async () => Boolean(await handled()), Boolean, 20000);
  };
  const mqttClient = async () => {
    const client = await connectAsync(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883', { clientId: `e2e-device-${randomUUID()}` });
    mqttClients.push(client);
    return client;
  };

  beforeAll(async () => {
    const mqttId = `test-${randomUUID()}`;
    stack = await startStack(['identity', 'iot-telemetry'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      MQTT_CLIENT_ID: mqttId,
      MQTT_SHARE_GROUP: mqttId,
      MQTT_SESSION_EXPIRY_SECONDS: '60',
      DEVICE_WATCHDOG_INTERVAL_SECONDS: '1',
      LAST_SEEN_WRITE_SECONDS: '1',
    });
    db = await stack.db('iot-telemetry');
    [grower, stranger] = [await account(['GROWER'], 'grower'), await account(['GROWER'], 'stranger')];
  }, 90000);

  afterAll(async () => {
    await Promise.all(mqttClients.map((c) => c.endAsync()));
    await stack?.stop();
  });

  it('sends a command to a NATS device, which acknowledges it: stored with its response, listed newest first', async () => {
    const d = await device();
    const fake = natsDevice(d.serial, { status: 'acknowledged', response: { restarted: true, uptime: 0 } });
    const response = await sendCommand(d.id, { command: 'RESTART', parameters: { delaySeconds: 5 } });
    expect(response.status).toBe(201);
    const view = await json(response);
    expect(view).toMatchObject({
      deviceId: d.id,
      command: 'RESTART',
      parameters: { delaySeconds: 5 },
      status: 'acknowledged',
      transport: 'nats',
      response: { restarted: true, uptime: 0 },
      requestedBy: grower.id,
      timeoutSeconds: 30,
    });
    expect(view.acknowledgedAt).toEqual(expect.any(String));
    expect(fake.received).toEqual([{ commandId: view.id, command: 'RESTART', parameters: { delaySeconds: 5 } }]);
    expect(await command(view.id)).toMatchObject({
      status: 'acknowledged',
      transport: 'nats',
      response: { restarted: true, uptime: 0 },
      requested_by: grower.id,
    });

    const second = await json(await sendCommand(d.id, { command: 'UPDATE_CONFIG' }));
    const list = await json(await call('GET', `/devices/${d.id}/commands?limit=1`, { token: grower.token }));
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const next = await json(await call('GET', `/devices/${d.id}/commands?limit=1&cursor=${list.nextCursor}`, { token: grower.token }));
    expect(next.items.map((c: { id: string }) => c.id)).toEqual([view.id]);
    expect((await json(await call('GET', `/devices/${d.id}/commands?status=failed`, { token: grower.token }))).items).toEqual([]);
    fake.stop();
  });

  it('records a failure the device reports, with its response', async () => {
    const d = await device();
    const fake = natsDevice(d.serial, { status: 'failed', response: { error: 'sensor busy' } });
    const view = await json(await sendCommand(d.id, { command: 'CALIBRATE', parameters: { sensor: 'temp' } }));
    expect(view).toMatchObject({ status: 'failed', transport: 'nats', response: { error: 'sensor busy' }, acknowledgedAt: null });
    expect(await command(view.id)).toMatchObject({ status: 'failed', response: { error: 'sensor busy' } });
    fake.stop();
  });

  it('answers "sent" after 5 s for a slow NATS device and still records its late answer', async () => {
    const d = await device();
    const fake = natsDevice(d.serial, { status: 'acknowledged', response: { late: true } }, 6500);
    const started = Date.now();
    const view = await json(await sendCommand(d.id, { command: 'UPDATE_FIRMWARE', timeoutSeconds: 20 }));
    expect(Date.now() - started).toBeLessThan(8000);
    expect(view).toMatchObject({ status: 'sent', transport: 'nats' });
    const done = await eventually(
      () => command(view.id),
      (c) => c.status !== 'sent',
      10000,
    );
    expect(done).toMatchObject({ status: 'acknowledged', response: { late: true } });
    fake.stop();
  });

  it('falls back to MQTT for a device not on NATS: sent, a wrong token or another device ignored, the right ack settles it', async () => {
    const d = await device();
    const other = await device();
    const client = await mqttClient();
    const received = new Promise<CommandMessage>((resolve) =>
      client.on('message', (topic, payload) => topic === MqttTopics.commands(d.serial) && resolve(JSON.parse(payload.toString()))),
    );
    await client.subscribeAsync(MqttTopics.commands(d.serial), { qos: 1 });
    const view = await json(await sendCommand(d.id, { command: 'SET_TARGET', parameters: { temperature: 22 }, timeoutSeconds: 60 }));
    expect(view).toMatchObject({ status: 'sent', transport: 'mqtt' });
    expect(await received).toEqual({ commandId: view.id, command: 'SET_TARGET', parameters: { temperature: 22 } });

    const ack = (token: string, status: CommandAck['status'] = 'acknowledged'): string =>
      JSON.stringify({ token, commandId: view.id, status, response: { target: 22 } } satisfies CommandAck);
    const ignored = (why: string) => () => logOf().filter((l) => l.includes(view.id) && l.includes(why)).length;
    await publishUntil(MqttTopics.commandAck(d.serial), ack('dk_test_wrong'), ignored('bad token'));
    await publishUntil(MqttTopics.commandAck(other.serial), ack(other.token), ignored('no open command')); // a real device, not its command
    expect(await command(view.id)).toMatchObject({ status: 'sent', acknowledged_at: null });

    await publishUntil(MqttTopics.commandAck(d.serial), ack(d.token), async () => (await command(view.id)).status === 'acknowledged');
    const done = await command(view.id);
    expect(done).toMatchObject({ status: 'acknowledged', transport: 'mqtt', response: { target: 22 } });
    expect(done.acknowledged_at).toBeInstanceOf(Date);
    // An ack for a command already final changes nothing.
    const before = ignored('no open command')();
    await publishUntil(MqttTopics.commandAck(d.serial), ack(d.token, 'failed'), () => ignored('no open command')() > before);
    expect((await command(view.id)).status).toBe('acknowledged');
  });

  it('times out a command nobody answers (the watchdog)', async () => {
    const d = await device();
    const view = await json(await sendCommand(d.id, { command: 'RESTART', timeoutSeconds: 1 }));
    expect(view.status).toBe('sent'); // nobody on NATS: published on MQTT, where no device listens
    expect(
      await eventually(
        () => command(view.id),
        (c) => c.status === 'timeout',
        8000,
      ),
    ).toMatchObject({ transport: 'mqtt', response: null });
    const listed = await json(await call('GET', `/devices/${d.id}/commands?status=timeout`, { token: grower.token }));
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([view.id]);
  });

  it('stores a health report from JetStream: DeviceHealth row, firmware, ONLINE with lastSeen and one DeviceOnline event', async () => {
    const d = await device();
    await publishHealth(d.serial, {
      token: d.token,
      cpuUsage: 35,
      memoryUsage: 40,
      batteryLevel: 15,
      networkLatency: 12,
      uptime: 3600,
      firmware: '1.4.2',
      ipAddress: '10.0.0.7',
      metadata: { rssi: -60 },
    });
    const rows = await eventually(
      async () => (await db.query('SELECT * FROM device_health WHERE device_id = $1', [d.id])).rows,
      (r) => r.length === 1,
    );
    expect(rows[0]).toMatchObject({
      status: 'WARNING',
      cpu_usage: 35,
      memory_usage: 40,
      battery_level: 15,
      network_latency: 12,
      uptime: 3600,
      error_count: 0,
      metadata: { rssi: -60 },
    });
    const row = await eventually(
      () => deviceRow(d.id),
      (r) => r.status === 'ONLINE' && r.firmware === '1.4.2',
    );
    expect(row).toMatchObject({ ip_address: '10.0.0.7' });
    expect(row.last_seen).toBeInstanceOf(Date);
    expect(await events(IotTelemetryEvents.DeviceOnline, d.id)).toEqual([
      expect.objectContaining({ deviceId: d.id, serialNumber: d.serial, userId: grower.id }),
    ]);

    // A bare heartbeat moves lastSeen and stores no health row.
    await sleep(1100);
    await publishHealth(d.serial, { token: d.token });
    await eventually(
      () => deviceRow(d.id),
      (r) => r.last_seen > row.last_seen,
    );
    expect((await db.query('SELECT count(*)::int AS n FROM device_health WHERE device_id = $1', [d.id])).rows[0].n).toBe(1);
    expect(await events(IotTelemetryEvents.DeviceOnline, d.id)).toHaveLength(1);

    const listed = await json(await call('GET', `/devices/${d.id}/health`, { token: grower.token }));
    expect(listed.items).toEqual([expect.objectContaining({ id: rows[0].id, status: 'WARNING', batteryLevel: 15 })]);
  });

  it('takes a silent device OFFLINE after its heartbeat timeout, announced exactly once, and back ONLINE when it speaks', async () => {
    const d = await device();
    await db.query('UPDATE devices SET heartbeat_timeout_seconds = 2 WHERE id = $1', [d.id]);
    await publishHealth(d.serial, { token: d.token });
    await eventually(
      () => deviceRow(d.id),
      (r) => r.status === 'ONLINE',
    );
    await eventually(
      () => deviceRow(d.id),
      (r) => r.status === 'OFFLINE',
      10000,
    );
    await sleep(2500); // more watchdog passes: still one event
    const offline = await events(IotTelemetryEvents.DeviceOffline, d.id);
    expect(offline).toEqual([
      expect.objectContaining({ deviceId: d.id, serialNumber: d.serial, heartbeatTimeoutSeconds: 2, lastSeen: expect.any(String) }),
    ]);

    await publishHealth(d.serial, { token: d.token });
    await eventually(
      () => deviceRow(d.id),
      (r) => r.status === 'ONLINE',
    );
    expect(await events(IotTelemetryEvents.DeviceOnline, d.id)).toHaveLength(2);
  });

  it('keeps a MAINTENANCE device in maintenance while updating its lastSeen', async () => {
    const d = await device();
    await db.query("UPDATE devices SET status = 'MAINTENANCE' WHERE id = $1", [d.id]);
    await publishHealth(d.serial, { token: d.token, cpuUsage: 10 });
    const row = await eventually(
      () => deviceRow(d.id),
      (r) => r.last_seen !== null,
    );
    expect(row.status).toBe('MAINTENANCE');
    expect(await events(IotTelemetryEvents.DeviceOnline, d.id)).toEqual([]);
  });

  it('refuses a bad token or an unreadable report into the dead-letter subject, stores nothing, and goes on', async () => {
    const d = await device();
    const dead = stack.nc.subscribe(DeviceBridge.deadLetter, { max: 2 });
    await publishHealth(d.serial, { token: 'dk_test_forged', cpuUsage: 99 });
    await publishHealth(d.serial, '{"token": ');
    const letters: { reason: string | undefined; body: string }[] = [];
    for await (const m of dead) letters.push({ reason: m.headers?.get(DeviceBridge.deadLetterReasonHeader), body: m.string() });
    expect(letters.map((l) => l.reason)).toEqual(['bad credential', 'malformed JSON']);
    expect(letters[0].body).not.toContain('dk_test_forged');
    expect(await deviceRow(d.id)).toMatchObject({ status: 'OFFLINE', last_seen: null });
    expect((await db.query('SELECT count(*)::int AS n FROM device_health WHERE device_id = $1', [d.id])).rows[0].n).toBe(0);

    await publishHealth(d.serial, { token: d.token, cpuUsage: 12 });
    await eventually(
      async () => (await db.query('SELECT count(*)::int AS n FROM device_health WHERE device_id = $1', [d.id])).rows[0].n,
      (n) => n === 1,
    );
  });

  it('records an operator health report (status derived or given), filters and pages the list', async () => {
    const d = await device();
    const post = (body: unknown) => call('POST', `/devices/${d.id}/health`, { token: grower.token, body });
    const critical = await post({ batteryLevel: 5, timestamp: '2026-11-20T10:00:00.000Z' });
    expect(critical.status).toBe(201);
    expect(await json(critical)).toMatchObject({
      deviceId: d.id,
      status: 'CRITICAL',
      batteryLevel: 5,
      timestamp: '2026-11-20T10:00:00.000Z',
    });
    await post({ status: 'MAINTENANCE', errorCount: 2, timestamp: '2026-11-20T11:00:00.000Z' });
    await post({ cpuUsage: 20, timestamp: '2026-11-20T12:00:00.000Z' });
    const page = await json(await call('GET', `/devices/${d.id}/health?limit=2`, { token: grower.token }));
    expect(page.items.map((h: { status: string }) => h.status)).toEqual(['HEALTHY', 'MAINTENANCE']);
    const rest = await json(await call('GET', `/devices/${d.id}/health?limit=2&cursor=${page.nextCursor}`, { token: grower.token }));
    expect([rest.items.map((h: { status: string }) => h.status), rest.nextCursor]).toEqual([['CRITICAL'], null]);
    const ranged = await json(
      await call('GET', `/devices/${d.id}/health?from=2026-11-20T10:30:00.000Z&to=2026-11-20T12:00:00.000Z`, { token: grower.token }),
    );
    expect(ranged.items.map((h: { status: string }) => h.status)).toEqual(['MAINTENANCE']);
    expect((await json(await call('GET', `/devices/${d.id}/health?status=CRITICAL`, { token: grower.token }))).items).toHaveLength(1);
    expect(await deviceRow(d.id)).toMatchObject({ status: 'OFFLINE', last_seen: null }); // an operator's record is not the device speaking
  });

  it("answers 404 for another grower's device on commands and health, and sends it nothing", async () => {
    const d = await device(stranger);
    const fake = natsDevice(d.serial, { status: 'acknowledged' });
    const attempts = [
      sendCommand(d.id, { command: 'RESTART' }),
      call('GET', `/devices/${d.id}/commands`, { token: grower.token }),
      call('POST', `/devices/${d.id}/health`, { token: grower.token, body: { cpuUsage: 1 } }),
      call('GET', `/devices/${d.id}/health`, { token: grower.token }),
      sendCommand(randomUUID(), { command: 'RESTART' }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect((await json(response)).code).toBe('IOT.DEVICE_NOT_FOUND');
    }
    expect(fake.received).toEqual([]);
    expect((await db.query('SELECT count(*)::int AS n FROM device_commands WHERE device_id = $1', [d.id])).rows[0].n).toBe(0);
    expect((await sendCommand(d.id, { command: 'RESTART' }, stranger.token)).status).toBe(201);
    fake.stop();
  });

  it('refuses bad input with 400 naming the field, and callers without devices:execute with 403', async () => {
    const d = await device();
    const cases: [string, string, unknown, string][] = [
      ['POST', 'commands', { command: 'restart' }, 'command'],
      ['POST', 'commands', { command: 'RESTART', timeoutSeconds: 0 }, 'timeoutSeconds'],
      ['POST', 'commands', { command: 'RESTART', timeoutSeconds: 3601 }, 'timeoutSeconds'],
      ['POST', 'commands', { command: 'RESTART', parameters: { blob: 'x'.repeat(17 * 1024) } }, 'parameters'],
      ['POST', 'commands', { command: 'RESTART', parameters: 'now' }, 'parameters'],
      ['POST', 'health', { cpuUsage: 150 }, 'cpuUsage'],
      ['POST', 'health', { status: 'BROKEN' }, 'status'],
      ['GET', 'commands?status=done', undefined, 'status'],
      ['GET', 'health?from=yesterday', undefined, 'from'],
    ];
    for (const [method, path, body, field] of cases) {
      const response = await call(method, `/devices/${d.id}/${path}`, { token: grower.token, body });
      expect([path, response.status]).toEqual([path, 400]);
      expect((await json(response)).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await db.query('SELECT count(*)::int AS n FROM device_commands WHERE device_id = $1', [d.id])).rows[0].n).toBe(0);
    const user = await account(['USER'], 'user');
    expect((await sendCommand(d.id, { command: 'RESTART' }, user.token)).status).toBe(403);
  });
});
