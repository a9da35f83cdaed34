import { TicketEventPayload, TicketMessageView, TicketView } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';

export function toTicketView(t: Prisma.SupportTicketGetPayload<object>): TicketView {
  return {
    id: t.id,
    userId: t.userId,
    orderId: t.orderId,
    shipmentId: t.shipmentId,
    returnId: t.returnId,
    subject: t.subject,
    description: t.description,
    status: t.status,
    priority: t.priority,
    assigneeId: t.assigneeId,
    dueAt: t.dueAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function toMessageView(m: Prisma.TicketMessageGetPayload<object>): TicketMessageView {
  return { id: m.id, ticketId: m.ticketId, authorId: m.authorId, body: m.body, internal: m.internal, createdAt: m.createdAt.toISOString() };
}

/** The event form of a ticket row (after the change). */
export function toTicketEvent(
  t: Prisma.SupportTicketGetPayload<object>,
  previousStatus: TicketEventPayload['previousStatus'] = null,
): TicketEventPayload {
  return {
    ticketId: t.id,
    userId: t.userId,
    orderId: t.orderId,
    shipmentId: t.shipmentId,
    returnId: t.returnId,
    subject: t.subject,
    status: t.status,
    previousStatus,
    priority: t.priority,
    assigneeId: t.assigneeId,
    dueAt: t.dueAt.toISOString(),
    occurredAt: t.updatedAt.toISOString(),
  };
}
