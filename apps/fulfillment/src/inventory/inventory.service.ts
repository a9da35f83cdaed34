import { Injectable } from '@nestjs/common';
import {
  InventoryFilter,
  InventoryMovementFilter,
  InventoryMovementView,
  InventoryStockView,
  InventoryTypeName,
  MovementTypeName,
} from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import {
  CallerIdentity,
  conflict,
  decodeCursor,
  InjectDb,
  invalid,
  newestFirstAfter,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { requirePermission } from '../access/access';
import { FactoryAccess, factoryScope } from '../access/factory-access';
import { MovementPlan, reservePlan } from './movement-math';

type Tx = Prisma.TransactionClient;
type MovementRecord = Prisma.InventoryMovementGetPayload<object>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const notEnoughStock = (type: InventoryTypeName) =>
  conflict('FULFILLMENT.INSUFFICIENT_STOCK', `Not enough ${type} stock for this movement.`, {
    errors: [{ field: 'quantity', messages: [`would take ${type} below zero`] }],
  });

export const toMovementView = (m: MovementRecord): InventoryMovementView => ({
  id: m.id,
  locationId: m.locationId,
  itemCode: m.itemCode,
  type: m.type as MovementTypeName,
  quantity: m.quantity,
  fromType: (m.fromType as InventoryTypeName | null) ?? null,
  toType: (m.toType as InventoryTypeName | null) ?? null,
  reference: m.reference,
  actorId: m.actorId,
  createdAt: m.createdAt.toISOString(),
});

interface StockRow {
  locationId: string;
  factoryId: string;
  itemCode: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  damaged: number;
}

/** Where a movement applies: the source location and, for a TRANSFER, the destination. */
export interface MovementTarget {
  from: string;
  to?: string;
  itemCode: string;
  reference?: string | null;
  actorId?: string | null;
}

/**
 * Adds `delta` to one stock row inside `tx`. A decrease is one conditional UPDATE (`quantity >= n`), so
 * concurrent movements never take a row below zero: each waits for the row lock and re-reads it.
 * Returns false (nothing changed) when the stock is short.
 */
async function changeStock(tx: Tx, locationId: string, itemCode: string, type: InventoryTypeName, delta: number): Promise<boolean> {
  if (delta > 0) {
    await tx.$executeRaw`
      INSERT INTO factory_inventory (id, location_id, item_code, type, quantity, updated_at)
      VALUES (gen_random_uuid(), ${locationId}::uuid, ${itemCode}, ${type}::"InventoryType", ${delta}, now())
      ON CONFLICT (location_id, item_code, type)
      DO UPDATE SET quantity = factory_inventory.quantity + EXCLUDED.quantity, updated_at = now()`;
    return true;
  }
  const { count } = await tx.factoryInventory.updateMany({
    where: { locationId, itemCode, type, quantity: { gte: -delta } },
    data: { quantity: { decrement: -delta } },
  });
  return count === 1;
}

/**
 * Applies a planned movement in `tx`: every stock row it changes, then its log rows. Rows are changed in a
 * fixed order (location, type) so two movements touching the same rows cannot deadlock. Throws 409 naming
 * quantity when a row would go below zero (the caller's transaction then rolls back).
 */
export async function applyMovement(
  tx: Tx,
  plan: MovementPlan,
  target: MovementTarget,
  type?: MovementTypeName,
): Promise<MovementRecord[]> {
  const where = (at: 'from' | 'to') => (at === 'from' ? target.from : target.to!);
  const legs = [...plan.legs].sort((a, b) => `${where(a.at)}|${a.type}`.localeCompare(`${where(b.at)}|${b.type}`));
  for (const leg of legs) {
    if (!(await changeStock(tx, where(leg.at), target.itemCode, leg.type, leg.delta))) throw notEnoughStock(leg.type);
  }
  const rows: MovementRecord[] = [];
  for (const row of plan.rows) {
    rows.push(
      await tx.inventoryMovement.create({
        data: {
          locationId: where(row.at),
          itemCode: target.itemCode,
          type: type ?? row.type,
          quantity: row.quantity,
          fromType: row.fromType,
          toType: row.toType,
          reference: target.reference ?? null,
          actorId: target.actorId ?? null,
        },
      }),
    );
  }
  return rows;
}

/** Blank stock and its movement log, read side, and the reserve/release routing uses inside its own transaction. */
@Injectable()
export class InventoryService {
  constructor(
    @InjectDb() private readonly db: FulfillmentDb,
    private readonly access: FactoryAccess,
  ) {}

  /**
   * Routing: reserves `quantity` blanks at a location (ON_HAND -> RESERVED) in the caller's transaction, with
   * its log row. false, and nothing changed, when fewer are on hand.
   */
  async reserveBlanks(tx: Tx, locationId: string, itemCode: string, quantity: number, reference?: string): Promise<boolean> {
    return this.moveReserved(tx, locationId, itemCode, quantity, false, reference);
  }

  /** The reverse of reserveBlanks (RESERVED -> ON_HAND); false, and nothing changed, when fewer are reserved. */
  async releaseBlanks(tx: Tx, locationId: string, itemCode: string, quantity: number, reference?: string): Promise<boolean> {
    return this.moveReserved(tx, locationId, itemCode, quantity, true, reference);
  }

  private async moveReserved(tx: Tx, locationId: string, itemCode: string, quantity: number, release: boolean, reference?: string) {
    if (!Number.isInteger(quantity) || quantity <= 0) throw new Error(`blanks are reserved in positive whole units, not ${quantity}`);
    const plan = reservePlan(quantity, release);
    // The decrease comes first: when it is short nothing has been written yet.
    if (!(await changeStock(tx, locationId, itemCode, plan.legs[0].type, plan.legs[0].delta))) return false;
    await changeStock(tx, locationId, itemCode, plan.legs[1].type, plan.legs[1].delta);
    const row = plan.rows[0];
    await tx.inventoryMovement.create({
      data: { locationId, itemCode, type: row.type, quantity, fromType: row.fromType, toType: row.toType, reference: reference ?? null },
    });
    return true;
  }

  /** Stock per (location, item code), ordered by location then code; a FULFILLER sees their factories' locations only. */
  async list(caller: CallerIdentity, query: InventoryFilter & PageQuery): Promise<Page<InventoryStockView>> {
    requirePermission(caller, 'fulfillments:read');
    const limit = pageLimit(query);
    const visible = await this.access.visibleFactoryIds(caller);
    if (visible && visible.length === 0) return { items: [], nextCursor: null };
    const key = decodeCursor<{ l: string; c: string }>(query.cursor);
    if (key && (typeof key.l !== 'string' || !UUID.test(key.l) || typeof key.c !== 'string'))
      throw invalid('PLATFORM.INVALID_CURSOR', 'cursor is not a cursor returned by a previous page.', {
        errors: [{ field: 'cursor', messages: ['cursor is not a cursor returned by a previous page'] }],
      });
    const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
    if (visible) conditions.push(Prisma.sql`fl.factory_id = ANY(${visible}::uuid[])`);
    if (query.locationId) conditions.push(Prisma.sql`fi.location_id = ${query.locationId}::uuid`);
    if (query.itemCode) conditions.push(Prisma.sql`fi.item_code = ${query.itemCode}`);
    if (key) conditions.push(Prisma.sql`(fi.location_id, fi.item_code) > (${key.l}::uuid, ${key.c})`);
    const rows = await this.db.$queryRaw<StockRow[]>`
      SELECT fi.location_id::text AS "locationId", fl.factory_id::text AS "factoryId", fi.item_code AS "itemCode",
        COALESCE(SUM(fi.quantity) FILTER (WHERE fi.type = 'ON_HAND'), 0)::int AS "onHand",
        COALESCE(SUM(fi.quantity) FILTER (WHERE fi.type = 'RESERVED'), 0)::int AS "reserved",
        COALESCE(SUM(fi.quantity) FILTER (WHERE fi.type = 'IN_TRANSIT'), 0)::int AS "inTransit",
        COALESCE(SUM(fi.quantity) FILTER (WHERE fi.type = 'DAMAGED'), 0)::int AS "damaged"
      FROM factory_inventory fi JOIN factory_locations fl ON fl.id = fi.location_id
      WHERE ${Prisma.join(conditions, ' AND ')}
      GROUP BY fi.location_id, fl.factory_id, fi.item_code
      ORDER BY fi.location_id, fi.item_code
      LIMIT ${limit + 1}`;
    return toPage(rows, limit, (r) => ({ l: r.locationId, c: r.itemCode }));
  }

  /** The stock rows of these locations for one item code (what a movement left). */
  async stockOf(db: Tx | FulfillmentDb, locationIds: string[], itemCode: string): Promise<InventoryStockView[]> {
    const rows = await db.factoryInventory.findMany({
      where: { locationId: { in: locationIds }, itemCode },
      include: { location: { select: { factoryId: true } } },
    });
    return locationIds.map((locationId) => {
      const of = (type: InventoryTypeName) => rows.find((r) => r.locationId === locationId && r.type === type)?.quantity ?? 0;
      const factoryId = rows.find((r) => r.locationId === locationId)?.location.factoryId ?? '';
      return {
        locationId,
        factoryId,
        itemCode,
        onHand: of('ON_HAND'),
        reserved: of('RESERVED'),
        inTransit: of('IN_TRANSIT'),
        damaged: of('DAMAGED'),
      };
    });
  }

  async movements(caller: CallerIdentity, query: InventoryMovementFilter & PageQuery): Promise<Page<InventoryMovementView>> {
    requirePermission(caller, 'fulfillments:read');
    const limit = pageLimit(query);
    const where: Prisma.InventoryMovementWhereInput = {
      AND: [
        { location: { factory: factoryScope(caller) } },
        query.locationId ? { locationId: query.locationId } : {},
        query.itemCode ? { itemCode: query.itemCode } : {},
        query.type ? { type: query.type } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.inventoryMovement.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toMovementView), limit, (m) => timeKeyOf(m.createdAt, m.id));
  }
}
