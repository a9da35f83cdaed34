import type { Pool } from 'pg';
import type { Cell } from './output/report-writer';

/**
 * The rows of a query in batches through a server-side cursor (DECLARE ... FETCH), in a read-only
 * transaction: PostgreSQL keeps the result, this process only ever holds one batch.
 */
export async function* readInBatches(pool: Pool, sql: string, params: unknown[], batchSize: number): AsyncGenerator<Cell[][]> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query({ text: `DECLARE report_rows NO SCROLL CURSOR FOR ${sql}`, values: params });
    for (;;) {
      const { rows } = await client.query({ text: `FETCH ${batchSize} FROM report_rows`, rowMode: 'array' });
      if (!rows.length) break;
      yield rows as Cell[][];
      if (rows.length < batchSize) break;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Also reached when the consumer stops early (a cancelled run): the cursor dies with the transaction.
    await client.query('ROLLBACK').catch(() => (failed = true));
    client.release(failed);
  }
}
