import { Pool } from 'pg';
import { DeliverPolicy } from '@nats-io/jetstream';
import { runAsChild, runRawConsumer } from './raw-consumer';

/**
 * The alerting bench's baseline of the platform's consumer (see runRawConsumer): per message the inbox row and ONE `INSERT ... ON CONFLICT (open_fingerprint) DO UPDATE` of the alert row the service would count on,
 * into a copy of the alerts table), then ack. The rule is found by a Map lookup on the payload's deviceId (each bench
 * rule watches one device): no rule loading, no condition, no Nest, no Prisma.
 * argv: <stream> <filter subject> <durable> <database url> <table>; NATS_URL in the environment.
 */
const UPSERT = (table: string) => `
  INSERT INTO ${table} (id, rule_id, title, message, category, priority, status, event_type, event_id, event_data, fingerprint,
    open_fingerprint, group_key, device_id, sensor_id, owner_user_id, first_occurrence, last_occurrence, triggered_at, updated_at)
  VALUES (gen_random_uuid(), $1::uuid, $2, $3, 'SENSOR', 'HIGH', 'PENDING', $4, $5, $6::jsonb, $7, $7, $1, $8, $9, $10, $11, $11, $11, now())
  ON CONFLICT (open_fingerprint) DO UPDATE SET occurrence_count = ${table}.occurrence_count + 1,
    last_occurrence = GREATEST(${table}.last_occurrence, EXCLUDED.last_occurrence), event_id = EXCLUDED.event_id,
    event_data = EXCLUDED.event_data, updated_at = now()`;

async function main([stream, filter, durable, databaseUrl, table]: string[]): Promise<void> {
  const rules = new Pool({ connectionString: databaseUrl, max: 1 });
  const ruleOf = new Map(
    (await rules.query<{ id: string; device_id: string }>('SELECT id, device_id FROM alert_rules')).rows.map((r) => [r.device_id, r.id]),
  );
  await rules.end();
  const sql = UPSERT(table);
  await runRawConsumer({
    name: 'bench-raw-alert-consumer',
    stream,
    filter,
    durable,
    databaseUrl,
    start: { deliver_policy: DeliverPolicy.New },
    apply: async (client, message, id) => {
      const text = Buffer.from(message.data).toString('utf8');
      const p = JSON.parse(text) as {
        deviceId: string;
        sensorId: string;
        userId: string;
        title: string;
        message: string;
        triggeredAt: string;
      };
      const ruleId = ruleOf.get(p.deviceId);
      if (!ruleId) return;
      await client.query(sql, [
        ruleId,
        p.title,
        p.message,
        message.subject,
        id,
        text,
        `${ruleId}|sensorId=${p.sensorId}`,
        p.deviceId,
        p.sensorId,
        p.userId,
        new Date(p.triggeredAt),
      ]);
    },
  });
}

if (require.main === module) runAsChild(main);
