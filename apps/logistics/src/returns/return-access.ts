import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, hasAnyRole, notFound } from '@suite/platform';
import { SUPPORT_STAFF } from '../access';
import { returnNotFound } from './return-view';

type Db = Pick<Prisma.TransactionClient, 'return' | 'orderLine' | 'deliveredItem'>;

/** Who handles every customer's returns: support staff, and FULFILLER users who receive the parcels. */
export const RETURNS_STAFF = [...SUPPORT_STAFF, 'FULFILLER'] as const;

export interface OrderOwner {
  userId: string | null;
  teamId: string | null;
}

/** The buyer themselves, the selling team, or staff. */
export function ownsOrder(caller: CallerIdentity, owner: OrderOwner, staff: readonly string[] = SUPPORT_STAFF): boolean {
  if (hasAnyRole(caller, staff)) return true;
  if (caller.userId && owner.userId === caller.userId) return true;
  return owner.teamId !== null && caller.teamIds.includes(owner.teamId);
}

/** Returns the caller may see: staff all; others their own and their teams' orders'. */
export function returnScope(caller: CallerIdentity): Prisma.ReturnWhereInput {
  if (hasAnyRole(caller, RETURNS_STAFF)) return {};
  return { OR: [{ userId: caller.userId ?? '-' }, { teamId: { in: caller.teamIds } }] };
}

export async function visibleReturn(db: Db, caller: CallerIdentity, returnId: string) {
  const row = await db.return.findFirst({ where: { AND: [{ id: returnId }, returnScope(caller)] } });
  if (!row) throw returnNotFound();
  return row;
}

export const orderNotFound = (field = 'orderId') =>
  notFound('LOGISTICS.ORDER_NOT_FOUND', 'No such order among your delivered orders.', {
    errors: [{ field, messages: ['order not found'] }],
  });

/** Whose order it is, as logistics learnt it (orders' placed event, then the delivery events); null when unknown. */
export async function orderOwner(db: Db, orderId: string): Promise<OrderOwner | null> {
  const line = await db.orderLine.findFirst({ where: { orderId }, select: { userId: true, teamId: true } });
  if (line) return line;
  return db.deliveredItem.findFirst({ where: { orderId }, select: { userId: true, teamId: true } });
}
