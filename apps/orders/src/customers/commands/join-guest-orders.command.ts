import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@suite/db/orders';
import { UnitOfWork } from '@suite/platform';
import { normaliseEmail } from '../../checkout/checkout-party';

/** The guest orders an account takes over: those placed under its email (any case) that no account has yet. */
export const joinableGuestOrders = (email: string): Prisma.OrderWhereInput => ({ guestEmail: normaliseEmail(email), userId: null });

/** Links the guest orders of a verified email to the identity user that verified it; answers how many joined. */
export class JoinGuestOrdersCommand extends Command<number> {
  constructor(
    readonly userId: string,
    readonly email: string,
  ) {
    super();
  }
}

/**
 * Idempotent by its own condition (orders already linked are not matched again) besides the inbox.
 * The user's customer row, when orders has one, becomes the orders' customer too; without one the
 * orders are still the user's (GET /orders goes by user).
 */
@CommandHandler(JoinGuestOrdersCommand)
export class JoinGuestOrdersHandler implements ICommandHandler<JoinGuestOrdersCommand> {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  execute({ userId, email }: JoinGuestOrdersCommand): Promise<number> {
    return this.uow.run(async (tx) => {
      const customer = await tx.customer.findUnique({ where: { userId }, select: { id: true } });
      const { count } = await tx.order.updateMany({
        where: joinableGuestOrders(email),
        data: { userId, ...(customer ? { customerId: customer.id } : {}) },
      });
      return count;
    });
  }
}
