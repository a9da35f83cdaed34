import { ReturnItemInput } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { conflict } from '@suite/platform';
import { COUNTS_AGAINST_DELIVERED, returnable, windowEnd } from './return-rules';

/** A delivered_items row as the create-return lock reads it. */
export interface DeliveredRow {
  order_item_id: string;
  quantity: number;
  user_id: string | null;
  team_id: string | null;
  store_id: string | null;
  delivered_at: Date;
}

const itemConflict = (index: number, code: string, message: string, details: Record<string, unknown>, field = 'orderItemId') =>
  conflict(code, message, { ...details, errors: [{ field: `items[${index}].${field}`, messages: [message] }] });

/**
 * Every requested item must have been delivered, within the window after its last delivery, and in
 * no more than delivered minus what other returns hold (rejected ones hold nothing). Run after the
 * order's delivered rows are locked, so what other returns hold cannot change underneath. Answers
 * the earliest window end among the items (the return's own window); throws 409 naming the item.
 */
export async function checkReturnable(
  tx: Prisma.TransactionClient,
  delivered: DeliveredRow[],
  items: ReturnItemInput[],
  windowDays: number,
  now: Date,
): Promise<Date> {
  let earliest = Infinity;
  for (const [index, item] of items.entries()) {
    const rows = delivered.filter((d) => d.order_item_id === item.orderItemId);
    if (rows.length === 0)
      throw itemConflict(index, 'LOGISTICS.ITEM_NOT_DELIVERED', 'This item of the order has not been delivered.', {
        orderItemId: item.orderItemId,
      });
    const lastDelivery = new Date(Math.max(...rows.map((r) => r.delivered_at.getTime())));
    const end = windowEnd(lastDelivery, windowDays);
    if (end < now)
      throw itemConflict(
        index,
        'LOGISTICS.RETURN_WINDOW_CLOSED',
        `The return window closed on ${end.toISOString()}, ${windowDays} days after delivery.`,
        { orderItemId: item.orderItemId, deliveredAt: lastDelivery.toISOString(), windowEndsAt: end.toISOString() },
      );
    earliest = Math.min(earliest, end.getTime());
    const held = await tx.returnItem.aggregate({
      _sum: { quantity: true },
      where: { orderItemId: item.orderItemId, return: { status: { in: COUNTS_AGAINST_DELIVERED } } },
    });
    const available = { delivered: rows.reduce((s, r) => s + r.quantity, 0), returned: held._sum.quantity ?? 0 };
    const left = returnable(available);
    if (item.quantity > left)
      throw itemConflict(
        index,
        'LOGISTICS.RETURN_QUANTITY_EXCEEDED',
        `At most ${left} of this item can still be returned (${available.delivered} delivered, ${available.returned} already in returns).`,
        { orderItemId: item.orderItemId, ...available, returnable: left },
        'quantity',
      );
  }
  return new Date(earliest);
}
