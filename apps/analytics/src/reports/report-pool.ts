import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { databaseUrlFor } from '@suite/platform';

/**
 * A plain pg pool for reading report rows with a server-side cursor (Prisma has no cursors). Two
 * connections: one per report running in this process, plus one to spare.
 */
@Injectable()
export class ReportPool implements OnApplicationShutdown {
  readonly pool = new Pool({ connectionString: databaseUrlFor('analytics'), max: 2 });

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
