import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { IotTelemetryEvents } from '@suite/contracts/iot-telemetry';
import { databaseUrlFor, EVENT_VERSION_HEADER, eventStreamFor } from '@suite/platform';
import { eventually, outputTail, startStack, Stack } from '@suite/platform/testing';
import { BenchChild, forkChild } from './lib/child';
import { EVENTS_CONCURRENCY } from './lib/event-fixtures';
import { latencyRow, LoadOptions, Throughput, throughputRow } from './lib/measure';

const RULES = Number(process.env.BENCH_ALERTING_RULES ?? 1000);
const SENSORS_PER_RULE = Number(process.env.BENCH_ALERTING_SENSORS ?? 10);
/** Repeat events per drain; drains alternate raw/service, service/raw (the shared machine's load drifts). */
const EVENTS = Number(process.env.BENCH_ALERTING_EVENTS ?? 2000);
const ROUNDS = 2;
const RATE = Number(process.env.BENCH_ALERTING_RATE ?? 1000);
/** The group flush / notify relay pass interval the service runs with in this bench (its default is 1000 ms). */
const SCHEDULER_MS = Number(process.env.BENCH_ALERTING_SCHEDULER_MS ?? 50);
const BREACHED = IotTelemetryEvents.ThresholdBreached;
const RAW_STREAM = 'BENCH_RAW_ALERTS';
const RAW_SUBJECT = 'bench.raw.threshold.breached';
const RAW_TABLE = 'bench_raw_alerts';
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Device {
  ruleId: string;
  deviceId: string;
  sensors: string[];
}

/**
 * Alerting (issue 15): 1,000 SENSOR threshold rules on iot-telemetry's threshold-breached event, each scoped to one
 * device, and 10,000 open alerts (10 sensors per device, fingerprint rule + sensorId). Threshold-breached events are
 * published on JetStream as iot-telemetry's outbox relay publishes them (Nats-Msg-Id, Event-Version) and evaluated by
 * the real alerting service; against a raw JetStream consumer doing one upsert of the same alert rows (a copy of the
 * alerts table) per event, in the same run. Then the latency from publishing a breach of a new fingerprint to its
 * Notification row (group wait and group interval 0, scheduler pass every SCHEDULER_MS).
 */
export async function alertingBench(load: LoadOptions): Promise<string[]> {
  const stack = await startStack(['alerting'], {
    LOG_LEVEL: 'warn',
    ALERT_GROUP_WAIT_SECONDS: '0',
    ALERT_GROUP_INTERVAL_SECONDS: '0',
    ALERT_SCHEDULER_INTERVAL_MS: String(SCHEDULER_MS),
  });
  let raw: BenchChild | undefined;
  try {
    const db = await stack.db('alerting');
    const userId = randomUUID();
    const devices = await seed(db, userId);
    const jsm = await jetstreamManager(stack.nc);
    const stream = eventStreamFor('iot-telemetry');
    await jsm.streams.info(stream.name).catch(() => jsm.streams.add({ name: stream.name, subjects: stream.subjects }));
    await jsm.streams.add({ name: RAW_STREAM, subjects: [RAW_SUBJECT] });
    raw = await forkChild(
      join(__dirname, 'lib', 'raw-alert-consumer.js'),
      [RAW_STREAM, RAW_SUBJECT, 'bench_raw_alerts', databaseUrlFor('alerting', stack.env), RAW_TABLE],
      stack.env,
    );
    const repeat = () => {
      const d = devices[Math.floor(Math.random() * devices.length)];
      return breach(userId, d.deviceId, d.sensors[Math.floor(Math.random() * d.sensors.length)]);
    };
    const sent = { service: 0, raw: 0 };
    const drainOf = async (which: 'service' | 'raw', n: number) => {
      sent[which] += n;
      return drain(stack, db, which, Array.from({ length: n }, repeat), SENSORS_PER_RULE * RULES + sent[which]);
    };

    // Warm-up: JIT, pools, the consumers' fetch loops; not timed.
    await drainOf('service', Math.min(1000, EVENTS));
    await drainOf('raw', Math.min(1000, EVENTS));

    const rows: string[] = [];
    const total = { service: { count: 0, ms: 0 }, raw: { count: 0, ms: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      const order: ('service' | 'raw')[] = round % 2 === 0 ? ['raw', 'service'] : ['service', 'raw'];
      const d: Record<string, Drained> = {};
      for (const which of order) d[which] = await drainOf(which, EVENTS);
      for (const which of order)
        [total[which].count, total[which].ms] = [total[which].count + d[which].count, total[which].ms + d[which].ms];
      rows.push(throughputRow(rate(`  round ${round + 1}: alerting service`, d.service), rate('raw', d.raw)));
    }
    const baseline = rate('raw JetStream consume + one upsert', total.raw);
    const service = rate('alerting service (1,000 rules, 10,000 open)', total.service);
    rows.unshift(throughputRow(service, baseline), throughputRow(baseline));
    const ratio = service.perSecond / baseline.perSecond;
    const verdicts = [`throughput x${ratio.toFixed(2)} of raw (target >= x0.5: ${ratio >= 0.5 ? 'met' : 'NOT met'})`];

    // Latency: breaches of NEW fingerprints (a new sensor on a rule's device) at RATE/s, publish -> Notification row.
    const warm = await latency(stack, db, devices, userId, RATE, 1000); // warm-up, not timed
    const l = await latency(
      stack,
      db,
      devices,
      userId,
      RATE,
      Number(process.env.BENCH_ALERTING_LATENCY_MS ?? Math.min(load.durationMs, 3000)),
    );
    const latencyEvents = warm.published + l.published;
    rows.push(
      latencyRow(`breach -> notification queued, ${fmt(RATE)}/s`, l.samples, 'events') +
        `  (${fmt(l.published)} published at ${fmt(l.achieved)}/s; ${fmt(l.samples.length)} notified within 60 s)`,
    );
    const sorted = [...l.samples].sort((a, b) => a - b);
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? NaN;
    const kept = l.samples.length === l.published && l.achieved >= 0.95 * RATE;
    verdicts.push(
      `p99 ${p99.toFixed(1)} ms at ${fmt(l.achieved)}/s (target < 150 ms at ${fmt(RATE)}/s: ${p99 < 150 && kept ? 'met' : 'NOT met'})`,
    );

    // Invariants, once every event was evaluated (or 120 s passed): one open alert per fingerprint; occurrence counts
    // sum to the events sent (seeded alerts count 1 each).
    const seeded = RULES * SENSORS_PER_RULE;
    const expected = seeded + sent.service + latencyEvents;
    const occurrences = async () => (await db.query<{ n: number }>('SELECT sum(occurrence_count)::int AS n FROM alerts')).rows[0].n;
    await eventually(occurrences, (n) => n >= expected, 120000).catch(() => undefined);
    const { rows: inv } = await db.query<{ open: number; fingerprints: number; dup: number; occurrences: number; raw_occ: number }>(
      `SELECT (SELECT count(*)::int FROM alerts WHERE open_fingerprint IS NOT NULL) AS open,
              (SELECT count(DISTINCT fingerprint)::int FROM alerts) AS fingerprints,
              (SELECT count(*)::int FROM (SELECT fingerprint FROM alerts WHERE status NOT IN ('RESOLVED', 'EXPIRED') GROUP BY 1 HAVING count(*) > 1) x) AS dup,
              (SELECT sum(occurrence_count)::int FROM alerts) AS occurrences,
              (SELECT sum(occurrence_count)::int FROM ${RAW_TABLE}) AS raw_occ`,
    );
    const ok =
      inv[0].dup === 0 && inv[0].open === inv[0].fingerprints && inv[0].occurrences === expected && inv[0].raw_occ === seeded + sent.raw;
    rows.push(`targets: ${verdicts.join('; ')}`);
    rows.push(
      `invariants: ${ok ? 'held' : 'BROKEN'}: ${fmt(inv[0].open)} open alerts for ${fmt(inv[0].fingerprints)} fingerprints, ${inv[0].dup} fingerprints with two open; occurrenceCount sums to ${fmt(inv[0].occurrences)} (expected ${fmt(seeded)} seeded + ${fmt(sent.service + latencyEvents)} events sent = ${fmt(expected)}); raw copy ${fmt(inv[0].raw_occ)} (expected ${fmt(seeded + sent.raw)})`,
    );
    rows.push(
      `(${fmt(RULES)} rules x ${SENSORS_PER_RULE} sensors; ${fmt(EVENTS)} repeat events per drain, ${ROUNDS} rounds alternating; throughput = events / (first publish -> last alert row updated), same method both sides; raw: concurrency ${EVENTS_CONCURRENCY}, the @OnEvent default; latency with group wait 0, group interval 0 and ALERT_SCHEDULER_INTERVAL_MS=${SCHEDULER_MS}; the notification is the row NotifyCommand queues, its createdAt)`,
    );
    if (!ok) throw new Error(`alerting bench invariants broken:\n${rows.join('\n')}`);
    return rows;
  } catch (error) {
    // The service's own words, when it failed or fell behind.
    throw new Error(`${(error as Error).message}\n--- alerting:\n${outputTail(stack.services.alerting, 40)}`);
  } finally {
    await raw?.stop().catch(() => undefined);
    await stack.stop();
  }
}

/** Rules, their recipient, the open alerts (already notified: SENT) and their groups, straight into the database. */
async function seed(db: Client, userId: string): Promise<Device[]> {
  const devices: Device[] = Array.from({ length: RULES }, () => ({
    ruleId: randomUUID(),
    deviceId: randomUUID(),
    sensors: Array.from({ length: SENSORS_PER_RULE }, () => randomUUID()),
  }));
  await db.query(
    `INSERT INTO notification_recipients ("userId", email, channels, "updatedAt") VALUES ($1, 'bench@suite.local', '{IN_APP}', now())`,
    [userId],
  );
  const json = JSON.stringify(devices);
  await db.query(
    `INSERT INTO alert_rules (id, name, category, priority, event_type, condition, cooldown_minutes, created_by, device_id, owned_only, fingerprint_fields, updated_at)
     SELECT (d->>'ruleId')::uuid, 'Chamber ' || n, 'SENSOR', 'HIGH', $2, '{"field":"value","op":"gt","value":30}'::jsonb, 0, $3, d->>'deviceId', false, '{sensorId}', now()
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n)`,
    [json, BREACHED, userId],
  );
  await db.query(
    `INSERT INTO alert_rule_recipients (id, rule_id, type, value, channels) SELECT gen_random_uuid(), id, 'USER', $1, '{IN_APP}' FROM alert_rules`,
    [userId],
  );
  await db.query(
    `INSERT INTO alerts (id, rule_id, title, message, category, priority, status, event_type, fingerprint, open_fingerprint, group_key,
       owner_user_id, device_id, sensor_id, notified_at, updated_at)
     SELECT gen_random_uuid(), (d->>'ruleId')::uuid, 'Chamber too hot', 'seeded', 'SENSOR', 'HIGH', 'SENT', $2,
       (d->>'ruleId') || '|sensorId=' || s, (d->>'ruleId') || '|sensorId=' || s, d->>'ruleId', $3, d->>'deviceId', s, now(), now()
     FROM jsonb_array_elements($1::jsonb) d, jsonb_array_elements_text(d->'sensors') s`,
    [json, BREACHED, userId],
  );
  await db.query(
    `INSERT INTO alert_groups (group_key, rule_id, last_flush_at, next_flush_at) SELECT id::text, id, now(), now() + interval '4 hours' FROM alert_rules`,
  );
  await db.query(`CREATE TABLE ${RAW_TABLE} (LIKE alerts INCLUDING ALL)`);
  await db.query(`INSERT INTO ${RAW_TABLE} SELECT * FROM alerts`);
  await db.query('ANALYZE');
  return devices;
}

const breach = (userId: string, deviceId: string, sensorId: string) => ({
  alertId: randomUUID(),
  thresholdId: randomUUID(),
  deviceId,
  sensorId,
  serialNumber: 'CH-1',
  userId,
  severity: 'HIGH',
  title: 'Chamber too hot',
  message: 'temperature 31.2 C above 30 C',
  value: 31.2,
  unit: 'C',
  threshold: { operator: 'GT', value: 30 },
  breachStartedAt: new Date().toISOString(),
  triggeredAt: new Date().toISOString(),
});

async function publish(stack: Stack, subject: string, payload: object): Promise<void> {
  const h = natsHeaders();
  h.set(EVENT_VERSION_HEADER, '1');
  await jetstream(stack.nc).publish(subject, JSON.stringify(payload), { msgID: randomUUID(), headers: h });
}

interface Drained {
  count: number;
  ms: number;
}

/**
 * Publishes the payloads (500 acks in flight) to the service's subject or the raw one and waits until the table's
 * occurrence counts reach `expected`; the time is first publish -> the last row's updated_at (its transaction's start).
 */
async function drain(stack: Stack, db: Client, which: 'service' | 'raw', payloads: object[], expected: number): Promise<Drained> {
  const [subject, table] = which === 'service' ? [BREACHED, 'alerts'] : [RAW_SUBJECT, RAW_TABLE];
  const t0 = Date.now();
  for (let i = 0; i < payloads.length; i += 500) await Promise.all(payloads.slice(i, i + 500).map((p) => publish(stack, subject, p)));
  const { last } = await eventually(
    async () =>
      (
        await db.query<{ n: number; last: number }>(
          `SELECT sum(occurrence_count)::int AS n, (extract(epoch FROM max(updated_at)) * 1000)::float8 AS last FROM ${table}`,
        )
      ).rows[0],
    (r) => r.n >= expected,
    120000,
  );
  return { count: payloads.length, ms: last - t0 };
}

const rate = (name: string, d: Drained): Throughput => ({
  name,
  perSecond: (d.count / d.ms) * 1000,
  unit: 'events/s',
  note: `${fmt(d.count)} in ${(d.ms / 1000).toFixed(1)} s`,
});

/** Open loop at `rate`/s for `ms`: each event a breach of a new sensor of a rule's device; publish time -> Notification.createdAt. */
async function latency(stack: Stack, db: Client, devices: Device[], userId: string, rate: number, ms: number) {
  const publishedAt = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const begin = Date.now();
  let sentCount = 0;
  while (Date.now() - begin < ms) {
    const due = Math.floor(((Date.now() - begin) * rate) / 1000) - sentCount;
    for (let i = 0; i < due; i++) {
      const d = devices[Math.floor(Math.random() * devices.length)];
      const sensorId = randomUUID();
      publishedAt.set(sensorId, Date.now());
      pending.push(publish(stack, BREACHED, breach(userId, d.deviceId, sensorId)));
      sentCount++;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  const elapsed = Date.now() - begin;
  await Promise.all(pending);
  const sensors = [...publishedAt.keys()];
  const notified = async () =>
    (
      await db.query<{ sensor_id: string; at: number }>(
        `WITH n AS (SELECT "createdAt" AS at, jsonb_array_elements_text(metadata->'request'->'alertIds') AS alert_id FROM notifications)
         SELECT a.sensor_id, (extract(epoch FROM min(n.at)) * 1000)::float8 AS at FROM alerts a JOIN n ON n.alert_id = a.id::text
         WHERE a.sensor_id = ANY($1) GROUP BY a.sensor_id`,
        [sensors],
      )
    ).rows;
  const rows = await eventually(notified, (r) => r.length >= sensors.length, 60000).catch(() => notified());
  return {
    published: sensors.length,
    achieved: (sensors.length / elapsed) * 1000,
    samples: rows.map((r) => r.at - publishedAt.get(r.sensor_id)!),
  };
}
