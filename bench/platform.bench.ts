import { spawn } from 'node:child_process';
import { Pool } from 'pg';
import { connect } from '@nats-io/transport-node';
import { ApiGatewaySubjects } from '@suite/contracts/api-gateway';
import { databaseUrlFor, NatsClient, NatsConnectionService } from '@suite/platform';
import { eventually, startStack } from '@suite/platform/testing';
import { LoadOptions, measure, Measurement, ratio } from './lib/measure';

/** A raw v3 responder in its own process, as the baseline for a Nest @MessagePattern handler. */
const RAW_RESPONDER = `
const { connect } = require('@nats-io/transport-node');
connect({ servers: process.env.NATS_URL }).then(async (nc) => {
  const sub = nc.subscribe('bench.raw.echo', { queue: 'bench' });
  process.send?.('ready');
  for await (const m of sub) m.respond(JSON.stringify({ response: { status: 'up' }, isDisposed: true, id: JSON.parse(m.string()).id }));
});`;

/**
 * The platform's overhead against raw baselines measured in the same run:
 * - NATS request/reply: NatsClient -> NestJS handler (api-gateway.health.check) vs raw nc.request -> raw responder;
 * - the whole edge: HTTP -> gateway -> NATS -> analytics -> PostgreSQL vs the same query straight on pg.
 */
export async function platformBench(load: LoadOptions): Promise<string[]> {
  const stack = await startStack(['analytics'], { LOG_LEVEL: 'warn' });
  const responder = spawn(process.execPath, ['-e', RAW_RESPONDER], { env: stack.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const db = await stack.db('analytics');
  await db.query(`INSERT INTO system_config (id, key, value, is_public, category, updated_at) VALUES (gen_random_uuid(), 'site.currency', '"PHP"', true, 'site', now())`);
  const pool = new Pool({ connectionString: databaseUrlFor('analytics', stack.env), max: 10 });
  const connection = new NatsConnectionService(stack.env.NATS_URL!, 'bench');
  const client = new NatsClient(connection, 5000);
  const raw = await connect({ servers: stack.env.NATS_URL });
  try {
    await eventually(() => raw.request('bench.raw.echo', JSON.stringify({ id: 'x' }), { timeout: 500 }), Boolean);
    const rows: string[] = [];
    const rawNats = await measure('raw NATS request/reply', () => raw.request('bench.raw.echo', JSON.stringify({ id: '1', pattern: 'x', data: {} }), { timeout: 5000 }), load);
    const platformNats = await measure('NatsClient -> NestJS handler', () => client.request(ApiGatewaySubjects.HealthCheck, {}), load);
    rows.push(ratio(platformNats, rawNats));
    const sql = 'SELECT key, value, description, category FROM system_config WHERE is_public = true ORDER BY key';
    const rawPg: Measurement = await measure('raw pg query', () => pool.query(sql), load);
    const url = `${stack.base}/api/v1/system-config/public`;
    const edge = await measure('HTTP -> gateway -> NATS -> analytics -> pg', async () => {
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    }, load);
    rows.push(ratio(edge, rawPg));
    return rows;
  } finally {
    await raw.close();
    await connection.onApplicationShutdown();
    await pool.end();
    responder.kill();
    await stack.stop();
  }
}
