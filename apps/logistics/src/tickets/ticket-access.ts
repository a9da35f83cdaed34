import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, hasAnyRole, notFound } from '@suite/platform';
import { SUPPORT_STAFF } from '../access';

export const ticketNotFound = (field = 'ticketId') =>
  notFound('LOGISTICS.TICKET_NOT_FOUND', 'No such ticket.', { errors: [{ field, messages: ['ticket not found'] }] });

/** Support staff see every ticket; customers their own; seller teams those about their stores' orders. */
export function ticketScope(caller: CallerIdentity): Prisma.SupportTicketWhereInput {
  if (hasAnyRole(caller, SUPPORT_STAFF)) return {};
  return { OR: [{ userId: caller.userId ?? '-' }, { teamId: { in: caller.teamIds } }] };
}

export async function visibleTicket(db: Pick<Prisma.TransactionClient, 'supportTicket'>, caller: CallerIdentity, ticketId: string) {
  const row = await db.supportTicket.findFirst({ where: { AND: [{ id: ticketId }, ticketScope(caller)] } });
  if (!row) throw ticketNotFound();
  return row;
}
