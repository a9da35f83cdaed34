import { Injectable } from '@nestjs/common';
import { TicketFilter, TicketMessageView, TicketView } from '@suite/contracts/logistics';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { isStaff, requirePermission } from '../access';
import { ticketScope, visibleTicket } from './ticket-access';
import { toMessageView, toTicketView } from './ticket-view';

/** The read side of tickets. */
@Injectable()
export class TicketsService {
  constructor(@InjectDb() private readonly db: LogisticsDb) {}

  async list(caller: CallerIdentity, query: TicketFilter & PageQuery): Promise<Page<TicketView>> {
    requirePermission(caller, 'tickets:read');
    const limit = pageLimit(query);
    const where: Prisma.SupportTicketWhereInput = {
      AND: [
        ticketScope(caller),
        query.status ? { status: query.status } : {},
        query.priority ? { priority: query.priority } : {},
        query.assigneeId ? { assigneeId: query.assigneeId } : {},
        query.orderId ? { orderId: query.orderId } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.supportTicket.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toTicketView), limit, (t) => timeKeyOf(t.createdAt, t.id));
  }

  async get(caller: CallerIdentity, ticketId: string): Promise<TicketView> {
    requirePermission(caller, 'tickets:read');
    return toTicketView(await visibleTicket(this.db, caller, ticketId));
  }

  /** Oldest first; internal notes only for staff. */
  async messages(caller: CallerIdentity, ticketId: string): Promise<TicketMessageView[]> {
    requirePermission(caller, 'tickets:read');
    await visibleTicket(this.db, caller, ticketId);
    const rows = await this.db.ticketMessage.findMany({
      where: { ticketId, ...(isStaff(caller) ? {} : { internal: false }) },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
    return rows.map(toMessageView);
  }
}
