/**
 * The baseline for a public read through the whole edge: a bare Fastify server in its own process answering
 * the same SQL from a pg Pool, no NATS, no Nest. argv: <port> <connectionString> <sql> <poolMax>.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { serveParent } from './child';

const [port, connectionString, sql, poolMax] = process.argv.slice(2);
const pool = new Pool({ connectionString, max: Number(poolMax) });
const app = Fastify({ logger: false });
app.get('/', async () => (await pool.query(sql)).rows);

app.listen({ port: Number(port), host: '127.0.0.1' }).then(
  () => {
    serveParent({}, async () => {
      await app.close();
      await pool.end();
    });
    process.send?.({ type: 'ready' });
  },
  (error: Error) => process.send?.({ type: 'error', error: error.stack ?? error.message }),
);
