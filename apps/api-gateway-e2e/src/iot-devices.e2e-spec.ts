import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DeviceBridge, LiveReadings } from '@suite/contracts/iot-telemetry';
import { Account, identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const T0 = Date.parse('2026-01-05T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const chamber = (serialNumber: string, sensors: unknown[] = []) => ({
  name: 'Chamber A',
  type: 'MUSHROOM_CHAMBER',
  serialNumber,
  location: 'Shed 2',
  sensors,
});
const TEMP = { type: 'temperature', name: 'temp-1', unit: 'C', minValue: 0, maxValue: 50, calibration: { scale: 1, offset: 0.5 } };
const HUM = { type: 'humidity', name: 'hum-1', unit: '%', minValue: 0, maxValue: 100 };
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** Devices, sensors, thresholds, alerts, readings and the live stream through the gateway, checked against the tables. */
describe('iot-telemetry: devices, sensors, thresholds, readings', () => {
  let stack: Stack;
  let db: Client;
  let grower: Account;
  let other: Account;
  let admin: Account;
  const { call, account, root } = identityClient(() => stack);
  let device: any;
  let foreign: any;
  const serial = `CH-${randomUUID().slice(0, 8)}`;
  const register = (body: unknown, token = grower.token) => call('POST', '/devices', { token, body });
  const sensorOf = (name: string) => device.sensors.find((s: { name: string }) => s.name === name).id as string;

  beforeAll(async () => {
    const mqttId = `e2e-${randomUUID()}`;
    stack = await startStack(['identity', 'iot-telemetry'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
      MQTT_CLIENT_ID: mqttId,
      MQTT_SHARE_GROUP: mqttId,
    });
    db = await stack.db('iot-telemetry');
    [grower, other, admin] = [await account(['GROWER'], 'grower'), await account(['GROWER'], 'other'), await root()];
  });

  afterAll(() => stack?.stop());

  it('registers a device with its sensors, showing the credential once and storing only its sha256', async () => {
    const response = await register(chamber(serial, [TEMP, HUM]));
    expect(response.status).toBe(201);
    device = await json(response);
    expect(device).toMatchObject({
      serialNumber: serial,
      userId: grower.id,
      status: 'OFFLINE',
      isActive: true,
      heartbeatTimeoutSeconds: 120,
    });
    expect(device.credential).toMatch(/^dk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    expect(device.credentialHash).toBeUndefined();
    expect(device.sensors.map((s: any) => [s.name, s.minValue, s.maxValue, s.calibration])).toEqual([
      ['temp-1', 0, 50, { scale: 1, offset: 0.5 }],
      ['hum-1', 0, 100, null],
    ]);
    const row = (await db.query('SELECT user_id, credential_hash, credential_prefix FROM devices WHERE id = $1', [device.id])).rows[0];
    expect(row).toEqual({ user_id: grower.id, credential_hash: sha256(device.credential), credential_prefix: device.credentialPrefix });
    expect(device.credential.startsWith(`dk_${row.credential_prefix}_`)).toBe(true);
    expect(JSON.stringify(row)).not.toContain(device.credential);
    expect((await db.query('SELECT count(*)::int AS n FROM sensors WHERE device_id = $1', [device.id])).rows[0].n).toBe(2);
    const got = await json(await call('GET', `/devices/${device.id}`, { token: grower.token }));
    expect([got.credential, got.credentialHash, got.sensors.length]).toEqual([undefined, undefined, 2]);
    foreign = await json(await register(chamber(`OT-${randomUUID().slice(0, 8)}`, [TEMP]), other.token));
  });

  it('refuses a taken serial (409), a serial unfit for a subject, a bad range or repeated sensor names (400), writing nothing', async () => {
    const taken = await register(chamber(serial));
    expect([taken.status, (await json(taken)).code]).toEqual([409, 'IOT.SERIAL_TAKEN']);
    for (const bad of ['CH.001', 'CH/001', 'CH 001', 'CH*', 'ab', 'x'.repeat(65)]) {
      const refused = await register(chamber(bad));
      expect([bad, refused.status, fieldsOf(await json(refused))]).toEqual([bad, 400, ['serialNumber']]);
    }
    const range = await register(chamber('CH-RANGE', [{ ...TEMP, minValue: 10, maxValue: 5 }]));
    expect([range.status, fieldsOf(await json(range))]).toEqual([400, ['sensors[0].maxValue']]);
    const repeated = await register(chamber('CH-REPEAT', [TEMP, TEMP]));
    expect([repeated.status, fieldsOf(await json(repeated))]).toEqual([400, ['sensors[1].name']]);
    const heartbeat = await register({ ...chamber('CH-HB'), heartbeatTimeoutSeconds: 5 });
    expect([heartbeat.status, fieldsOf(await json(heartbeat))]).toEqual([400, ['heartbeatTimeoutSeconds']]);
    const count = (await db.query(`SELECT count(*)::int AS n FROM devices WHERE serial_number IN ('CH-RANGE', 'CH-REPEAT', 'CH-HB')`))
      .rows[0].n;
    expect(count).toBe(0);
  });

  it('adds, changes and removes sensors: names unique per device, min <= max, readings removed with the sensor', async () => {
    const add = (body: unknown) => call('POST', `/devices/${device.id}/sensors`, { token: grower.token, body });
    const dup = await add(HUM);
    expect([dup.status, fieldsOf(await json(dup))]).toEqual([409, ['name']]);
    const range = await add({ ...HUM, name: 'hum-2', minValue: 3, maxValue: 2 });
    expect([range.status, fieldsOf(await json(range))]).toEqual([400, ['maxValue']]);
    const badName = await add({ ...HUM, name: 'hum.2' });
    expect([badName.status, fieldsOf(await json(badName))]).toEqual([400, ['name']]);
    const co2 = await json(await add({ type: 'co2', name: 'co2-1', unit: 'ppm' }));
    const patched = await call('PATCH', `/devices/${device.id}/sensors/${co2.id}`, {
      token: grower.token,
      body: { maxValue: 5000, calibration: { scale: 2 } },
    });
    expect(await json(patched)).toMatchObject({ maxValue: 5000, calibration: { scale: 2 } });
    const below = await call('PATCH', `/devices/${device.id}/sensors/${co2.id}`, { token: grower.token, body: { minValue: 6000 } });
    expect([below.status, fieldsOf(await json(below))]).toEqual([400, ['maxValue']]);
    await db.query(
      `INSERT INTO sensor_data (id, device_id, sensor_id, user_id, type, value, unit, "timestamp") VALUES ($1, $2, $3, $4, 'co2', 800, 'ppm', now())`,
      [randomUUID(), device.id, co2.id, grower.id],
    );
    expect((await call('DELETE', `/devices/${device.id}/sensors/${co2.id}`, { token: grower.token })).status).toBe(204);
    expect((await db.query('SELECT count(*)::int AS n FROM sensor_data WHERE sensor_id = $1', [co2.id])).rows[0].n).toBe(0);
    expect((await call('DELETE', `/devices/${device.id}/sensors/${co2.id}`, { token: grower.token })).status).toBe(404);
  });

  it("lists a grower's own devices only, every device for an admin, with filters and cursor pages", async () => {
    const second = await json(await register({ ...chamber(`CH-${randomUUID().slice(0, 8)}`), type: 'CAMERA' }));
    const mine = await json(await call('GET', '/devices', { token: grower.token }));
    expect(mine.items.map((d: { id: string }) => d.id)).toEqual([second.id, device.id]);
    expect(mine.items[0].credentialHash).toBeUndefined();
    const cameras = await json(await call('GET', '/devices?type=CAMERA&isActive=true', { token: grower.token }));
    expect(cameras.items.map((d: { id: string }) => d.id)).toEqual([second.id]);
    const page1 = await json(await call('GET', '/devices?limit=1', { token: grower.token }));
    const page2 = await json(await call('GET', `/devices?limit=1&cursor=${page1.nextCursor}`, { token: grower.token }));
    expect([page1.items[0].id, page2.items[0].id, page2.nextCursor]).toEqual([second.id, device.id, null]);
    const all = await json(await call('GET', '/devices?limit=100', { token: admin.token }));
    expect(all.items.map((d: { id: string }) => d.id)).toEqual(expect.arrayContaining([device.id, second.id, foreign.id]));
    expect((await call('GET', `/devices/${foreign.id}`, { token: admin.token })).status).toBe(200);
    expect((await call('DELETE', `/devices/${second.id}`, { token: grower.token })).status).toBe(204);
  });

  it("answers another grower's device, its sensors, readings, latest, stream and thresholds as 404", async () => {
    const token = other.token;
    const paths = [
      `/devices/${device.id}`,
      `/devices/${device.id}/sensors`,
      `/devices/${device.id}/readings`,
      `/devices/${device.id}/latest`,
      `/devices/${device.id}/stream`,
      `/sensors/${sensorOf('temp-1')}/thresholds`,
    ];
    for (const path of paths) {
      const response = await call('GET', path, { token });
      expect([path, response.status]).toEqual([path, 404]);
    }
    expect((await json(await call('GET', `/devices/${device.id}`, { token }))).code).toBe('IOT.DEVICE_NOT_FOUND');
    expect((await call('PATCH', `/devices/${device.id}`, { token, body: { name: 'mine now' } })).status).toBe(404);
    expect((await call('POST', `/devices/${device.id}/credential`, { token })).status).toBe(404);
    expect((await call('POST', `/sensors/${sensorOf('temp-1')}/thresholds`, { token, body: { operator: 'ABOVE', value: 1 } })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/devices/${device.id}`, { token })).status).toBe(404);
    expect((await call('GET', `/devices/${device.id}/readings?sensorId=${foreign.sensors[0].id}`, { token: grower.token })).status).toBe(
      404,
    );
    expect((await call('GET', '/devices/not-a-uuid', { token: grower.token })).status).toBe(400);
  });

  it('changes a device: maintenance and back to OFFLINE only; rotating the credential replaces the stored hash', async () => {
    const maintenance = await call('PATCH', `/devices/${device.id}`, {
      token: grower.token,
      body: { status: 'MAINTENANCE', location: 'Shed 3' },
    });
    expect(await json(maintenance)).toMatchObject({ status: 'MAINTENANCE', location: 'Shed 3' });
    const online = await call('PATCH', `/devices/${device.id}`, { token: grower.token, body: { status: 'ONLINE' } });
    expect([online.status, fieldsOf(await json(online))]).toEqual([400, ['status']]);
    expect((await json(await call('PATCH', `/devices/${device.id}`, { token: grower.token, body: { status: 'OFFLINE' } }))).status).toBe(
      'OFFLINE',
    );

    const rotated = await call('POST', `/devices/${device.id}/credential`, { token: grower.token });
    expect(rotated.status).toBe(201);
    const { credential, credentialPrefix } = await json(rotated);
    expect(credential).not.toBe(device.credential);
    const row = (await db.query('SELECT credential_hash, credential_prefix FROM devices WHERE id = $1', [device.id])).rows[0];
    expect(row).toEqual({ credential_hash: sha256(credential), credential_prefix: credentialPrefix });
  });

  it('creates, lists, changes and deletes thresholds with defaults and validation', async () => {
    const base = `/sensors/${sensorOf('temp-1')}/thresholds`;
    const created = await call('POST', base, { token: grower.token, body: { operator: 'ABOVE', value: 28, name: 'too warm' } });
    expect(created.status).toBe(201);
    const t = await json(created);
    expect(t).toMatchObject({
      sensorId: sensorOf('temp-1'),
      deviceId: device.id,
      operator: 'ABOVE',
      value: 28,
      durationSeconds: 0,
      hysteresis: 0,
      severity: 'WARNING',
      isActive: true,
      createdBy: grower.id,
    });
    for (const [body, field] of [
      [{ operator: 'EQUALS', value: 1 }, 'operator'],
      [{ operator: 'BELOW', value: 1, hysteresis: -1 }, 'hysteresis'],
      [{ operator: 'BELOW', value: 1, durationSeconds: 86401 }, 'durationSeconds'],
      [{ operator: 'BELOW', value: 1, severity: 'PANIC' }, 'severity'],
      [{ operator: 'BELOW' }, 'value'],
    ] as const) {
      const refused = await call('POST', base, { token: grower.token, body });
      expect([field, refused.status, fieldsOf(await json(refused))]).toEqual([field, 400, [field]]);
    }
    const patched = await json(
      await call('PATCH', `${base}/${t.id}`, {
        token: grower.token,
        body: { durationSeconds: 300, hysteresis: 0.5, severity: 'CRITICAL' },
      }),
    );
    expect(patched).toMatchObject({ id: t.id, durationSeconds: 300, hysteresis: 0.5, severity: 'CRITICAL' });
    expect((await db.query('SELECT duration_seconds, hysteresis, severity FROM sensor_thresholds WHERE id = $1', [t.id])).rows[0]).toEqual({
      duration_seconds: 300,
      hysteresis: 0.5,
      severity: 'CRITICAL',
    });
    expect((await json(await call('GET', base, { token: grower.token }))).map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect(
      (await call('PATCH', `/sensors/${sensorOf('hum-1')}/thresholds/${t.id}`, { token: grower.token, body: { value: 1 } })).status,
    ).toBe(404);
    expect((await call('DELETE', `${base}/${t.id}`, { token: grower.token })).status).toBe(204);
    expect((await db.query('SELECT count(*)::int AS n FROM sensor_thresholds WHERE id = $1', [t.id])).rows[0].n).toBe(0);
  });

  describe('readings over rows inserted into sensor_data', () => {
    const range = `from=${at(0).toISOString()}&to=${at(600).toISOString()}`;
    const get = async (query: string, token = grower.token) => {
      const response = await call('GET', `/devices/${device.id}/readings?${query}`, { token });
      return { status: response.status, body: await json(response) };
    };

    beforeAll(async () => {
      const [temp, hum] = [sensorOf('temp-1'), sensorOf('hum-1')];
      const rows: [string, string, number, number][] = [
        [temp, 'temperature', -1, 15], // before the range
        [temp, 'temperature', 5, 20],
        [temp, 'temperature', 30, 22],
        [temp, 'temperature', 55, 27],
        [temp, 'temperature', 70, 25],
        [temp, 'temperature', 300, 30],
        [hum, 'humidity', 10, 80],
        [hum, 'humidity', 20, 90],
        [hum, 'humidity', 30, 85], // 30 s: a tie across sensors
        [temp, 'temperature', 600, 99], // `to` is exclusive
      ];
      for (const [sensorId, type, s, value] of rows) {
        await db.query(
          `INSERT INTO sensor_data (id, device_id, sensor_id, user_id, type, value, unit, quality, "timestamp") VALUES ($1, $2, $3, $4, $5, $6, 'u', 'GOOD', $7)`,
          [randomUUID(), device.id, sensorId, grower.id, type, value, at(s)],
        );
      }
    });

    it('answers raw readings in [from, to), newest first, with cursor pages and a sensor filter', async () => {
      const all = await get(range);
      expect(all.status).toBe(200);
      const items = all.body.items.map((r: any) => [r.type, r.value, r.timestamp]);
      const row = (type: string, value: number, s: number) => [type, value, at(s).toISOString()];
      expect(items.slice(0, 3)).toEqual([row('temperature', 30, 300), row('temperature', 25, 70), row('temperature', 27, 55)]);
      expect(items.slice(3, 5)).toEqual(expect.arrayContaining([row('temperature', 22, 30), row('humidity', 85, 30)]));
      expect(items.slice(5)).toEqual([row('humidity', 90, 20), row('humidity', 80, 10), row('temperature', 20, 5)]);
      // limit 4 puts the page boundary inside the tie at 30 s: the id breaks it, nothing is skipped or repeated
      const seen: string[] = [];
      let cursor = '';
      do {
        const page = await get(`${range}&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.body.items.map((r: { id: string }) => r.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.body.items.map((r: { id: string }) => r.id));
      const hum = await get(`${range}&sensorId=${sensorOf('hum-1')}`);
      expect(hum.body.items.map((r: { value: number }) => r.value)).toEqual([85, 90, 80]);
    });

    it('downsamples per sensor per bucket in the database, oldest first', async () => {
      const minute = await get(`${range}&bucket=1m`);
      const temp = sensorOf('temp-1');
      expect(minute.body.buckets).toEqual(
        [
          { sensorId: sensorOf('hum-1'), bucket: at(0).toISOString(), min: 80, max: 90, avg: 85, count: 3 },
          { sensorId: temp, bucket: at(0).toISOString(), min: 20, max: 27, avg: 23, count: 3 },
          { sensorId: temp, bucket: at(60).toISOString(), min: 25, max: 25, avg: 25, count: 1 },
          { sensorId: temp, bucket: at(300).toISOString(), min: 30, max: 30, avg: 30, count: 1 },
        ].sort((a, b) => (a.bucket + a.sensorId < b.bucket + b.sensorId ? -1 : 1)),
      );
      const hour = await get(`${range}&bucket=1h&sensorId=${temp}`);
      expect(hour.body.buckets).toEqual([{ sensorId: temp, bucket: at(0).toISOString(), min: 20, max: 30, avg: 24.8, count: 5 }]);
    });

    it('refuses from after to, too many buckets and a bad bucket, naming the field', async () => {
      const backwards = await get(`from=${at(60).toISOString()}&to=${at(0).toISOString()}`);
      expect([backwards.status, fieldsOf(backwards.body)]).toEqual([400, ['from']]);
      const tooMany = await get(`from=2026-01-01T00:00:00Z&to=2026-01-08T00:00:00Z&bucket=1m`);
      expect([tooMany.status, fieldsOf(tooMany.body)]).toEqual([400, ['bucket']]);
      const badBucket = await get(`${range}&bucket=5m`);
      expect([badBucket.status, fieldsOf(badBucket.body)]).toEqual([400, ['bucket']]);
      const tooLarge = await get(`${range}&limit=1001`);
      expect([tooLarge.status, fieldsOf(tooLarge.body)]).toEqual([400, ['limit']]);
    });

    it('answers the latest reading per active sensor, null for a sensor that has sent nothing', async () => {
      const quiet = await json(
        await call('POST', `/devices/${device.id}/sensors`, { token: grower.token, body: { type: 'light', name: 'lux-1', unit: 'lx' } }),
      );
      await call('POST', `/devices/${device.id}/sensors`, {
        token: grower.token,
        body: { type: 'ph', name: 'ph-off', unit: 'pH', isActive: false },
      });
      const latest = await json(await call('GET', `/devices/${device.id}/latest`, { token: grower.token }));
      expect(latest.map((l: any) => [l.name, l.value, l.timestamp])).toEqual([
        ['hum-1', 85, at(30).toISOString()],
        ['lux-1', null, null],
        ['temp-1', 99, at(600).toISOString()],
      ]);
      expect(latest.find((l: any) => l.name === 'lux-1').sensorId).toBe(quiet.id);
    });
  });

  it('streams live readings as Server-Sent Events', async () => {
    const abort = new AbortController();
    const response = await fetch(`${stack.base}/api/v1/devices/${device.id}/stream`, {
      headers: { authorization: `Bearer ${grower.token}` },
      signal: abort.signal,
    });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/event-stream')]);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (marker: string) => {
      while (!text.includes(marker)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${marker}: ${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };
    await readUntil(': subscribed');
    const live: LiveReadings = {
      deviceId: device.id,
      readings: [
        { sensorId: sensorOf('temp-1'), type: 'temperature', value: 24.5, unit: 'C', quality: 'GOOD', timestamp: at(900).toISOString() },
      ],
    };
    stack.nc.publish(DeviceBridge.live(device.id), JSON.stringify(live));
    await readUntil('\n\n' + 'event: readings');
    await readUntil('}\n\n');
    const event = text.slice(text.indexOf('event: readings'));
    const data = event
      .split('\n')
      .find((l) => l.startsWith('data: '))!
      .slice('data: '.length);
    expect(JSON.parse(data)).toEqual(live);
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });

  it("lists sensor alerts of the caller's devices only, with filters; an admin sees every device's", async () => {
    const insert = (deviceId: string, severity: string, resolved: boolean, seconds: number) =>
      db
        .query(
          `INSERT INTO sensor_alerts (id, device_id, type, severity, title, message, value, is_resolved, created_at, updated_at) VALUES ($1, $2, 'THRESHOLD_ABOVE', $3, 'Too warm', 'above 28', 29, $4, $5, now()) RETURNING id`,
          [randomUUID(), deviceId, severity, resolved, at(seconds)],
        )
        .then((r) => r.rows[0].id as string);
    const a1 = await insert(device.id, 'WARNING', true, 1);
    const a2 = await insert(device.id, 'CRITICAL', false, 2);
    const f1 = await insert(foreign.id, 'CRITICAL', false, 3);
    const ids = async (query: string, token = grower.token) =>
      (await json(await call('GET', `/sensor-alerts${query}`, { token }))).items.map((a: { id: string }) => a.id);
    expect(await ids('')).toEqual([a2, a1]);
    expect(await ids('?isResolved=false')).toEqual([a2]);
    expect(await ids('?severity=WARNING')).toEqual([a1]);
    expect(await ids(`?deviceId=${foreign.id}`)).toEqual([]);
    expect(await ids(`?from=${at(2).toISOString()}`)).toEqual([a2]);
    expect(await ids('', other.token)).toEqual([f1]);
    expect(await ids('?limit=100', admin.token)).toEqual([f1, a2, a1]);
    const first = await json(await call('GET', '/sensor-alerts?limit=1', { token: grower.token }));
    expect((await json(await call('GET', `/sensor-alerts?limit=1&cursor=${first.nextCursor}`, { token: grower.token }))).items[0].id).toBe(
      a1,
    );
  });

  it('deletes a device with its sensors, thresholds, alerts and readings', async () => {
    await call('POST', `/sensors/${sensorOf('temp-1')}/thresholds`, { token: grower.token, body: { operator: 'BELOW', value: 5 } });
    expect((await call('DELETE', `/devices/${device.id}`, { token: grower.token })).status).toBe(204);
    const left = async (table: string, column = 'device_id') =>
      (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [device.id])).rows[0].n;
    expect([
      await left('devices', 'id'),
      await left('sensors'),
      await left('sensor_thresholds'),
      await left('sensor_alerts'),
      await left('sensor_data'),
    ]).toEqual([0, 0, 0, 0, 0]);
    expect((await call('GET', `/devices/${device.id}`, { token: grower.token })).status).toBe(404);
  });
});
