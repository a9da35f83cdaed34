import { Injectable } from '@nestjs/common';
import { ReadingRow } from './parse-telemetry';
import { TelemetryPool } from './telemetry-pool';

/**
 * One multi-row INSERT per batch (arrays unnested server-side: one round trip, one parse, whatever the batch size).
 * ON CONFLICT on (sensor_id, timestamp) is what makes redelivery harmless: a reading already stored is skipped.
 * COPY would be faster still but cannot skip duplicates without a staging table; the bench shows this is not the limit.
 */
const INSERT_SQL = `
INSERT INTO sensor_data (id, device_id, sensor_id, user_id, type, value, unit, quality, "timestamp")
SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::float8[], $7::text[], $8::text[], $9::timestamptz[])
ON CONFLICT (sensor_id, "timestamp") DO NOTHING`;

@Injectable()
export class ReadingWriter {
  constructor(private readonly pool: TelemetryPool) {}

  /** Returns how many rows were new. */
  async insert(rows: ReadingRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const n = rows.length;
    const cols: unknown[][] = Array.from({ length: 9 }, () => new Array(n));
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      cols[0][i] = r.id;
      cols[1][i] = r.deviceId;
      cols[2][i] = r.sensorId;
      cols[3][i] = r.userId;
      cols[4][i] = r.type;
      cols[5][i] = r.value;
      cols[6][i] = r.unit;
      cols[7][i] = r.quality;
      cols[8][i] = r.timestamp.toISOString();
    }
    const result = await this.pool.query(INSERT_SQL, cols);
    return result.rowCount ?? 0;
  }
}
