import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReturnCompletedPayload } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/catalog';
import { UnitOfWork } from '@suite/platform';
import { normaliseLines, returnStock } from '../stock-moves';

export class RestockReturnCommand {
  constructor(readonly event: ReturnCompletedPayload) {}
}

/**
 * Puts a completed return's resellable units back on the shelf (the variant's stock when the line
 * was a variant, else the product's). The return's marker row is written first: a second completion
 * event of the same return (whatever its message id) hits the key and restocks nothing.
 */
@CommandHandler(RestockReturnCommand)
export class RestockReturnHandler implements ICommandHandler<RestockReturnCommand, number> {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ event }: RestockReturnCommand): Promise<number> {
    const lines = normaliseLines(
      event.items
        .filter((i) => i.resellable && i.productId)
        .map((i) => ({ productId: i.productId!, variantId: i.systemVariantId ?? null, quantity: i.quantity })),
    );
    const units = lines.reduce((sum, l) => sum + l.quantity, 0);
    return this.uow.run(async (tx) => {
      const first = await tx.$executeRaw`
        INSERT INTO return_restocks (return_id, order_id, units) VALUES (${event.returnId}::uuid, ${event.orderId}::uuid, ${units})
        ON CONFLICT (return_id) DO NOTHING`;
      if (first === 0) return 0;
      for (const line of lines) await returnStock(tx, line);
      return units;
    });
  }
}
