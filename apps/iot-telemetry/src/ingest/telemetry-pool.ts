import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { databaseUrlFor } from '@suite/platform';

/**
 * A plain pg pool for the time-series hot paths (batch inserts, range and bucket queries). Prisma stays for everything
 * else; on these paths its ORM layer cost 4x in the platform bench (findMany x0.24 of raw pg).
 */
@Injectable()
export class TelemetryPool extends Pool implements OnApplicationShutdown {
  constructor() {
    super({ connectionString: databaseUrlFor('iot-telemetry'), max: 6, application_name: 'iot-telemetry-ingest' });
    // An idle client's error (database restarted) must not crash the process; the next query reconnects.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.end().catch(() => undefined);
  }
}
