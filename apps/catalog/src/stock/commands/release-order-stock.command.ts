import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@suite/db/catalog';
import { UnitOfWork } from '@suite/platform';
import { releaseOrderRows } from '../stock-moves';

/** The order will not take its goods (cancelled, or refunded before they shipped): its units go back. */
export class ReleaseOrderStockCommand {
  constructor(readonly orderId: string) {}
}

/** Idempotent: only RESERVED and CONFIRMED rows are claimed, so a second release returns nothing; no rows (an imported order) is no error. */
@CommandHandler(ReleaseOrderStockCommand)
export class ReleaseOrderStockHandler implements ICommandHandler<ReleaseOrderStockCommand, number> {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ orderId }: ReleaseOrderStockCommand): Promise<number> {
    return this.uow.run((tx) => releaseOrderRows(tx, orderId));
  }
}
