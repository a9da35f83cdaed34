import { Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@suite/db/orders';
import { UnitOfWork } from '@suite/platform';
import { shopEmailTaken } from '../customer-email';

export type EmailFill = 'create' | 'update' | 'keep' | 'taken';

/**
 * What the account's email does to the user's shop customer: a missing row is created with it (the
 * event usually comes before the buyer's first cart or address), an empty email is filled, an email
 * already set (by staff, or the buyer) is kept. Another shop customer's email is never taken over:
 * the account's email is not verified at registration, and shop emails are unique.
 */
export function emailFill(own: { email: string } | null, takenByAnother: boolean): EmailFill {
  if (own && own.email !== '') return 'keep';
  if (takenByAnother) return 'taken';
  return own ? 'update' : 'create';
}

/** Gives the shop customer of an identity user the account's email. */
export class FillCustomerEmailCommand extends Command<EmailFill> {
  constructor(
    readonly userId: string,
    readonly email: string,
  ) {
    super();
  }
}

@CommandHandler(FillCustomerEmailCommand)
export class FillCustomerEmailHandler implements ICommandHandler<FillCustomerEmailCommand> {
  private readonly logger = new Logger('FillCustomerEmail');

  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  async execute({ userId, email }: FillCustomerEmailCommand): Promise<EmailFill> {
    return this.uow.run(async (tx) => {
      const own = await tx.customer.findUnique({ where: { userId }, select: { id: true, email: true } });
      const fill = emailFill(own, own?.email ? false : await shopEmailTaken(tx, email, own?.id));
      if (fill === 'create' || fill === 'update') {
        // The buyer's first request may create the row (email '') at this very moment: the insert
        // then waits for it and skips, and the update fills that row.
        if (fill === 'create') await tx.customer.createMany({ data: [{ userId, email }], skipDuplicates: true });
        await tx.customer.updateMany({ where: { userId, email: '' }, data: { email } });
      }
      if (fill === 'taken')
        this.logger.warn({ userId }, "the account's email belongs to another shop customer; the user's customer keeps none");
      return fill;
    });
  }
}
