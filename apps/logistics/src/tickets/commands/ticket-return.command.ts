import { Command, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReturnDetailView, TicketReturnDto } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, conflict, UnitOfWork } from '@suite/platform';
import { CreateReturnCommand } from '../../returns/commands/create-return.command';
import { visibleTicket } from '../ticket-access';

export class OpenReturnFromTicketCommand extends Command<ReturnDetailView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly ticketId: string,
    readonly dto: TicketReturnDto,
  ) {
    super();
  }
}

/** A return of the ticket's order, linked both ways, in one transaction with the return's own checks. */
@CommandHandler(OpenReturnFromTicketCommand)
export class OpenReturnFromTicketHandler implements ICommandHandler<OpenReturnFromTicketCommand> {
  constructor(
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly commands: CommandBus,
  ) {}

  execute({ caller, ticketId, dto }: OpenReturnFromTicketCommand): Promise<ReturnDetailView> {
    return this.uow.run(async (tx) => {
      const ticket = await visibleTicket(tx, caller, ticketId);
      if (!ticket.orderId)
        throw conflict('LOGISTICS.TICKET_WITHOUT_ORDER', 'The ticket is not about an order.', {
          errors: [{ field: 'ticketId', messages: ['the ticket names no order'] }],
        });
      if (ticket.status === 'CLOSED')
        throw conflict('LOGISTICS.TICKET_CLOSED', 'The ticket is closed.', {
          errors: [{ field: 'ticketId', messages: ['ticket is closed'] }],
        });
      const created = await this.commands.execute(new CreateReturnCommand(caller, { ...dto, orderId: ticket.orderId, ticketId }));
      if (!ticket.returnId) await tx.supportTicket.update({ where: { id: ticketId }, data: { returnId: created.id } });
      return created;
    });
  }
}
