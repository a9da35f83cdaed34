import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReturnCompleted, ReturnDetailView, ReturnStatusDto, ReturnTarget } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, conflict, enqueueEvent, invalid, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access';
import { visibleReturn } from '../return-access';
import { canMoveReturn } from '../return-rules';
import { RETURN_DETAIL, toReturnDetail } from '../return-view';

type Tx = Prisma.TransactionClient;

/** The timestamp each status stamps on the return. */
const STAMP: Partial<Record<ReturnTarget, keyof Prisma.ReturnUncheckedUpdateInput>> = {
  APPROVED: 'approvedAt',
  REJECTED: 'rejectedAt',
  SHIPPED: 'shippedAt',
  RECEIVED: 'receivedAt',
  COMPLETED: 'completedAt',
};

export class ChangeReturnStatusCommand extends Command<ReturnDetailView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly returnId: string,
    readonly dto: ReturnStatusDto,
  ) {
    super();
  }
}

/**
 * Moves a return one legal step (409 otherwise), with a history row. The refund amount and each
 * item's resellable flag may be set along the way; COMPLETED needs the refund amount and writes
 * evt.logistics.return.completed to the outbox in the same transaction (orders refunds, catalog restocks).
 */
@CommandHandler(ChangeReturnStatusCommand)
export class ChangeReturnStatusHandler implements ICommandHandler<ChangeReturnStatusCommand> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, returnId, dto }: ChangeReturnStatusCommand): Promise<ReturnDetailView> {
    requirePermission(caller, 'returns:update');
    return this.uow.run(async (tx) => {
      await visibleReturn(tx, caller, returnId);
      await tx.$queryRaw`SELECT id FROM returns WHERE id = ${returnId}::uuid FOR UPDATE`;
      const current = await tx.return.findUniqueOrThrow({ where: { id: returnId }, include: { items: true } });
      if (!canMoveReturn(current.status, dto.status))
        throw conflict('LOGISTICS.RETURN_TRANSITION', `A ${current.status} return cannot become ${dto.status}.`, {
          currentStatus: current.status,
          errors: [{ field: 'status', messages: [`${current.status} -> ${dto.status} is not allowed`] }],
        });
      for (const [index, condition] of (dto.items ?? []).entries()) {
        if (!current.items.some((i) => i.id === condition.returnItemId))
          throw invalid('LOGISTICS.INVALID_RETURN_ITEM', 'Not an item of this return.', {
            errors: [{ field: `items[${index}].returnItemId`, messages: ['not an item of this return'] }],
          });
        await tx.returnItem.update({
          where: { id: condition.returnItemId },
          data: { resellable: condition.resellable, ...(condition.condition !== undefined ? { condition: condition.condition } : {}) },
        });
      }
      const refundAmount = dto.refundAmount !== undefined ? new Prisma.Decimal(dto.refundAmount) : current.refundAmount;
      if (dto.status === 'COMPLETED' && refundAmount === null)
        throw conflict('LOGISTICS.REFUND_AMOUNT_REQUIRED', 'Set the refund amount before completing the return ("0" for none).', {
          errors: [{ field: 'refundAmount', messages: ['required to complete the return'] }],
        });
      const now = new Date();
      const stamp = STAMP[dto.status];
      const updated = await tx.return.update({
        where: { id: returnId },
        data: {
          status: dto.status,
          refundAmount,
          ...(stamp ? { [stamp]: now } : {}),
          ...(dto.trackingNumber !== undefined ? { trackingNumber: dto.trackingNumber } : {}),
        },
        include: { items: true },
      });
      await tx.returnStatusHistory.create({
        data: { returnId, fromStatus: current.status, toStatus: dto.status, actorId: caller.userId ?? null, note: dto.note ?? null },
      });
      if (dto.status === 'COMPLETED') {
        await enqueueEvent(tx, ReturnCompleted, {
          returnId,
          rmaNumber: updated.rmaNumber,
          orderId: updated.orderId,
          userId: updated.userId,
          storeId: updated.storeId,
          teamId: updated.teamId,
          reason: updated.reason,
          refundAmount: (updated.refundAmount ?? new Prisma.Decimal(0)).toFixed(2),
          actorId: caller.userId ?? null,
          items: updated.items.map((i) => ({
            returnItemId: i.id,
            orderItemId: i.orderItemId,
            productId: i.productId,
            systemVariantId: i.systemVariantId,
            sku: i.sku,
            quantity: i.quantity,
            resellable: i.resellable,
          })),
          completedAt: now.toISOString(),
        });
      }
      return toReturnDetail(await tx.return.findUniqueOrThrow({ where: { id: returnId }, include: RETURN_DETAIL }));
    });
  }
}
