import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateTicketDto, TicketOpened, TicketView } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, enqueueEvent, invalid, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission, requireSignedIn } from '../../access';
import { LogisticsConfig } from '../../config';
import { orderNotFound, orderOwner, OrderOwner, ownsOrder, visibleReturn } from '../../returns/return-access';
import { dueHoursOf } from '../due-hours';
import { dueAt } from '../ticket-rules';
import { toTicketEvent, toTicketView } from '../ticket-view';

type Tx = Prisma.TransactionClient;

const otherOrder = (field: string) =>
  invalid('LOGISTICS.TICKET_SUBJECT_MISMATCH', `The ${field.replace('Id', '')} is not of the given order.`, {
    errors: [{ field, messages: ['does not belong to the given orderId'] }],
  });

export class CreateTicketCommand extends Command<TicketView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateTicketDto,
  ) {
    super();
  }
}

/**
 * Opens a ticket about one of the caller's orders, shipments or returns. What it is about is
 * checked against what logistics knows of the order's owner: anything else is 404, as if missing.
 */
@CommandHandler(CreateTicketCommand)
export class CreateTicketHandler implements ICommandHandler<CreateTicketCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: LogisticsConfig,
  ) {}

  execute({ caller, dto }: CreateTicketCommand): Promise<TicketView> {
    const userId = requireSignedIn(caller);
    requirePermission(caller, 'tickets:create');
    if (!dto.orderId && !dto.shipmentId && !dto.returnId)
      throw invalid('LOGISTICS.INVALID_TICKET', 'Say what the ticket is about.', {
        errors: [{ field: 'orderId', messages: ['one of orderId, shipmentId or returnId is required'] }],
      });
    return this.uow.run(async (tx) => {
      let orderId = dto.orderId ?? null;
      let owner: OrderOwner | null = null;
      if (dto.returnId) {
        const ret = await visibleReturn(tx, caller, dto.returnId).catch(() => {
          throw notFound('LOGISTICS.RETURN_NOT_FOUND', 'No such return.', {
            errors: [{ field: 'returnId', messages: ['return not found'] }],
          });
        });
        if (orderId && ret.orderId !== orderId) throw otherOrder('returnId');
        orderId = ret.orderId;
        owner = { userId: ret.userId, teamId: ret.teamId };
      }
      if (dto.shipmentId) {
        const shipped = await tx.deliveredItem.findFirst({ where: { shipmentId: dto.shipmentId } });
        if (!shipped || !ownsOrder(caller, shipped))
          throw notFound('LOGISTICS.SHIPMENT_NOT_FOUND', 'No such shipment among your orders.', {
            errors: [{ field: 'shipmentId', messages: ['shipment not found'] }],
          });
        if (orderId && shipped.orderId !== orderId) throw otherOrder('shipmentId');
        orderId = shipped.orderId;
        owner = shipped;
      }
      if (orderId && !owner) {
        owner = await orderOwner(tx, orderId);
        if (!owner || !ownsOrder(caller, owner)) throw orderNotFound();
      }
      const priority = dto.priority ?? 'MEDIUM';
      const now = new Date();
      const row = await tx.supportTicket.create({
        data: {
          userId: owner?.userId ?? userId,
          orderId,
          shipmentId: dto.shipmentId ?? null,
          returnId: dto.returnId ?? null,
          teamId: owner?.teamId ?? null,
          subject: dto.subject,
          description: dto.description,
          priority,
          // one clock for both, so dueAt - createdAt is exactly the priority's allowance
          createdAt: now,
          dueAt: dueAt(now, priority, dueHoursOf(this.config)),
        },
      });
      await enqueueEvent(tx, TicketOpened, toTicketEvent(row));
      return toTicketView(row);
    });
  }
}
