import { Injectable } from '@nestjs/common';
import { LatestReadingView, ReadingBucketView, ReadingQuery, ReadingsView, ReadingView } from '@suite/contracts/iot-telemetry';
import { Prisma } from '@suite/db/iot-telemetry';
import type { IotTelemetryDb } from '@suite/db/iot-telemetry';
import { CallerIdentity, InjectDb, readTimeCursor, timeKeyOf, toPage } from '@suite/platform';
import { DeviceAccess } from '../devices/device-access';
import { sensorNotFound } from '../sensors/sensor-rules';
import { BUCKET_INTERVAL, readingRange } from './reading-range';

const DEFAULT_LIMIT = 100;

interface RawRow {
  id: string;
  sensor_id: string | null;
  type: string;
  value: number;
  unit: string;
  quality: string | null;
  timestamp: Date;
}
interface BucketRow {
  sensor_id: string;
  bucket: Date;
  min: number;
  max: number;
  avg: number;
  count: number;
}
interface LatestRow {
  id: string;
  name: string;
  type: string;
  unit: string;
  value: number | null;
  quality: string | null;
  timestamp: Date | null;
}

/**
 * Time-series queries in plain SQL. Every query names the device's sensors (`sensor_id = ANY(...)`) so it runs on the
 * (sensor_id, "timestamp") index: sensor_data has no device_id index on purpose (one index less per inserted row).
 */
@Injectable()
export class ReadingsService {
  constructor(
    @InjectDb() private readonly db: IotTelemetryDb,
    private readonly access: DeviceAccess,
  ) {}

  async query(caller: CallerIdentity, deviceId: string, query: ReadingQuery): Promise<ReadingsView> {
    await this.access.find(deviceId, caller);
    const { from, to } = readingRange(query);
    const sensorIds = await this.sensorIds(deviceId, query.sensorId);
    const range = { from: from.toISOString(), to: to.toISOString(), bucket: query.bucket ?? null };
    if (query.bucket)
      return { ...range, buckets: sensorIds.length ? await this.buckets(sensorIds, from, to, BUCKET_INTERVAL[query.bucket]) : [] };
    const limit = query.limit ?? DEFAULT_LIMIT;
    const after = readTimeCursor(query.cursor);
    // Per sensor, the newest limit+1 rows by a backward scan of (sensor_id, "timestamp"), then merged: the cost is bounded
    // by sensors x limit, not by how many rows the range holds (one sorted bitmap scan over a week would read them all).
    const rows = sensorIds.length
      ? await this.db.$queryRaw<RawRow[]>`
          SELECT r.* FROM unnest(${sensorIds}::uuid[]) AS s(id) CROSS JOIN LATERAL (
            SELECT d.id, d.sensor_id, d.type, d.value, d.unit, d.quality, d."timestamp" FROM sensor_data d
            WHERE d.sensor_id = s.id AND d."timestamp" >= ${from} AND d."timestamp" < ${to}
            ${after ? Prisma.sql`AND d."timestamp" <= ${after.at} AND (d."timestamp" < ${after.at} OR d.id < ${after.id}::uuid)` : Prisma.empty}
            ORDER BY d."timestamp" DESC LIMIT ${limit + 1}
          ) r
          ORDER BY r."timestamp" DESC, r.id DESC LIMIT ${limit + 1}`
      : [];
    const page = toPage(rows.map(toReadingView), limit, (r) => timeKeyOf(r.timestamp, r.id));
    return { ...range, items: page.items, nextCursor: page.nextCursor };
  }

  /** One row per active sensor, the newest reading found by one index probe each (LATERAL ... LIMIT 1); null when none yet. */
  async latest(caller: CallerIdentity, deviceId: string): Promise<LatestReadingView[]> {
    await this.access.find(deviceId, caller);
    const rows = await this.db.$queryRaw<LatestRow[]>`
      SELECT s.id, s.name, s.type, s.unit, r.value, r.quality, r."timestamp"
      FROM sensors s
      LEFT JOIN LATERAL (
        SELECT d.value, d.quality, d."timestamp" FROM sensor_data d WHERE d.sensor_id = s.id ORDER BY d."timestamp" DESC LIMIT 1
      ) r ON true
      WHERE s.device_id = ${deviceId}::uuid AND s.is_active
      ORDER BY s.name`;
    return rows.map((r) => ({
      sensorId: r.id,
      name: r.name,
      type: r.type,
      unit: r.unit,
      value: r.value,
      quality: r.quality,
      timestamp: r.timestamp?.toISOString() ?? null,
    }));
  }

  private async buckets(sensorIds: string[], from: Date, to: Date, interval: string): Promise<ReadingBucketView[]> {
    const rows = await this.db.$queryRaw<BucketRow[]>`
      SELECT sensor_id, date_bin(${interval}::interval, "timestamp", TIMESTAMPTZ '1970-01-01 00:00:00+00') AS bucket,
             min(value) AS min, max(value) AS max, avg(value) AS avg, count(*)::int AS count
      FROM sensor_data
      WHERE sensor_id = ANY(${sensorIds}::uuid[]) AND "timestamp" >= ${from} AND "timestamp" < ${to}
      GROUP BY sensor_id, bucket
      ORDER BY bucket, sensor_id`;
    return rows.map((r) => ({ sensorId: r.sensor_id, bucket: r.bucket.toISOString(), min: r.min, max: r.max, avg: r.avg, count: r.count }));
  }

  /** The device's sensors (inactive ones too: their history stays readable), or the one asked for if it is the device's. */
  private async sensorIds(deviceId: string, sensorId?: string): Promise<string[]> {
    if (sensorId) {
      const sensor = await this.db.sensor.findFirst({ where: { id: sensorId, deviceId }, select: { id: true } });
      if (!sensor) throw sensorNotFound(sensorId);
      return [sensor.id];
    }
    return (await this.db.sensor.findMany({ where: { deviceId }, select: { id: true } })).map((s) => s.id);
  }
}

function toReadingView(r: RawRow): ReadingView {
  return {
    id: r.id,
    sensorId: r.sensor_id,
    type: r.type,
    value: r.value,
    unit: r.unit,
    quality: r.quality,
    timestamp: r.timestamp.toISOString(),
  };
}
