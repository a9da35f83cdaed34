import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  FulfillmentEventPayload,
  FulfillmentHeld,
  FulfillmentRouted,
  FulfillmentStatusName,
  toCountryCode,
} from '@suite/contracts/fulfillment';
import { OrderEventPayload } from '@suite/contracts/orders';
import { Prisma } from '@suite/db/fulfillment';
import { enqueueEvent, outboxRow } from '@suite/platform';
import { InventoryService } from '../inventory/inventory.service';
import { addLoad, claimLoad, claimLoadSql, loadRoutingInputs, lockOrderRouting, utcDay } from './candidate-query';
import { CandidateExplanation, Destination, route, RouteItem, RoutingResult } from './routing';

type Tx = Prisma.TransactionClient;
type HoldReason = 'DESIGN_NOT_READY' | 'NO_FACTORY' | 'CAPACITY' | 'MANUAL' | 'AWAITING_PAYMENT' | 'ADDRESS' | 'OTHER';

/** What every fulfillment of an order carries from its event. */
export interface OrderBase {
  orderId: string;
  orderCode: string | null;
  storeId: string | null;
  teamId: string | null;
  buyerUserId: string | null;
  shipTo: Destination | null;
}

/** One line to place: a new one from the order event, or an existing fulfillment item (id set). */
export interface Line {
  id?: string;
  orderItemId: string;
  productId: string | null;
  systemVariantId: string | null;
  systemVariantCode: string | null;
  designId: string | null;
  printMethod: string | null;
  quantity: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const reference = (fulfillmentId: string) => `fulfillment:${fulfillmentId}`;
const candidatesJson = (candidates: CandidateExplanation[]) => candidates as unknown as Prisma.InputJsonValue;

export async function eventOf(
  tx: Tx,
  fulfillmentId: string,
  extra: { previousStatus?: FulfillmentStatusName | null; reason?: string | null } = {},
): Promise<FulfillmentEventPayload> {
  const f = await tx.fulfillment.findUniqueOrThrow({ where: { id: fulfillmentId }, include: { items: { orderBy: { createdAt: 'asc' } } } });
  return {
    fulfillmentId: f.id,
    orderId: f.orderId,
    factoryId: f.factoryId,
    status: f.status,
    previousStatus: extra.previousStatus ?? null,
    items: f.items.map((i) => ({ orderItemId: i.orderItemId, status: i.status, quantity: i.quantity })),
    trackingNumber: f.trackingNumber,
    carrier: f.carrier,
    reason: extra.reason ?? f.failureReason ?? null,
  };
}

/** A fulfillment this routing just inserted, with the items it inserted into it (status PENDING, no tracking yet). */
interface Created {
  id: string;
  orderId: string;
  factoryId: string | null;
  status: FulfillmentStatusName;
  items: { orderItemId: string; status: FulfillmentStatusName; quantity: number }[];
}

const createdEvent = (f: Created, reason: string | null = null): FulfillmentEventPayload => ({
  fulfillmentId: f.id,
  orderId: f.orderId,
  factoryId: f.factoryId,
  status: f.status,
  previousStatus: null,
  items: f.items,
  trackingNumber: null,
  carrier: null,
  reason,
});

/** Decisions of one placement in a row that lost their factory's capacity or blanks to a concurrent one, before giving up (the event is retried). */
const MAX_ATTEMPTS = 5;

type Routed = Extract<RoutingResult, { outcome: 'ROUTED' }>;
type PlaceOptions = { into?: string; exclude?: string[]; rerouteOf?: string; unlessOrderHasFulfillments?: boolean };

/**
 * Routing against the database: reads candidates, rules and approved designs (nothing locked but the
 * order), lets the pure router decide, and writes the fulfillments, holds, blank reservations, the
 * explained decision and the events, all in the caller's transaction. The chosen factory's capacity and
 * blanks are claimed conditionally as the decision is written; when another decision took them first,
 * this one reads and ranks again.
 */
@Injectable()
export class Router {
  private readonly logger = new Logger('Router');

  constructor(private readonly inventory: InventoryService) {}

  /** An order ready to fulfil: routed once (a second event for the same order changes nothing). */
  async routeOrder(tx: Tx, event: OrderEventPayload): Promise<void> {
    const lines: Line[] = (event.items ?? []).map((i) => ({
      orderItemId: i.orderItemId,
      productId: i.productId,
      systemVariantId: i.systemVariantId ?? null,
      systemVariantCode: i.systemVariantCode ?? null,
      designId: i.designId ?? null,
      printMethod: (i as { printMethod?: string | null }).printMethod ?? null,
      quantity: i.quantity,
    }));
    const designIds = [...new Set(lines.map((l) => l.designId).filter((d): d is string => !!d))];
    // Without designs the order goes straight to place, whose read takes the order's lock and says whether it was routed already.
    if (lines.length === 0 || designIds.length > 0) {
      await lockOrderRouting(tx, event.orderId);
      if ((await tx.fulfillment.count({ where: { orderId: event.orderId } })) > 0) return;
    }
    if (lines.length === 0) {
      this.logger.warn({ orderId: event.orderId }, 'order event without items: nothing to route');
      return;
    }
    const base: OrderBase = {
      orderId: event.orderId,
      orderCode: event.orderCode ?? null,
      storeId: event.storeId ?? null,
      teamId: event.teamId ?? null,
      buyerUserId: event.userId && UUID.test(event.userId) ? event.userId : null,
      shipTo: event.shipTo ? { ...event.shipTo } : null,
    };
    if (designIds.length === 0) {
      await this.place(tx, base, lines, { unlessOrderHasFulfillments: true });
      return;
    }
    const approved = new Set((await tx.approvedDesign.findMany({ where: { designId: { in: designIds } } })).map((d) => d.designId));
    const waiting = lines.filter((l) => l.designId && !approved.has(l.designId));
    const ready = lines.filter((l) => !waiting.includes(l));
    if (waiting.length > 0) {
      const held = await this.createFulfillment(tx, base, waiting);
      await this.hold(
        tx,
        held.id,
        'DESIGN_NOT_READY',
        `waiting on design approval: ${[...new Set(waiting.map((l) => l.designId))].join(', ')}`,
        [],
        null,
        held,
      );
    }
    if (ready.length > 0) await this.place(tx, base, ready);
  }

  /**
   * Routes lines: a routed set of lines becomes one fulfillment per chosen factory; nothing fitting
   * becomes one held fulfillment. `into` is an existing fulfillment without a factory (held) that
   * takes the first assignment; `exclude` are factories that already failed these lines.
   */
  async place(tx: Tx, base: OrderBase, lines: Line[], options: PlaceOptions = {}): Promise<string[]> {
    const codes = [...new Set(lines.map((l) => l.systemVariantCode).filter((c): c is string => !!c))];
    const items: RouteItem[] = lines.map((l, i) => ({
      key: String(i),
      systemVariantCode: l.systemVariantCode,
      printMethod: l.printMethod,
      quantity: l.quantity,
    }));
    const destination: Destination = base.shipTo ?? { country: '' };
    for (let attempt = 1; ; attempt++) {
      const { factories, rules, orderHasFulfillments } = await loadRoutingInputs(
        tx,
        codes,
        (destination.country && toCountryCode(destination.country)) || null,
        options.unlessOrderHasFulfillments ? base.orderId : null,
      );
      if (orderHasFulfillments) return []; // routed once already
      const result = route({ items, destination, storeId: base.storeId, rules, factories, exclude: options.exclude });
      // The read took the order's lock but its snapshot may predate it: a routing that held the lock before is seen
      // by the claim of the common path (unlessRouted), and by this count on the others.
      const once = options.unlessOrderHasFulfillments ? base.orderId : null;
      if (once && !this.isSimple(lines, result, options) && (await tx.fulfillment.count({ where: { orderId: once } })) > 0) return [];
      if (result.outcome === 'HELD') {
        const created = options.into ? undefined : await this.createFulfillment(tx, base, lines);
        const id = options.into ?? created!.id;
        await this.hold(
          tx,
          id,
          result.holdReason,
          `no factory under rule "${result.rule.name}"`,
          result.candidates,
          result.rule.id,
          created,
        );
        return [id];
      }
      const ids = await this.write(tx, base, lines, result, options);
      if (ids === 'ROUTED_ALREADY') return [];
      if (ids) return ids;
      // A concurrent decision took the capacity or blanks this one chose: the next read sees what it committed.
      if (attempt === MAX_ATTEMPTS)
        throw new Error(`routing order ${base.orderId}: capacity or blanks taken by others ${attempt} times in a row`);
      this.logger.debug({ orderId: base.orderId, attempt }, 'chosen capacity or blanks taken meanwhile; routing again');
    }
  }

  /** One new fulfillment without blanks: written by one conditional statement (insertRouted). */
  private isSimple(lines: Line[], result: RoutingResult, options: PlaceOptions): boolean {
    if (result.outcome !== 'ROUTED' || result.assignments.length !== 1 || options.into) return false;
    return result.assignments[0].items.every((a) => !a.blankCode && (!lines[Number(a.key)].id || !!options.rerouteOf));
  }

  /**
   * Writes a routed decision, or nothing and undefined when a chosen factory's capacity or blanks are no
   * longer there (or ROUTED_ALREADY: another routing of the order, seen by the claim). The common case
   * (one new fulfillment, no blanks) is one conditional statement; the others run after a savepoint they
   * roll back to.
   */
  private async write(
    tx: Tx,
    base: OrderBase,
    lines: Line[],
    result: Routed,
    options: PlaceOptions,
  ): Promise<string[] | 'ROUTED_ALREADY' | undefined> {
    const ruleName = result.rule.name;
    const reasonOf = (n: number) =>
      options.rerouteOf
        ? `re-routed from fulfillment ${options.rerouteOf} under rule "${ruleName}"`
        : result.assignments.length > 1
          ? `split ${n + 1} of ${result.assignments.length} under rule "${ruleName}"`
          : `rule "${ruleName}"`;
    const assignedOf = (n: number) => result.assignments[n].items.map((a) => ({ line: lines[Number(a.key)], ...a }));
    const isNew = (n: number) => !(n === 0 && options.into) && assignedOf(n).every((a) => !a.line.id || options.rerouteOf);
    if (this.isSimple(lines, result, options)) {
      const assigned = assignedOf(0);
      const created = await this.insertRouted(
        tx,
        base,
        result.assignments[0],
        reasonOf(0),
        result.rule.id,
        new Date(),
        [...assigned.map((a) => this.itemData('', a.line, a.supplierVariantId))],
        randomUUID(),
        options.unlessOrderHasFulfillments ? base.orderId : null,
      );
      return created === 'ROUTED_ALREADY' ? created : created ? [created.id] : undefined;
    }
    await tx.$executeRaw`SAVEPOINT route_attempt`;
    const ids: string[] = [];
    const lost = async () => {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT route_attempt`;
      return undefined;
    };
    for (const [n, assignment] of result.assignments.entries()) {
      const assigned = assignedOf(n);
      const reason = reasonOf(n);
      const units = assigned.reduce((sum, a) => sum + a.line.quantity, 0);
      const decidedAt = new Date();
      // What other decisions contend for (blanks, then the day's load) is written last, so it is held the shortest.
      if (isNew(n)) {
        // A new fulfillment of new items: its blanks, then the claim, the fulfillment, its items, the decision and the event in one statement.
        const id = randomUUID();
        for (const a of assigned)
          if (a.blankCode && !(await this.reserve(tx, id, assignment.locationId, a.blankCode, a.quantity))) return lost();
        const created = await this.insertRouted(
          tx,
          base,
          assignment,
          reason,
          result.rule.id,
          decidedAt,
          [...assigned.map((a) => this.itemData('', a.line, a.supplierVariantId))],
          id,
        );
        if (!created || created === 'ROUTED_ALREADY') return lost();
        ids.push(created.id);
        continue;
      }
      let id: string;
      if (n === 0 && options.into) {
        id = options.into;
        await tx.fulfillment.update({ where: { id }, data: { factoryId: assignment.factoryId, locationId: assignment.locationId } });
      } else {
        id = (await this.createFulfillment(tx, base, [], { factoryId: assignment.factoryId, locationId: assignment.locationId })).id;
      }
      for (const a of assigned)
        if (a.line.id && (id === options.into || !options.rerouteOf))
          await tx.fulfillmentItem.update({
            where: { id: a.line.id },
            data: { supplierVariantId: a.supplierVariantId, fulfillmentId: id },
          });
      await this.insertItems(
        tx,
        assigned
          .filter((a) => !(a.line.id && (id === options.into || !options.rerouteOf)))
          .map((a) => this.itemData(id, a.line, a.supplierVariantId)),
      );
      await tx.routingDecision.create({
        data: {
          fulfillmentId: id,
          decidedAt,
          ruleId: result.rule.id,
          factoryId: assignment.factoryId,
          outcome: 'ROUTED',
          candidates: candidatesJson(assignment.candidates),
          reason,
        },
      });
      await enqueueEvent(tx, FulfillmentRouted, await eventOf(tx, id));
      for (const a of assigned)
        if (a.blankCode && !(await this.reserve(tx, id, assignment.locationId, a.blankCode, a.quantity))) return lost();
      if (!(await claimLoad(tx, assignment.factoryId, utcDay(decidedAt), units))) return lost();
      ids.push(id);
    }
    return ids;
  }

  /** Routes a held fulfillment (no factory yet) once it has no open hold. */
  async routeHeld(tx: Tx, fulfillmentId: string): Promise<void> {
    const f = await tx.fulfillment.findUnique({
      where: { id: fulfillmentId },
      include: { items: true, holds: { where: { releasedAt: null } } },
    });
    if (!f || f.factoryId || f.status !== 'PENDING' || f.holds.length > 0 || f.items.length === 0) return;
    const designIds = [...new Set(f.items.map((i) => i.designId).filter((d): d is string => !!d))];
    const approved = await tx.approvedDesign.count({ where: { designId: { in: designIds } } });
    if (approved < designIds.length) {
      await this.hold(tx, f.id, 'DESIGN_NOT_READY', 'waiting on design approval', []);
      return;
    }
    await this.place(
      tx,
      this.baseOf(f),
      f.items.map((i) => this.lineOf(i)),
      { into: f.id },
    );
  }

  /** A FAILED fulfillment's items go to another factory (every factory that failed them is excluded); the decision is kept. */
  async reroute(tx: Tx, failedId: string): Promise<string[]> {
    const f = await tx.fulfillment.findUniqueOrThrow({ where: { id: failedId }, include: { items: true } });
    const failed = await tx.fulfillment.findMany({
      where: {
        orderId: f.orderId,
        status: 'FAILED',
        factoryId: { not: null },
        items: { some: { orderItemId: { in: f.items.map((i) => i.orderItemId) } } },
      },
      select: { factoryId: true },
    });
    const exclude = [...new Set(failed.map((x) => x.factoryId as string))];
    const lines = f.items.map((i) => ({ ...this.lineOf(i), id: undefined }));
    const ids = await this.place(tx, this.baseOf(f), lines, { exclude, rerouteOf: f.id });
    await tx.routingDecision.create({
      data: {
        fulfillmentId: f.id,
        factoryId: f.factoryId,
        outcome: 'REROUTED',
        candidates: [],
        reason: `failed: ${f.failureReason ?? 'no reason'}; items now in ${ids.join(', ')}`,
      },
    });
    return ids;
  }

  /**
   * Gives back the blanks a fulfillment reserved (RESERVED -> ON_HAND), what its reservation movements still
   * hold, through InventoryService.releaseBlanks (an ADJUSTMENT movement each, referenced to the fulfillment).
   */
  async releaseBlanks(tx: Tx, fulfillmentId: string): Promise<void> {
    const held = await tx.$queryRaw<{ locationId: string; itemCode: string; quantity: number }[]>`
      SELECT location_id::text AS "locationId", item_code AS "itemCode",
             SUM(CASE WHEN to_type = 'RESERVED' THEN quantity ELSE -quantity END)::int AS quantity
      FROM inventory_movements WHERE reference = ${reference(fulfillmentId)}
      GROUP BY location_id, item_code
      ORDER BY location_id, item_code`;
    for (const h of held) {
      if (h.quantity <= 0) continue;
      if (!(await this.inventory.releaseBlanks(tx, h.locationId, h.itemCode, h.quantity, reference(fulfillmentId))))
        this.logger.warn({ fulfillmentId, ...h }, 'fewer blanks reserved than this fulfillment holds: nothing given back');
    }
  }

  /**
   * A routed fulfillment FAILED: its units go back to its factory's load of the day it was routed (its
   * last ROUTED decision), so routing may spend them again that day.
   */
  async releaseLoad(tx: Tx, fulfillmentId: string): Promise<void> {
    const f = await tx.fulfillment.findUniqueOrThrow({ where: { id: fulfillmentId }, include: { items: { select: { quantity: true } } } });
    if (!f.factoryId) return;
    const routed = await tx.routingDecision.findFirst({
      where: { fulfillmentId, outcome: 'ROUTED' },
      orderBy: { decidedAt: 'desc' },
      select: { decidedAt: true },
    });
    const units = f.items.reduce((sum, i) => sum + i.quantity, 0);
    await addLoad(tx, f.factoryId, utcDay(routed?.decidedAt ?? f.createdAt), -units);
  }

  async hold(
    tx: Tx,
    fulfillmentId: string,
    reason: HoldReason,
    note: string,
    candidates: CandidateExplanation[],
    ruleId: string | null = null,
    created?: Created,
  ) {
    await tx.fulfillmentHold.create({ data: { fulfillmentId, reason, note } });
    await tx.routingDecision.create({
      data: {
        fulfillmentId,
        ruleId,
        outcome: reason === 'MANUAL' ? 'MANUAL_QUEUE' : 'HELD',
        candidates: candidatesJson(candidates),
        reason: `${reason}: ${note}`,
      },
    });
    // a fulfillment created by this routing: its event is built from the rows just written
    await enqueueEvent(tx, FulfillmentHeld, created ? createdEvent(created, reason) : await eventOf(tx, fulfillmentId, { reason }));
  }

  /**
   * Through InventoryService.reserveBlanks: ON_HAND -> RESERVED, one ADJUSTMENT movement referenced to the
   * fulfillment; false, and nothing changed, when fewer are on hand now than the decision read.
   */
  private reserve(tx: Tx, fulfillmentId: string, locationId: string, itemCode: string, quantity: number): Promise<boolean> {
    return this.inventory.reserveBlanks(tx, locationId, itemCode, quantity, reference(fulfillmentId));
  }

  private async createFulfillment(
    tx: Tx,
    base: OrderBase,
    lines: Line[],
    at: { factoryId?: string; locationId?: string } = {},
  ): Promise<Created> {
    const f = await tx.fulfillment.create({
      select: { id: true, orderId: true, factoryId: true, status: true },
      data: {
        orderId: base.orderId,
        orderCode: base.orderCode,
        storeId: base.storeId,
        teamId: base.teamId,
        buyerUserId: base.buyerUserId,
        shipTo: (base.shipTo ?? undefined) as Prisma.InputJsonValue | undefined,
        factoryId: at.factoryId,
        locationId: at.locationId,
      },
    });
    const items = await this.insertItems(
      tx,
      lines.map((line) => this.itemData(f.id, line, null)),
    );
    return { ...f, items };
  }

  /**
   * Claims the units on the factory's load of the decision's UTC day (claimLoadSql) and, only when they fit,
   * inserts the fulfillment with its items (a millisecond apart, in line order), its ROUTED decision and its
   * FulfillmentRouted event, in one statement. Undefined, and nothing written, when they did not fit.
   */
  private async insertRouted(
    tx: Tx,
    base: OrderBase,
    at: { factoryId: string; locationId: string; candidates: CandidateExplanation[] },
    reason: string,
    ruleId: string | null,
    decidedAt: Date,
    rows: Prisma.FulfillmentItemUncheckedCreateInput[],
    id: string = randomUUID(),
    unlessRouted: string | null = null,
  ): Promise<Created | 'ROUTED_ALREADY' | undefined> {
    const now = decidedAt.getTime();
    const items = rows.map((r, i) => ({
      order_item_id: r.orderItemId,
      product_id: r.productId ?? null,
      system_variant_id: r.systemVariantId ?? null,
      system_variant_code: r.systemVariantCode ?? null,
      design_id: r.designId ?? null,
      print_method: r.printMethod ?? null,
      quantity: r.quantity,
      supplier_variant_id: r.supplierVariantId ?? null,
      created_at: new Date(now + i).toISOString(),
    }));
    const units = items.reduce((sum, i) => sum + i.quantity, 0);
    const created: Created = {
      id,
      orderId: base.orderId,
      factoryId: at.factoryId,
      status: 'PENDING',
      items: items.map((r) => ({ orderItemId: r.order_item_id, status: 'PENDING' as const, quantity: r.quantity })),
    };
    const event = outboxRow(FulfillmentRouted, createdEvent(created));
    const [{ claimed, routed }] = await tx.$queryRaw<{ claimed: boolean; routed: boolean }[]>`
      WITH claim AS (${claimLoadSql(at.factoryId, utcDay(decidedAt), units, unlessRouted)}
      ), f AS (
        INSERT INTO fulfillments (id, order_id, order_code, store_id, team_id, buyer_user_id, factory_id, location_id, ship_to, created_at, updated_at)
        SELECT ${id}::uuid, ${base.orderId}::uuid, ${base.orderCode}, ${base.storeId}::uuid, ${base.teamId}::uuid, ${base.buyerUserId}::uuid,
               ${at.factoryId}::uuid, ${at.locationId}::uuid, ${base.shipTo ? JSON.stringify(base.shipTo) : null}::jsonb,
               ${decidedAt.toISOString()}::timestamptz, ${decidedAt.toISOString()}::timestamptz
        FROM claim
        RETURNING id
      ), i AS (
        INSERT INTO fulfillment_items (id, fulfillment_id, order_item_id, product_id, system_variant_id, system_variant_code, design_id,
                                       print_method, quantity, supplier_variant_id, created_at, updated_at)
        SELECT gen_random_uuid(), f.id, t.order_item_id, t.product_id, t.system_variant_id, t.system_variant_code, t.design_id,
               t.print_method, t.quantity, t.supplier_variant_id, t.created_at, t.created_at
        FROM f, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) AS t(order_item_id uuid, product_id uuid, system_variant_id uuid,
             system_variant_code text, design_id uuid, print_method text, quantity int, supplier_variant_id uuid, created_at timestamptz)
      ), d AS (
        INSERT INTO routing_decisions (id, fulfillment_id, rule_id, factory_id, outcome, candidates, reason, decided_at)
        SELECT gen_random_uuid(), f.id, ${ruleId}::uuid, ${at.factoryId}::uuid, 'ROUTED', ${JSON.stringify(at.candidates)}::jsonb, ${reason},
               ${decidedAt.toISOString()}::timestamptz
        FROM f
      ), o AS (
        INSERT INTO outbox_event (id, subject, payload, headers)
        SELECT ${event.id}::uuid, ${event.subject}, ${event.payload}::jsonb, ${event.headers}::jsonb FROM f
      )
      SELECT EXISTS (SELECT 1 FROM f) AS claimed, EXISTS (SELECT 1 FROM fulfillments WHERE order_id = ${unlessRouted}::uuid) AS routed`;
    return claimed ? created : routed ? 'ROUTED_ALREADY' : undefined;
  }

  /**
   * New items in one INSERT, in the given order: a millisecond apart, as one INSERT each would have
   * been, so lists ordered by createdAt keep the order's line order.
   */
  private async insertItems(tx: Tx, rows: Prisma.FulfillmentItemUncheckedCreateInput[]): Promise<Created['items']> {
    if (rows.length === 0) return [];
    const at = Date.now();
    const withIds = rows.map((r, i) => ({ ...r, createdAt: new Date(at + i) }));
    await tx.fulfillmentItem.createMany({ data: withIds });
    return withIds.map((r) => ({ orderItemId: r.orderItemId, status: 'PENDING' as const, quantity: r.quantity }));
  }

  private itemData(fulfillmentId: string, l: Line, supplierVariantId: string | null): Prisma.FulfillmentItemUncheckedCreateInput {
    return {
      fulfillmentId,
      orderItemId: l.orderItemId,
      productId: l.productId,
      systemVariantId: l.systemVariantId,
      systemVariantCode: l.systemVariantCode,
      designId: l.designId,
      printMethod: l.printMethod,
      quantity: l.quantity,
      supplierVariantId,
    };
  }

  baseOf(f: {
    orderId: string;
    orderCode: string | null;
    storeId: string | null;
    teamId: string | null;
    buyerUserId: string | null;
    shipTo: unknown;
  }): OrderBase {
    return {
      orderId: f.orderId,
      orderCode: f.orderCode,
      storeId: f.storeId,
      teamId: f.teamId,
      buyerUserId: f.buyerUserId,
      shipTo: (f.shipTo as Destination | null) ?? null,
    };
  }

  lineOf(i: Prisma.FulfillmentItemGetPayload<object>): Line {
    return {
      id: i.id,
      orderItemId: i.orderItemId,
      productId: i.productId,
      systemVariantId: i.systemVariantId,
      systemVariantCode: i.systemVariantCode,
      designId: i.designId,
      printMethod: i.printMethod,
      quantity: i.quantity,
    };
  }
}
