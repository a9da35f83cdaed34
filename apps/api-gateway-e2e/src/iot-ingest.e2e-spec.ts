import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { connectAsync, MqttClient } from 'mqtt';
import { jetstreamManager } from '@nats-io/jetstream';
import { DeviceBridge, IotTelemetrySubjects, MqttTopics, TelemetryMessage } from '@suite/contracts/iot-telemetry';
import { eventually, freePort, Running, startService } from './processes';
import { Stack, startStack } from './stack';

/**
 * The device bridge end to end: readings over NATS and MQTT into JetStream, the batch writer into sensor_data, the dead
 * letter, duplicates, an outage of the service, and thresholds raising and clearing alerts as readings arrive.
 */
describe('iot-telemetry: ingestion', () => {
  let stack: Stack;
  let db: Client;
  let mqtt: MqttClient;
  const extra: Running[] = [];
  const owner = randomUUID();

  /** A device with a temperature sensor (calibrated +0.5, valid 0..50) and a humidity sensor, straight into the tables. */
  const device = async () => {
    const id = randomUUID();
    const serial = `CH-${id.slice(0, 8)}`;
    const token = `dk_test_${randomUUID()}`;
    await db.query(
      "INSERT INTO devices (id, name, type, serial_number, user_id, credential_hash, credential_prefix, updated_at) VALUES ($1, 'Chamber', 'MUSHROOM_CHAMBER', $2, $3, $4, 'test', now())",
      [id, serial, owner, createHash('sha256').update(token).digest('hex')],
    );
    const temperature = randomUUID();
    const humidity = randomUUID();
    await db.query(
      `INSERT INTO sensors (id, device_id, type, name, unit, min_value, max_value, calibration, updated_at) VALUES
       ($1, $3, 'temperature', 'temp', '°C', 0, 50, '{"offset": 0.5}', now()), ($2, $3, 'humidity', 'hum', '%', 0, 100, NULL, now())`,
      [temperature, humidity, id],
    );
    return { id, serial, token, temperature, humidity };
  };
  const publish = (serial: string, message: TelemetryMessage | string) =>
    stack.nc.publish(DeviceBridge.telemetry(serial), typeof message === 'string' ? message : JSON.stringify(message));
  const rowsOf = async (deviceId: string) =>
    (
      await db.query(
        'SELECT sensor_id, type, value, unit, quality, "timestamp" FROM sensor_data WHERE device_id = $1 ORDER BY "timestamp", type',
        [deviceId],
      )
    ).rows;
  const countOf = async (deviceId: string) =>
    Number((await db.query('SELECT count(*) AS n FROM sensor_data WHERE device_id = $1', [deviceId])).rows[0].n);
  /** Dead letters for one original subject, read from the stream (reason in the header). */
  const deadLetters = async (subject: string) => {
    const jsm = await jetstreamManager(stack.nc);
    const info = await jsm.streams.info(DeviceBridge.deadLetterStream).catch(() => null);
    if (!info) return [];
    const found: { reason: string; body: any }[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(DeviceBridge.deadLetterStream, { seq }).catch(() => null);
      if (m && m.header.get('Original-Subject') === subject)
        found.push({ reason: m.header.get(DeviceBridge.deadLetterReasonHeader), body: m.json<any>().body });
    }
    return found;
  };
  // An hour ago, whole seconds: readings from the future are refused.
  const base = Math.floor(Date.now() / 1000) * 1000 - 3600_000;
  const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();

  beforeAll(async () => {
    const mqttId = `e2e-${randomUUID()}`;
    stack = await startStack(['iot-telemetry'], {
      MQTT_CLIENT_ID: mqttId,
      MQTT_SHARE_GROUP: mqttId,
      MQTT_SESSION_EXPIRY_SECONDS: '120',
      INGEST_FLUSH_MS: '20',
    });
    db = await stack.db('iot-telemetry');
    mqtt = await connectAsync(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883', { clientId: `e2e-device-${randomUUID()}` });
  }, 60000);

  afterAll(async () => {
    await mqtt?.endAsync();
    await Promise.all(extra.map((r) => r.stop()));
    await stack?.stop();
  });

  it('stores a NATS batch with calibration applied, out-of-range values kept but marked, and streams it live', async () => {
    const d = await device();
    const live = stack.nc.subscribe(DeviceBridge.live(d.id), { max: 1 });
    publish(d.serial, {
      token: d.token,
      readings: [
        { sensor: 'temp', value: 21.5, ts: at(0) },
        { sensor: d.humidity, value: 91, ts: at(0) },
        { sensor: 'temp', value: 60, ts: at(1) },
      ],
    });
    const rows = await eventually(
      () => rowsOf(d.id),
      (r) => r.length === 3,
    );
    expect(rows.map((r) => [r.type, r.value, r.unit, r.quality, r.timestamp.toISOString()])).toEqual([
      ['humidity', 91, '%', 'GOOD', at(0)],
      ['temperature', 22, '°C', 'GOOD', at(0)],
      ['temperature', 60.5, '°C', 'OUT_OF_RANGE', at(1)],
    ]);
    for await (const m of live)
      expect(m.json<any>()).toMatchObject({
        deviceId: d.id,
        readings: expect.arrayContaining([expect.objectContaining({ type: 'temperature', value: 22 })]),
      });
  });

  it('stores readings sent over MQTT (one reading per message, no ts: the broker time is used)', async () => {
    const d = await device();
    for (let i = 0; i < 5; i++) {
      await mqtt.publishAsync(MqttTopics.telemetry(d.serial), JSON.stringify({ token: d.token, sensor: 'hum', value: 80 + i, ts: at(i) }), {
        qos: 1,
      });
    }
    await mqtt.publishAsync(MqttTopics.telemetry(d.serial), JSON.stringify({ token: d.token, sensor: 'temp', value: 20 }), { qos: 1 });
    const rows = await eventually(
      () => rowsOf(d.id),
      (r) => r.length === 6,
      30000,
    );
    expect(rows.filter((r) => r.type === 'humidity').map((r) => r.value)).toEqual([80, 81, 82, 83, 84]);
    const stamped = rows.find((r) => r.type === 'temperature');
    expect(Math.abs(stamped.timestamp.getTime() - Date.now())).toBeLessThan(60000);
  });

  it('drops duplicates: the same reading twice (resent, or redelivered) is stored once', async () => {
    const d = await device();
    const message = {
      token: d.token,
      readings: [
        { sensor: 'temp', value: 20, ts: at(10) },
        { sensor: 'temp', value: 20, ts: at(10) },
      ],
    };
    publish(d.serial, message);
    publish(d.serial, message);
    publish(d.serial, { token: d.token, sensor: 'temp', value: 21, ts: at(11) });
    await eventually(
      () => rowsOf(d.id),
      (r) => r.length === 2,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect((await rowsOf(d.id)).map((r) => r.value)).toEqual([20.5, 21.5]);
  });

  it('sends malformed, unauthenticated and unknown-device messages to the dead letter with the reason; the next good one is stored', async () => {
    const d = await device();
    publish(d.serial, '{"token": "not json');
    publish(d.serial, { token: 'dk_wrong', sensor: 'temp', value: 1, ts: at(0) });
    publish(d.serial, {
      token: d.token,
      readings: [
        { sensor: 'temp', value: 'hot' as unknown as number, ts: at(1) },
        { sensor: 'nope', value: 3, ts: at(1) },
        { sensor: 'temp', value: 24, ts: at(1) },
      ],
    });
    publish('UNKNOWN-SERIAL', { token: d.token, sensor: 'temp', value: 1 });
    publish(d.serial, { token: d.token, sensor: 'hum', value: 85, ts: at(2) });
    const rows = await eventually(
      () => rowsOf(d.id),
      (r) => r.length === 2,
    );
    expect(rows.map((r) => r.value)).toEqual([24.5, 85]);
    const letters = await eventually(
      () => deadLetters(DeviceBridge.telemetry(d.serial)),
      (l) => l.length === 3,
    );
    expect(letters.map((l) => l.reason)).toEqual([
      'payload is not JSON',
      'bad credential',
      '2 reading(s) refused: value must be a finite number',
    ]);
    expect(JSON.stringify(letters)).not.toContain('dk_wrong');
    expect(letters[2].body.rejected.map((r: any) => r.reason)).toEqual(['value must be a finite number', "unknown sensor 'nope'"]);
    expect(
      (
        await eventually(
          () => deadLetters(DeviceBridge.telemetry('UNKNOWN-SERIAL')),
          (l) => l.length === 1,
        )
      )[0].reason,
    ).toBe('unknown device');
  });

  it('loses nothing while the service is down: readings published meanwhile are all stored after the restart, none twice', async () => {
    const d = await device();
    publish(d.serial, { token: d.token, sensor: 'temp', value: 20, ts: at(0) });
    await eventually(
      () => countOf(d.id),
      (n) => n === 1,
    );
    await stack.services['iot-telemetry'].stop();
    for (let i = 1; i <= 500; i++)
      publish(d.serial, {
        token: d.token,
        readings: [
          { sensor: 'temp', value: 20 + (i % 7), ts: at(i) },
          { sensor: 'hum', value: 80 + (i % 9), ts: at(i) },
        ],
      });
    await stack.nc.flush();
    await new Promise((r) => setTimeout(r, 500));
    expect(await countOf(d.id)).toBe(1);
    const restarted = startService('iot-telemetry', { ...stack.env, PORT: String(await freePort()) });
    extra.push(restarted);
    await eventually(
      () => countOf(d.id),
      (n) => n === 1001,
      30000,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await countOf(d.id)).toBe(1001);
    expect(
      Number(
        (await db.query('SELECT count(DISTINCT (sensor_id, "timestamp")) AS n FROM sensor_data WHERE device_id = $1', [d.id])).rows[0].n,
      ),
    ).toBe(1001);
  }, 60000);

  it('loses nothing over MQTT either: QoS 1 readings sent while the service is down wait in its broker sessions', async () => {
    const d = await device();
    // Whichever process runs the service now (the previous test restarted it).
    for (const running of [stack.services['iot-telemetry'], ...extra.splice(0)]) await running.stop();
    // Fewer than a default Mosquitto queues per session (1,000): the machine's broker may run with its defaults.
    for (let i = 0; i < 400; i++)
      await mqtt.publishAsync(
        MqttTopics.telemetry(d.serial),
        JSON.stringify({ token: d.token, sensor: 'hum', value: 80 + (i % 9), ts: at(i) }),
        { qos: 1 },
      );
    await new Promise((r) => setTimeout(r, 300));
    expect(await countOf(d.id)).toBe(0);
    const restarted = startService('iot-telemetry', { ...stack.env, PORT: String(await freePort()) });
    extra.push(restarted);
    await eventually(
      () => countOf(d.id),
      (n) => n === 400,
      30000,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(
      Number((await db.query('SELECT count(DISTINCT "timestamp") AS n FROM sensor_data WHERE device_id = $1', [d.id])).rows[0].n),
    ).toBe(400);
  }, 60000);

  it('keeps up with a burst from many MQTT devices at once: every reading stored once', async () => {
    const devices = await Promise.all(Array.from({ length: 10 }, () => device()));
    const clients = await Promise.all(
      devices.map((d) => connectAsync(process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883', { clientId: `e2e-${d.serial}` })),
    );
    try {
      // 10 devices x 200 messages x 2 readings, each device publishing without waiting for the previous PUBACK.
      await Promise.all(
        devices.map((d, n) =>
          Promise.all(
            Array.from({ length: 200 }, (_, i) =>
              clients[n].publishAsync(
                MqttTopics.telemetry(d.serial),
                JSON.stringify({
                  token: d.token,
                  readings: [
                    { sensor: 'temp', value: 20, ts: at(i) },
                    { sensor: 'hum', value: 85, ts: at(i) },
                  ],
                }),
                { qos: 1 },
              ),
            ),
          ),
        ),
      );
      const counts = async () => Promise.all(devices.map((d) => countOf(d.id)));
      expect(await eventually(counts, (c) => c.every((n) => n === 400), 30000)).toEqual(devices.map(() => 400));
    } finally {
      await Promise.all(clients.map((c) => c.endAsync()));
    }
  }, 60000);

  it('raises exactly one alert when a threshold is held for its duration, and clearing past the hysteresis resolves it', async () => {
    const d = await device();
    const threshold = randomUUID();
    await db.query(
      "INSERT INTO sensor_thresholds (id, sensor_id, device_id, operator, value, duration_seconds, hysteresis, severity, updated_at) VALUES ($1, $2, $3, 'ABOVE', 28, 300, 0.5, 'CRITICAL', now())",
      [threshold, d.temperature, d.id],
    );
    const send = (second: number, raw: number) => publish(d.serial, { token: d.token, sensor: 'temp', value: raw - 0.5, ts: at(second) });
    const alerts = async () =>
      (
        await db.query(
          'SELECT id, severity, type, value, is_active, is_resolved, resolved_at, triggered_at FROM sensor_alerts WHERE threshold_id = $1',
          [threshold],
        )
      ).rows;
    // 29 at t=0 starts the breach; held until t=299 is not long enough; t=300 completes it; more breaching readings add nothing.
    send(0, 29);
    send(120, 29.5);
    send(299, 28.7);
    await eventually(
      () => countOf(d.id),
      (n) => n === 3,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await alerts()).toEqual([]);
    expect(
      (
        await db.query('SELECT breach_started_at FROM sensor_thresholds WHERE id = $1', [threshold])
      ).rows[0].breach_started_at.toISOString(),
    ).toBe(at(0));
    send(300, 29);
    send(360, 30);
    send(400, 27.8); // inside the hysteresis band: still breaching as far as the alert goes
    const raised = await eventually(alerts, (a) => a.length === 1);
    expect(raised[0]).toMatchObject({ severity: 'CRITICAL', type: 'THRESHOLD_ABOVE', value: 29, is_active: true, is_resolved: false });
    expect(raised[0].triggered_at.toISOString()).toBe(at(300));
    await eventually(
      () => countOf(d.id),
      (n) => n === 6,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(await alerts()).toHaveLength(1);
    send(420, 27.4);
    const cleared = await eventually(alerts, (a) => a[0]?.is_resolved === true);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ is_active: false });
    expect(cleared[0].resolved_at.toISOString()).toBe(at(420));
    const events = (
      await db.query("SELECT subject, payload FROM outbox_event WHERE payload->>'thresholdId' = $1 ORDER BY created_at", [threshold])
    ).rows;
    expect(events.map((e) => e.subject)).toEqual(['evt.iot-telemetry.threshold.breached', 'evt.iot-telemetry.threshold.cleared']);
    expect(events[0].payload).toMatchObject({ alertId: raised[0].id, deviceId: d.id, userId: owner, value: 29, severity: 'CRITICAL' });
    expect((await db.query('SELECT active_alert_id, breach_started_at FROM sensor_thresholds WHERE id = $1', [threshold])).rows[0]).toEqual(
      { active_alert_id: null, breach_started_at: null },
    );
  });

  it('does not raise a breach again when its readings come again after the rules were reloaded (a resend, or redelivery after a crash)', async () => {
    const d = await device();
    const threshold = randomUUID();
    await db.query(
      "INSERT INTO sensor_thresholds (id, sensor_id, device_id, operator, value, severity, updated_at) VALUES ($1, $2, $3, 'ABOVE', 28, 'WARNING', now())",
      [threshold, d.temperature, d.id],
    );
    const breach = {
      token: d.token,
      readings: [
        { sensor: 'temp', value: 30, ts: at(0) },
        { sensor: 'temp', value: 20, ts: at(10) },
      ],
    };
    const alerts = async () =>
      (
        await db.query('SELECT value, is_resolved, triggered_at FROM sensor_alerts WHERE threshold_id = $1 ORDER BY triggered_at', [
          threshold,
        ])
      ).rows;
    publish(d.serial, breach);
    await eventually(alerts, (a) => a.length === 1 && a[0].is_resolved);
    // What an edit of the device does: every replica drops its cached rules and state, and reloads them from the database.
    stack.nc.publish(IotTelemetrySubjects.DirectoryChanged, JSON.stringify({ serial: d.serial, deviceId: d.id }));
    await new Promise((r) => setTimeout(r, 200));
    publish(d.serial, breach);
    publish(d.serial, { token: d.token, sensor: 'temp', value: 31, ts: at(20) });
    const after = await eventually(alerts, (a) => a.length === 2);
    await new Promise((r) => setTimeout(r, 300));
    expect((await alerts()).map((a) => [a.value, a.triggered_at.toISOString()])).toEqual([
      [30.5, at(0)],
      [31.5, at(20)],
    ]);
    expect(after[1].is_resolved).toBe(false);
  });

  it('raises an alert while the readings themselves cannot be written yet (thresholds do not wait for the batch writer)', async () => {
    const d = await device();
    const threshold = randomUUID();
    await db.query(
      "INSERT INTO sensor_thresholds (id, sensor_id, device_id, operator, value, severity, updated_at) VALUES ($1, $2, $3, 'ABOVE', 28, 'WARNING', now())",
      [threshold, d.temperature, d.id],
    );
    const blocker = await stack.db('iot-telemetry');
    try {
      // A writer stalled on sensor_data (a lock here; a checkpoint or a slow disk in life).
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sensor_data IN ACCESS EXCLUSIVE MODE');
      publish(d.serial, { token: d.token, sensor: 'temp', value: 30, ts: at(0) });
      const raised = await eventually(
        async () => (await db.query('SELECT value FROM sensor_alerts WHERE threshold_id = $1', [threshold])).rows,
        (a) => a.length === 1,
      );
      expect(raised).toEqual([{ value: 30.5 }]);
      await blocker.query('COMMIT');
      expect(
        await eventually(
          () => countOf(d.id),
          (n) => n === 1,
        ),
      ).toBe(1);
    } finally {
      await blocker.end();
    }
  });
});
