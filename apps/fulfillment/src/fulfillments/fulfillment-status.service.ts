import { Injectable } from '@nestjs/common';
import { FulfillmentStatusChanged, FulfillmentStatusName } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { conflict, enqueueEvent } from '@suite/platform';
import { eventOf, Router } from '../routing/router.service';
import { canMove } from './transitions';

type Tx = Prisma.TransactionClient;

/** One change of a fulfillment's status, whoever asks for it (the API, a production batch, a supplier order, an order event). */
export interface FulfillmentChange {
  status: FulfillmentStatusName;
  /** SHIPPED: what the carrier gave. */
  trackingNumber?: string | null;
  carrier?: string | null;
  /** FAILED: why (stored as failureReason); carried by the event. */
  reason?: string | null;
  /** Who lifts the open holds of a FAILED fulfillment (FulfillmentHold.releasedBy / releasedById). */
  by: string;
  byUserId?: string | null;
  /** FAILED re-routes the items to another factory unless false (a cancelled order is not re-routed). */
  reroute?: boolean;
}

/**
 * What to do with a move the status rules do not allow: 'throw' answers 409 (the API asked for it),
 * 'skip' leaves the fulfillment as it is (a supplier order or a batch reporting late, twice or backwards).
 */
export type OnIllegalMove = 'throw' | 'skip';

const illegal = (from: FulfillmentStatusName, to: FulfillmentStatusName) =>
  conflict('FULFILLMENT.ILLEGAL_TRANSITION', `A ${from} fulfillment cannot become ${to}.`, {
    errors: [{ field: 'status', messages: [`${from} -> ${to} is not a legal transition`] }],
  });
const notRouted = () =>
  conflict('FULFILLMENT.NOT_ROUTED', 'The fulfillment has no factory yet.', {
    errors: [{ field: 'status', messages: ['a fulfillment without a factory cannot go into production'] }],
  });

/**
 * The one owner of fulfillment status changes: the legal transitions (transitions.ts), the items' statuses,
 * the timeline fields, FulfillmentStatusChanged through the outbox, and what FAILED entails (open holds
 * lifted, reserved blanks given back, the items re-routed with the decision kept). The API, production
 * batches, quality checks, supplier orders and order cancellation all come through here, inside their
 * own transaction.
 */
@Injectable()
export class FulfillmentStatusService {
  constructor(private readonly router: Router) {}

  /**
   * Moves the fulfillment (its row locked for the rest of the transaction). Returns false when the move was
   * skipped (onIllegal 'skip'): not a legal transition from where it is now, or IN_PRODUCTION without a factory.
   */
  async change(tx: Tx, fulfillmentId: string, change: FulfillmentChange, onIllegal: OnIllegalMove = 'throw'): Promise<boolean> {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM fulfillments WHERE id = ${fulfillmentId}::uuid FOR UPDATE`;
    if (locked.length === 0) return false;
    const f = await tx.fulfillment.findUniqueOrThrow({ where: { id: fulfillmentId } });
    const to = change.status;
    const refusal = !canMove(f.status, to) ? illegal(f.status, to) : to === 'IN_PRODUCTION' && !f.factoryId ? notRouted() : null;
    if (refusal) {
      if (onIllegal === 'throw') throw refusal;
      return false;
    }
    const now = new Date();
    const reason = to === 'FAILED' ? (change.reason ?? null) : null;
    await tx.fulfillment.update({
      where: { id: f.id },
      data: {
        status: to,
        ...(to === 'SHIPPED' ? { trackingNumber: change.trackingNumber ?? null, carrier: change.carrier ?? null, shippedAt: now } : {}),
        ...(to === 'DELIVERED' ? { deliveredAt: now } : {}),
        ...(to === 'FAILED' ? { failureReason: reason } : {}),
      },
    });
    // An item that already failed (a quality check past the reprint limit) stays FAILED while the rest moves on.
    await tx.fulfillmentItem.updateMany({
      where: { fulfillmentId: f.id, ...(to === 'FAILED' ? {} : { status: { not: 'FAILED' } }) },
      data: { status: to },
    });
    if (to === 'FAILED') {
      await tx.fulfillmentHold.updateMany({
        where: { fulfillmentId: f.id, releasedAt: null },
        data: { releasedAt: now, releasedById: change.byUserId ?? null, releasedBy: change.by },
      });
      await this.router.releaseBlanks(tx, f.id);
    }
    await enqueueEvent(tx, FulfillmentStatusChanged, await eventOf(tx, f.id, { previousStatus: f.status, reason }));
    if (to === 'FAILED' && change.reroute !== false) await this.router.reroute(tx, f.id);
    // last: the re-route has taken its factories' row locks before this takes the load row of the old one
    if (to === 'FAILED') await this.router.releaseLoad(tx, f.id);
    return true;
  }

  /**
   * A production batch started: its items still PENDING go IN_PRODUCTION, and so do their fulfillments
   * still PENDING (one FulfillmentStatusChanged each; a fulfillment already further along is left alone).
   */
  async startItems(tx: Tx, fulfillmentItemIds: string[], by: string): Promise<void> {
    if (fulfillmentItemIds.length === 0) return;
    const fulfillments = await tx.fulfillmentItem.findMany({
      where: { id: { in: fulfillmentItemIds } },
      distinct: ['fulfillmentId'],
      select: { fulfillmentId: true },
      orderBy: { fulfillmentId: 'asc' },
    });
    const ids = fulfillments.map((f) => f.fulfillmentId);
    // the fulfillments before their items, in id order: the order an API status change takes them in
    await tx.$queryRaw`SELECT id FROM fulfillments WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    await tx.fulfillmentItem.updateMany({
      where: { id: { in: fulfillmentItemIds }, status: 'PENDING' },
      data: { status: 'IN_PRODUCTION' },
    });
    for (const fulfillmentId of ids) {
      const f = await tx.fulfillment.findUniqueOrThrow({ where: { id: fulfillmentId }, select: { status: true } });
      if (f.status === 'PENDING') await this.change(tx, fulfillmentId, { status: 'IN_PRODUCTION', by }, 'skip');
    }
  }

  /** One item failed for good: it is FAILED, and its fulfillment FAILS (and is re-routed) once none of its items is left standing. */
  async failItem(tx: Tx, fulfillmentItemId: string, reason: string, by: string): Promise<void> {
    const item = await tx.fulfillmentItem.update({ where: { id: fulfillmentItemId }, data: { status: 'FAILED' } });
    const standing = await tx.fulfillmentItem.count({ where: { fulfillmentId: item.fulfillmentId, status: { not: 'FAILED' } } });
    if (standing === 0) await this.change(tx, item.fulfillmentId, { status: 'FAILED', reason, by }, 'skip');
  }
}
