import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { v7 as uuidv7 } from 'uuid';
import type { NatsConnection } from '@nats-io/transport-node';
import { Throughput } from '../lib/measure';
import { BenchDevice, message, SENSORS } from './fleet';

/** The batch writer's flush size (INGEST_BATCH_SIZE default): the baselines write in batches of the same size. */
export const WRITER_BATCH = 2000;

/** (1) Raw NATS: the same messages, core publish as fast as the client goes, to a subject nobody consumes or stores. */
export async function rawNatsPublish(nc: NatsConnection, fleet: BenchDevice[], messages: number): Promise<Throughput[]> {
  const started = performance.now();
  for (let i = 0; i < messages; i++) {
    const device = fleet[i % fleet.length];
    nc.publish(`bench.unconsumed.${device.serial}`, message(device, Date.now()));
    // Yield now and then so the client can write its buffer out, as a real publisher's event loop would.
    if (i % 1000 === 999) await new Promise((resolve) => setImmediate(resolve));
  }
  await nc.flush();
  const seconds = (performance.now() - started) / 1000;
  return [
    { name: 'raw NATS publish, nobody subscribed', perSecond: messages / seconds, unit: 'msgs/s' },
    { name: 'raw NATS publish, nobody subscribed', perSecond: (messages * SENSORS.length) / seconds, unit: 'readings/s' },
  ];
}

interface Row {
  id: string;
  deviceId: string;
  sensorId: string;
  value: number;
  ts: Date;
  type: string;
}

/** The same rows the ingest run stores: one per sensor per message, time-ordered, UUIDv7 ids. */
function rowsLike(fleet: BenchDevice[], count: number): Row[] {
  const start = Date.now() - 3600_000;
  return Array.from({ length: count }, (_, i) => {
    const device = fleet[Math.floor(i / SENSORS.length) % fleet.length];
    const s = i % SENSORS.length;
    const ms = start + Math.floor(i / (SENSORS.length * fleet.length)) * 5 + (device.index % 5);
    return {
      id: uuidv7({ msecs: ms }),
      deviceId: device.id,
      sensorId: device.sensorIds[s],
      value: 20 + (i % 100) / 10,
      ts: new Date(ms),
      type: SENSORS[s],
    };
  });
}

/**
 * (2) Raw pg: the same rows into sensor_data_copy (the real table's columns and indexes), batches of the writer's size,
 * with plain COPY and with the writer's own statement (unnest + ON CONFLICT DO NOTHING, restated: bench cannot import app code).
 */
export async function rawPgWrites(db: Client, fleet: BenchDevice[], count: number): Promise<{ copy: Throughput; insert: Throughput }> {
  await db.query('DROP TABLE IF EXISTS sensor_data_copy');
  await db.query('CREATE TABLE sensor_data_copy (LIKE sensor_data INCLUDING ALL)');
  const userId = randomUUID();
  const rows = rowsLike(fleet, count);
  const batches = Array.from({ length: Math.ceil(count / WRITER_BATCH) }, (_, b) => rows.slice(b * WRITER_BATCH, (b + 1) * WRITER_BATCH));
  try {
    let started = performance.now();
    for (const batch of batches) {
      const text = batch
        .map((r) => `${r.id}\t${r.deviceId}\t${r.sensorId}\t${userId}\t${r.type}\t${r.value}\t-\tGOOD\t${r.ts.toISOString()}\n`)
        .join('');
      await pipeline(
        Readable.from([text]),
        db.query(copyFrom('COPY sensor_data_copy (id, device_id, sensor_id, user_id, type, value, unit, quality, "timestamp") FROM STDIN')),
      );
    }
    const copy = {
      name: `raw pg COPY, ${WRITER_BATCH}-row batches`,
      perSecond: (count * 1000) / (performance.now() - started),
      unit: 'rows/s',
    };

    await db.query('TRUNCATE sensor_data_copy');
    started = performance.now();
    for (const batch of batches) {
      await db.query(
        `INSERT INTO sensor_data_copy (id, device_id, sensor_id, user_id, type, value, unit, quality, "timestamp")
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::timestamptz[])
         ON CONFLICT (sensor_id, "timestamp") DO NOTHING`,
        [
          batch.map((r) => r.id),
          batch.map((r) => r.deviceId),
          batch.map((r) => r.sensorId),
          batch.map(() => userId),
          batch.map((r) => r.type),
          batch.map((r) => r.value),
          batch.map(() => '-'),
          batch.map(() => 'GOOD'),
          batch.map((r) => r.ts.toISOString()),
        ],
      );
    }
    const insert = {
      name: `raw pg unnest INSERT .. ON CONFLICT, ${WRITER_BATCH}`,
      perSecond: (count * 1000) / (performance.now() - started),
      unit: 'rows/s',
    };
    return { copy, insert };
  } finally {
    await db.query('DROP TABLE IF EXISTS sensor_data_copy');
  }
}
