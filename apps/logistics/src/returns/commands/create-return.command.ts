import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateReturnDto, ReturnDetailView } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, invalid, isUniqueViolationOn, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission, requireSignedIn } from '../../access';
import { LogisticsConfig } from '../../config';
import { ticketScope } from '../../tickets/ticket-access';
import { orderNotFound, orderOwner, ownsOrder } from '../return-access';
import { newRmaNumber } from '../return-rules';
import { checkReturnable, DeliveredRow } from '../returnable-check';
import { RETURN_DETAIL, toReturnDetail } from '../return-view';

type Tx = Prisma.TransactionClient;
export class CreateReturnCommand extends Command<ReturnDetailView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateReturnDto,
  ) {
    super();
  }
}

/**
 * Opens an RMA for delivered items of the caller's order. The order's delivered rows are locked
 * first (FOR UPDATE, in id order), so two returns of one order are checked one after the other and
 * together never take more than was delivered; what earlier returns hold is read after the lock.
 */
@CommandHandler(CreateReturnCommand)
export class CreateReturnHandler implements ICommandHandler<CreateReturnCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: LogisticsConfig,
  ) {}

  execute({ caller, dto }: CreateReturnCommand): Promise<ReturnDetailView> {
    const userId = requireSignedIn(caller);
    requirePermission(caller, 'returns:create');
    const seen = new Set<string>();
    dto.items.forEach((item, index) => {
      if (seen.has(item.orderItemId))
        throw invalid('LOGISTICS.INVALID_RETURN', 'An item is listed twice.', {
          errors: [{ field: `items[${index}].orderItemId`, messages: ['listed twice'] }],
        });
      seen.add(item.orderItemId);
    });
    return this.uow.run(async (tx) => {
      const delivered = await tx.$queryRaw<DeliveredRow[]>`
        SELECT order_item_id::text, quantity, user_id, team_id::text, store_id::text, delivered_at
        FROM delivered_items WHERE order_id = ${dto.orderId}::uuid ORDER BY id FOR UPDATE`;
      // orders' own lines say whose order it is; the delivery event's owner fields stand in when they are missing
      const owner = delivered.length
        ? ((await orderOwner(tx, dto.orderId)) ?? { userId: delivered[0].user_id, teamId: delivered[0].team_id })
        : null;
      // another buyer's order answers exactly like an order that does not exist
      if (!owner || !ownsOrder(caller, owner)) throw orderNotFound();
      const ticketId = dto.ticketId ? await this.ticketFor(tx, caller, dto.ticketId, dto.orderId) : null;
      const windowEndsAt = await checkReturnable(tx, delivered, dto.items, this.config.RETURN_WINDOW_DAYS, new Date());
      const lines = await tx.orderLine.findMany({ where: { orderItemId: { in: [...seen] } } });
      const returnId = await insertReturn(tx, {
        orderId: dto.orderId,
        userId: owner.userId,
        teamId: owner.teamId,
        storeId: lines[0]?.storeId ?? delivered[0].store_id,
        ticketId,
        reason: dto.reason,
        photos: dto.photos ?? [],
        customerNotes: dto.customerNotes ?? null,
        requestedBy: userId,
        windowEndsAt,
      });
      await tx.returnItem.createMany({
        data: dto.items.map((item) => {
          const line = lines.find((l) => l.orderItemId === item.orderItemId);
          return {
            returnId,
            orderItemId: item.orderItemId,
            quantity: item.quantity,
            productId: line?.productId ?? null,
            systemVariantId: line?.systemVariantId ?? null,
            sku: line?.sku ?? null,
          };
        }),
      });
      await tx.returnStatusHistory.create({ data: { returnId, fromStatus: null, toStatus: 'REQUESTED', actorId: userId } });
      return toReturnDetail(await tx.return.findUniqueOrThrow({ where: { id: returnId }, include: RETURN_DETAIL }));
    });
  }

  /** The ticket must be the caller's (or staff's to act on) and about this order. */
  private async ticketFor(tx: Tx, caller: CallerIdentity, ticketId: string, orderId: string): Promise<string> {
    const ticket = await tx.supportTicket.findFirst({ where: { AND: [{ id: ticketId }, ticketScope(caller)] } });
    if (!ticket)
      throw notFound('LOGISTICS.TICKET_NOT_FOUND', 'No such ticket.', { errors: [{ field: 'ticketId', messages: ['ticket not found'] }] });
    if (ticket.orderId && ticket.orderId !== orderId)
      throw invalid('LOGISTICS.TICKET_OTHER_ORDER', 'The ticket is about another order.', {
        errors: [{ field: 'ticketId', messages: ['the ticket is about another order'] }],
      });
    return ticket.id;
  }
}

/** Inserts the return under a fresh RMA number, retried on the rare clash (a savepoint keeps the transaction usable). */
async function insertReturn(tx: Tx, data: Omit<Prisma.ReturnUncheckedCreateInput, 'rmaNumber'>): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    await tx.$executeRawUnsafe('SAVEPOINT rma_number');
    try {
      const row = await tx.return.create({ data: { ...data, rmaNumber: newRmaNumber(new Date()) } });
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT rma_number');
      return row.id;
    } catch (error) {
      if (!isUniqueViolationOn(error, /rma_number|rmaNumber/) || attempt >= 3) throw error;
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT rma_number');
    }
  }
}
