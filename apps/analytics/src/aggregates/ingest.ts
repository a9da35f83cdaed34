import { randomUUID } from 'node:crypto';
import { EventRecord } from '../events/event-record';
import { Directory, emptyDirectory, Fact, factsOf, lookupsOf } from './facts';

/** The raw SQL this needs of a Prisma client or transaction. */
export interface SqlRunner {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

export interface IngestRecord extends EventRecord {
  /** The bus message id of another service's event; absent for tracked events. */
  sourceEventId?: string | null;
}

const INSERT_EVENTS = `INSERT INTO analytics_event (id, event_type, entity_type, entity_id, metadata, user_id, timestamp, source_event_id)
SELECT t.id::uuid, t.event_type, t.entity_type, t.entity_id, t.metadata::jsonb, t.user_id, t.ts::timestamptz, t.source_event_id
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
  AS t(id, event_type, entity_type, entity_id, metadata, user_id, ts, source_event_id)
ON CONFLICT (source_event_id) DO NOTHING RETURNING id::text AS id`;

const KEY = 'bucket, source, store_id, team_id, channel, product_id, category, device_id, customer_id';
/** One statement per table for the whole batch: the batch's facts summed per key, added to the rows there. */
const upsert = (table: string, unit: 'hour' | 'day') => `INSERT INTO ${table} AS a (${KEY}, count, amount, quantity)
SELECT date_trunc('${unit}', t.at::timestamptz, 'UTC'), t.source, t.store_id, t.team_id, t.channel, t.product_id, t.category, t.device_id, t.customer_id,
  sum(t.count), sum(t.amount), sum(t.quantity)
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[], $11::numeric[], $12::bigint[])
  AS t(at, source, store_id, team_id, channel, product_id, category, device_id, customer_id, count, amount, quantity)
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ON CONFLICT (${KEY}) DO UPDATE SET count = a.count + excluded.count, amount = a.amount + excluded.amount, quantity = a.quantity + excluded.quantity`;
const UPSERT_HOURLY = upsert('analytics_aggregate_hourly', 'hour');
const UPSERT_DAILY = upsert('analytics_aggregate_daily', 'day');

/** Cached metrics whose period holds one of these instants are stale now. */
const INVALIDATE_CACHE = `DELETE FROM analytics_cache c
WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS t(at) WHERE t.at::timestamptz >= c.period_start AND t.at::timestamptz < c.period_end)`;

/**
 * Stores a batch of events and rolls them up, in the caller's transaction: the event rows (a
 * message id seen before is skipped), the hourly and daily aggregates of the rows that were new, the
 * directories they taught (store -> team, device -> owner, ...) and the cache of their periods.
 * A batch of one is what the consumer writes per event; larger batches are the same statements with
 * longer arrays. Answers the ids of the rows written (a duplicate has none).
 */
export async function ingestEvents(tx: SqlRunner, records: IngestRecord[]): Promise<string[]> {
  if (records.length === 0) return [];
  const ids = records.map(() => randomUUID());
  const col = <T>(f: (r: IngestRecord) => T) => records.map(f);
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    INSERT_EVENTS,
    ids,
    col((r) => r.eventType),
    col((r) => r.entityType),
    col((r) => r.entityId),
    col((r) => (r.metadata === null || r.metadata === undefined ? null : JSON.stringify(r.metadata))),
    col((r) => r.userId),
    col((r) => r.timestamp.toISOString()),
    col((r) => r.sourceEventId ?? null),
  );
  const fresh = new Set(inserted.map((r) => r.id));
  const kept = records.filter((_, i) => fresh.has(ids[i]));
  if (kept.length > 0) {
    const dir = await loadDirectory(tx, kept);
    const before = snapshot(dir);
    const facts = kept.flatMap((r) => factsOf(r, dir));
    await saveDirectory(tx, dir, before);
    await writeFacts(tx, facts);
  }
  return ids.filter((id) => fresh.has(id));
}

export async function writeFacts(tx: SqlRunner, facts: Fact[]): Promise<void> {
  if (facts.length === 0) return;
  const col = <T>(f: (x: Fact) => T) => facts.map(f);
  const args = [
    col((f) => f.at.toISOString()),
    col((f) => f.source),
    col((f) => f.storeId ?? ''),
    col((f) => f.teamId ?? ''),
    col((f) => f.channel ?? ''),
    col((f) => f.productId ?? ''),
    col((f) => f.category ?? ''),
    col((f) => f.deviceId ?? ''),
    col((f) => f.customerId ?? ''),
    col((f) => f.count),
    col((f) => f.amount),
    col((f) => f.quantity),
  ];
  await tx.$executeRawUnsafe(UPSERT_HOURLY, ...args);
  await tx.$executeRawUnsafe(UPSERT_DAILY, ...args);
  await tx.$executeRawUnsafe(INVALIDATE_CACHE, [...new Set(facts.map((f) => f.at.toISOString()))]);
}

async function loadDirectory(tx: SqlRunner, records: IngestRecord[]): Promise<Directory> {
  const dir = emptyDirectory();
  const need = lookupsOf(records);
  if (need.stores.length > 0)
    for (const r of await tx.$queryRawUnsafe<{ store_id: string; team_id: string | null }[]>(
      'SELECT store_id, team_id FROM analytics_store WHERE store_id = ANY($1::text[])',
      need.stores,
    ))
      dir.storeTeam.set(r.store_id, r.team_id);
  if (need.products.length > 0)
    for (const r of await tx.$queryRawUnsafe<{ product_id: string; store_id: string | null; category: string | null }[]>(
      'SELECT product_id, store_id, category FROM analytics_product WHERE product_id = ANY($1::text[])',
      need.products,
    ))
      dir.productCategory.set(r.product_id, { storeId: r.store_id, category: r.category });
  if (need.devices.length > 0) {
    // A device seen for the first time gets its row before it is locked: an outage's offline and online events
    // handled at once by two batches would otherwise each find no row, and the second upsert would overwrite the
    // first's offlineSince (the outage lost). Sorted, so batches lock devices in one order.
    await tx.$executeRawUnsafe(
      'INSERT INTO analytics_device (device_id) SELECT d FROM unnest($1::text[]) AS d ORDER BY d ON CONFLICT DO NOTHING',
      [...need.devices].sort(),
    );
    for (const r of await tx.$queryRawUnsafe<
      { device_id: string; owner_id: string | null; offline_since: Date | null; last_online_at: Date | null }[]
    >(
      'SELECT device_id, owner_id, offline_since, last_online_at FROM analytics_device WHERE device_id = ANY($1::text[]) FOR UPDATE',
      need.devices,
    ))
      dir.device.set(r.device_id, {
        ownerId: r.owner_id,
        offlineSince: r.offline_since ? new Date(r.offline_since) : null,
        lastOnlineAt: r.last_online_at ? new Date(r.last_online_at) : null,
      });
  }
  if (need.payments.length > 0)
    for (const r of await tx.$queryRawUnsafe<{ payment_id: string; refunded: string }[]>(
      'SELECT payment_id, refunded_amount::text AS refunded FROM analytics_payment_refund WHERE payment_id = ANY($1::text[]) FOR UPDATE',
      need.payments,
    ))
      dir.refunded.set(r.payment_id, r.refunded);
  return dir;
}

type Snapshot = { [K in keyof Directory]: Map<string, string> };
const snapshot = (dir: Directory): Snapshot =>
  Object.fromEntries(
    Object.entries(dir).map(([k, map]) => [k, new Map([...(map as Map<string, unknown>)].map(([id, v]) => [id, JSON.stringify(v)]))]),
  ) as Snapshot;
const changed = <V>(map: Map<string, V>, before: Map<string, string>) => [...map].filter(([id, v]) => before.get(id) !== JSON.stringify(v));

/** Writes back only what the batch's events changed, so concurrent batches do not queue on rows they only read. */
async function saveDirectory(tx: SqlRunner, dir: Directory, before: Snapshot): Promise<void> {
  const stores = changed(dir.storeTeam, before.storeTeam);
  if (stores.length > 0)
    await tx.$executeRawUnsafe(
      `INSERT INTO analytics_store (store_id, team_id) SELECT * FROM unnest($1::text[], $2::text[]) ORDER BY 1
       ON CONFLICT (store_id) DO UPDATE SET team_id = excluded.team_id, updated_at = now()`,
      stores.map(([id]) => id),
      stores.map(([, team]) => team),
    );
  const products = changed(dir.productCategory, before.productCategory);
  if (products.length > 0)
    await tx.$executeRawUnsafe(
      `INSERT INTO analytics_product (product_id, store_id, category) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ORDER BY 1
       ON CONFLICT (product_id) DO UPDATE SET store_id = excluded.store_id, category = excluded.category, updated_at = now()`,
      products.map(([id]) => id),
      products.map(([, p]) => p.storeId),
      products.map(([, p]) => p.category),
    );
  const devices = changed(dir.device, before.device);
  if (devices.length > 0)
    await tx.$executeRawUnsafe(
      `INSERT INTO analytics_device (device_id, owner_id, offline_since, last_online_at)
       SELECT a, b, c::timestamptz, d::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(a, b, c, d) ORDER BY 1
       ON CONFLICT (device_id) DO UPDATE SET owner_id = excluded.owner_id, offline_since = excluded.offline_since,
         last_online_at = excluded.last_online_at, updated_at = now()`,
      devices.map(([id]) => id),
      devices.map(([, d]) => d.ownerId),
      devices.map(([, d]) => d.offlineSince?.toISOString() ?? null),
      devices.map(([, d]) => d.lastOnlineAt?.toISOString() ?? null),
    );
  const refunds = changed(dir.refunded, before.refunded);
  if (refunds.length > 0)
    await tx.$executeRawUnsafe(
      `INSERT INTO analytics_payment_refund (payment_id, refunded_amount) SELECT a, b::numeric FROM unnest($1::text[], $2::text[]) AS t(a, b) ORDER BY 1
       ON CONFLICT (payment_id) DO UPDATE SET refunded_amount = GREATEST(analytics_payment_refund.refunded_amount, excluded.refunded_amount)`,
      refunds.map(([id]) => id),
      refunds.map(([, v]) => v),
    );
}
