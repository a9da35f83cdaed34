import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AdminUserGet } from '@suite/contracts/identity';
import {
  TicketAssigned,
  TicketMessageDto,
  TicketMessageView,
  TicketStatusChanged,
  TicketStatusDto,
  TicketView,
} from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { AppError, CallerIdentity, conflict, enqueueEvent, hasAnyRole, invalid, NatsClient, UnitOfWork } from '@suite/platform';
import { isStaff, requirePermission, requireSignedIn, SUPPORT_STAFF } from '../../access';
import { LogisticsConfig } from '../../config';
import { dueHoursOf } from '../due-hours';
import { visibleTicket } from '../ticket-access';
import { canMoveTicket, dueAt } from '../ticket-rules';
import { toMessageView, toTicketEvent, toTicketView } from '../ticket-view';

type Tx = Prisma.TransactionClient;

const lock = (tx: Tx, ticketId: string) => tx.$queryRaw`SELECT id FROM support_tickets WHERE id = ${ticketId}::uuid FOR UPDATE`;

export class ChangeTicketStatusCommand extends Command<TicketView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly ticketId: string,
    readonly dto: TicketStatusDto,
  ) {
    super();
  }
}

/** A legal status step (409 otherwise); a new priority re-dates the due time from now. */
@CommandHandler(ChangeTicketStatusCommand)
export class ChangeTicketStatusHandler implements ICommandHandler<ChangeTicketStatusCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: LogisticsConfig,
  ) {}

  execute({ caller, ticketId, dto }: ChangeTicketStatusCommand): Promise<TicketView> {
    requirePermission(caller, 'tickets:update');
    return this.uow.run(async (tx) => {
      await visibleTicket(tx, caller, ticketId);
      await lock(tx, ticketId);
      const current = await tx.supportTicket.findUniqueOrThrow({ where: { id: ticketId } });
      if (!canMoveTicket(current.status, dto.status))
        throw conflict('LOGISTICS.TICKET_TRANSITION', `A ${current.status} ticket cannot become ${dto.status}.`, {
          currentStatus: current.status,
          errors: [{ field: 'status', messages: [`${current.status} -> ${dto.status} is not allowed`] }],
        });
      const now = new Date();
      const reprioritised = dto.priority && dto.priority !== current.priority;
      const row = await tx.supportTicket.update({
        where: { id: ticketId },
        data: {
          status: dto.status,
          ...(reprioritised ? { priority: dto.priority, dueAt: dueAt(now, dto.priority!, dueHoursOf(this.config)) } : {}),
          ...(dto.status === 'RESOLVED' ? { resolvedAt: now } : {}),
          ...(dto.status === 'IN_PROGRESS' && current.status === 'RESOLVED' ? { resolvedAt: null } : {}),
          ...(dto.status === 'CLOSED' ? { closedAt: now } : {}),
        },
      });
      await enqueueEvent(tx, TicketStatusChanged, toTicketEvent(row, current.status));
      return toTicketView(row);
    });
  }
}

export class AssignTicketCommand extends Command<TicketView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly ticketId: string,
    readonly assigneeId: string,
  ) {
    super();
  }
}

/** Assigns to a SUPPORT user (or an admin), as identity knows them; anyone else is 400 naming assigneeId. */
@CommandHandler(AssignTicketCommand)
export class AssignTicketHandler implements ICommandHandler<AssignTicketCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly nats: NatsClient,
  ) {}

  async execute({ caller, ticketId, assigneeId }: AssignTicketCommand): Promise<TicketView> {
    requirePermission(caller, 'tickets:update');
    const notSupport = (message: string) =>
      invalid('LOGISTICS.INVALID_ASSIGNEE', message, { errors: [{ field: 'assigneeId', messages: [message] }] });
    const user = await this.nats.call(AdminUserGet, { userId: assigneeId }, { caller }).catch((error: unknown) => {
      if (error instanceof AppError && error.kind === 'not_found') throw notSupport('no such user');
      throw error;
    });
    if (!user.isActive || !hasAnyRole({ ...caller, roles: user.roles }, SUPPORT_STAFF)) throw notSupport('not an active SUPPORT user');
    return this.uow.run(async (tx) => {
      await visibleTicket(tx, caller, ticketId);
      await lock(tx, ticketId);
      const current = await tx.supportTicket.findUniqueOrThrow({ where: { id: ticketId } });
      if (current.status === 'CLOSED')
        throw conflict('LOGISTICS.TICKET_CLOSED', 'A closed ticket cannot be assigned.', {
          errors: [{ field: 'status', messages: ['CLOSED'] }],
        });
      const row = await tx.supportTicket.update({ where: { id: ticketId }, data: { assigneeId } });
      await enqueueEvent(tx, TicketAssigned, toTicketEvent(row, current.status));
      return toTicketView(row);
    });
  }
}

export class PostTicketMessageCommand extends Command<TicketMessageView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly ticketId: string,
    readonly dto: TicketMessageDto,
  ) {
    super();
  }
}

/** Adds to the thread of an open ticket; only staff write internal notes. */
@CommandHandler(PostTicketMessageCommand)
export class PostTicketMessageHandler implements ICommandHandler<PostTicketMessageCommand> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, ticketId, dto }: PostTicketMessageCommand): Promise<TicketMessageView> {
    const authorId = requireSignedIn(caller);
    requirePermission(caller, 'tickets:create');
    if (dto.internal && !isStaff(caller))
      throw invalid('LOGISTICS.INVALID_MESSAGE', 'Only support staff write internal notes.', {
        errors: [{ field: 'internal', messages: ['only support staff write internal notes'] }],
      });
    return this.uow.run(async (tx) => {
      const ticket = await visibleTicket(tx, caller, ticketId);
      if (ticket.status === 'CLOSED')
        throw conflict('LOGISTICS.TICKET_CLOSED', 'The ticket is closed: open a new one.', {
          errors: [{ field: 'ticketId', messages: ['ticket is closed'] }],
        });
      const row = await tx.ticketMessage.create({ data: { ticketId, authorId, body: dto.body, internal: dto.internal ?? false } });
      await tx.supportTicket.update({ where: { id: ticketId }, data: { updatedAt: new Date() } });
      return toMessageView(row);
    });
  }
}
