import { Prisma } from '@suite/db/fulfillment';
import { CandidateFactory, Fallback, Rule, RuleFilters, SortKey } from './routing';

type Tx = Prisma.TransactionClient;

/**
 * Serialises everything that routes or cancels one order (a transaction-scoped advisory lock): the
 * order's placed and paid events, a redelivery, and its cancellation never interleave, and what one of
 * them reads after this lock includes what the other committed. (loadRoutingInputs takes the same lock.)
 */
export async function lockOrderRouting(tx: Tx, orderId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`route:${orderId}`}, 0))`;
}

/** [factory id, id, systemVariantCode, supplierVariantCode, price, leadTime, isAvailable, printMethod] */
type VariantRow = [string, string, string, string, number, number, boolean, string | null];
/** [id, code, supplierType, isPrimary, printMethods, qualityRating, remaining] */
type FactoryRow = [string, string, string, boolean, string[], number | null, number];
/** [id, factory id, isDefault, shippingZones, onHand (null: no blanks of these codes)] */
type LocationRow = [string, string, boolean, string[], Record<string, number> | null];

interface RuleRow {
  id: string;
  name: string;
  filters: unknown;
  sort: string[];
  fallback: string;
}

/**
 * The candidate query: every active factory with a supplier variant for one of the codes, its
 * variants for them, and its remaining capacity today (capacity minus its FactoryDailyLoad row for
 * the UTC day: the units routed to it today, less those of its fulfillments that FAILED since).
 * The same statement reads the candidates' active locations that ship to the destination's country
 * (the zones are matched in full by the router) with their ON_HAND blanks (the order's codes and the
 * candidates' supplier variant codes) and the active routing rules in the order they apply, so a
 * decision reads everything it ranks on in one round trip (one snapshot); given an order id, it also
 * takes the order's routing lock (lockOrderRouting) and says whether that order had fulfillments in
 * its snapshot. That snapshot may predate the lock: what is written after it must check again in a
 * statement of its own (claimLoadSql's unlessRouted, or a count), which sees every routing of the order
 * that held the lock before. Rows come as JSON arrays, factories once: building
 * and parsing JSON objects per variant and location cost more than the query itself.
 * Nothing is locked: remaining capacity and blanks are what the decision ranks on, and the chosen
 * factory's are claimed conditionally when it writes (claimLoadSql, InventoryService.reserveBlanks),
 * so a decision that lost them to another reads and ranks again.
 */
export async function loadRoutingInputs(
  tx: Tx,
  codes: string[],
  country: string | null,
  orderId: string | null = null,
): Promise<{ factories: CandidateFactory[]; rules: Rule[]; orderHasFulfillments: boolean }> {
  const [row] = await tx.$queryRaw<
    { variants: VariantRow[] | null; factories: FactoryRow[] | null; locations: LocationRow[] | null; rules: RuleRow[]; routed: boolean }[]
  >`
    WITH v AS (
      SELECT v.factory_id, v.id, v.system_variant_code, v.supplier_variant_code, v.supplier_price, v.lead_time, v.is_available, v.print_method
      FROM supplier_variants v JOIN factories f ON f.id = v.factory_id AND f.is_active
      WHERE v.system_variant_code = ANY(${codes}::text[])
    )
    SELECT
      (SELECT json_agg(json_build_array(v.factory_id, v.id, v.system_variant_code, v.supplier_variant_code, v.supplier_price::float8, v.lead_time,
                                        v.is_available, v.print_method)) FROM v) AS variants,
      (SELECT json_agg(json_build_array(f.id, f.code, f.supplier_type, f.is_primary, f.print_methods, f.quality_rating::float8,
                                        (f.capacity - COALESCE(used.units, 0))::int) ORDER BY f.id)
       FROM factories f
       LEFT JOIN factory_daily_load used ON used.factory_id = f.id AND used.day = (now() AT TIME ZONE 'UTC')::date
       WHERE f.id IN (SELECT factory_id FROM v)) AS factories,
      (SELECT json_agg(json_build_array(l.id, l.factory_id, l.is_default, l.shipping_zones,
                (SELECT json_object_agg(i.item_code, i.quantity) FROM factory_inventory i
                 WHERE i.location_id = l.id AND i.type = 'ON_HAND'
                   AND (i.item_code = ANY(${codes}::text[]) OR i.item_code IN (SELECT supplier_variant_code FROM v WHERE v.factory_id = l.factory_id))))
              ORDER BY l.id)
       FROM factory_locations l
       WHERE l.is_active AND l.factory_id IN (SELECT factory_id FROM v)
         AND EXISTS (SELECT 1 FROM unnest(l.shipping_zones) z WHERE split_part(upper(z), ':', 1) = ${country}::text)) AS locations,
      (SELECT COALESCE(json_agg(json_build_object('id', r.id, 'name', r.name, 'filters', r.filters, 'sort', r.sort, 'fallback', r.fallback)
              ORDER BY r.priority, r.created_at, r.id), '[]'::json)
       FROM routing_rules r WHERE r.is_active) AS rules,
      EXISTS (SELECT 1 FROM fulfillments WHERE order_id = ${orderId}::uuid) AS routed,
      ${orderId ? Prisma.sql`(SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`route:${orderId}`}, 0)))` : Prisma.sql`NULL`}::int AS locked`;
  const factories = new Map<string, CandidateFactory>();
  for (const [id, code, supplierType, isPrimary, printMethods, qualityRating, remaining] of row.factories ?? [])
    factories.set(id, {
      id,
      code,
      supplierType,
      isActive: true,
      isPrimary,
      printMethods,
      qualityRating,
      remaining,
      variants: {},
      locations: [],
    });
  for (const [factoryId, id, systemVariantCode, supplierVariantCode, price, leadTime, isAvailable, printMethod] of row.variants ?? []) {
    const f = factories.get(factoryId);
    if (f) f.variants[systemVariantCode] = { id, systemVariantCode, supplierVariantCode, price, leadTime, isAvailable, printMethod };
  }
  for (const [id, factoryId, isDefault, shippingZones, onHand] of row.locations ?? [])
    factories.get(factoryId)?.locations.push({ id, isActive: true, isDefault, shippingZones, onHand: onHand ?? {} });
  const rules = row.rules.map((r) => ({
    id: r.id,
    name: r.name,
    filters: (r.filters ?? {}) as RuleFilters,
    sort: r.sort as SortKey[],
    fallback: r.fallback as Fallback,
  }));
  return { factories: [...factories.values()], rules, orderHasFulfillments: row.routed };
}

/** The UTC day of a moment ("YYYY-MM-DD"), as FactoryDailyLoad is keyed by. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/**
 * Adds units (negative: gives them back) to a factory's load of one UTC day, unconditionally: a FAILED
 * fulfillment gives its units back to the day of its ROUTED decision.
 */
export async function addLoad(tx: Tx, factoryId: string, day: string, units: number): Promise<void> {
  if (units === 0) return;
  await tx.$executeRaw`
    INSERT INTO factory_daily_load (factory_id, day, units) VALUES (${factoryId}::uuid, ${day}::date, ${units})
    ON CONFLICT (factory_id, day) DO UPDATE SET units = factory_daily_load.units + EXCLUDED.units`;
}

/**
 * Claims units of a factory's capacity for one UTC day, only if they fit: one statement that inserts the
 * day's row or adds to it where the total stays within the factory's capacity, and returns the factory id
 * when it did (no row: nothing changed). Concurrent claims on one row queue on its row lock and each
 * re-checks the committed total, so the load never passes the capacity. A fragment, so a caller can write
 * what depends on the claim in the same statement (`FROM claim`). Given `unlessRouted` (an order id whose
 * routing lock the transaction holds), nothing is claimed when that order has fulfillments.
 */
export const claimLoadSql = (factoryId: string, day: string, units: number, unlessRouted: string | null = null): Prisma.Sql => Prisma.sql`
  INSERT INTO factory_daily_load (factory_id, day, units)
  SELECT f.id, ${day}::date, ${units}::int FROM factories f WHERE f.id = ${factoryId}::uuid AND ${units}::int <= f.capacity
    AND NOT EXISTS (SELECT 1 FROM fulfillments WHERE order_id = ${unlessRouted}::uuid)
  ON CONFLICT (factory_id, day) DO UPDATE SET units = factory_daily_load.units + EXCLUDED.units
  WHERE factory_daily_load.units + EXCLUDED.units <= (SELECT capacity FROM factories WHERE id = EXCLUDED.factory_id)
  RETURNING factory_id`;

/** claimLoadSql on its own: whether the units were claimed. */
export async function claimLoad(tx: Tx, factoryId: string, day: string, units: number): Promise<boolean> {
  if (units === 0) return true;
  const rows = await tx.$queryRaw<{ factory_id: string }[]>(claimLoadSql(factoryId, day, units));
  return rows.length === 1;
}
