import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FactoryUserView } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { FactoryAccess } from '../../access/factory-access';
import { toFactoryUserView } from '../factory-view';

type Tx = Prisma.TransactionClient;

/**
 * Links a user (identity's id, kept as given: fulfillment does not read identity's tables) to the
 * factory they work for. Linking twice answers the existing link.
 */
export class LinkFactoryUserCommand extends Command<FactoryUserView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
    readonly userId: string,
  ) {
    super();
  }
}

@CommandHandler(LinkFactoryUserCommand)
export class LinkFactoryUserHandler implements ICommandHandler<LinkFactoryUserCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  execute({ caller, factoryId, userId }: LinkFactoryUserCommand): Promise<FactoryUserView> {
    requirePermission(caller, 'factories:update');
    return this.uow.run(async (tx) => {
      await this.access.visibleFactory(caller, factoryId, tx);
      const link = await tx.factoryUser.upsert({
        where: { factoryId_userId: { factoryId, userId } },
        create: { factoryId, userId },
        update: {},
      });
      return toFactoryUserView(link);
    });
  }
}

export class UnlinkFactoryUserCommand extends Command<{ deleted: true }> {
  constructor(
    readonly caller: CallerIdentity,
    readonly factoryId: string,
    readonly userId: string,
  ) {
    super();
  }
}

@CommandHandler(UnlinkFactoryUserCommand)
export class UnlinkFactoryUserHandler implements ICommandHandler<UnlinkFactoryUserCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  execute({ caller, factoryId, userId }: UnlinkFactoryUserCommand): Promise<{ deleted: true }> {
    requirePermission(caller, 'factories:update');
    return this.uow.run(async (tx) => {
      await this.access.visibleFactory(caller, factoryId, tx);
      const { count } = await tx.factoryUser.deleteMany({ where: { factoryId, userId } });
      if (count === 0) throw notFound('FULFILLMENT.FACTORY_USER_NOT_FOUND', 'This user is not linked to the factory.');
      return { deleted: true as const };
    });
  }
}
