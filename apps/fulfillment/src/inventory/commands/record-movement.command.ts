import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateInventoryMovementDto, InventoryMovementResultView } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, invalid, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { factoryScope } from '../../access/factory-access';
import { InventoryService, applyMovement, toMovementView } from '../inventory.service';
import { planMovement } from '../movement-math';

type Tx = Prisma.TransactionClient;

const locationNotFound = () =>
  notFound('FULFILLMENT.LOCATION_NOT_FOUND', 'No such location.', { errors: [{ field: 'locationId', messages: ['location not found'] }] });
const notSameFactory = () =>
  invalid('FULFILLMENT.INVALID_MOVEMENT', 'A transfer goes to another location of the same factory.', {
    errors: [{ field: 'toLocationId', messages: ['must be another location of the same factory'] }],
  });

export class RecordMovementCommand extends Command<InventoryMovementResultView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateInventoryMovementDto,
  ) {
    super();
  }
}

/** One movement: the stock rows and the log rows change in one transaction, or nothing does. */
@CommandHandler(RecordMovementCommand)
export class RecordMovementHandler implements ICommandHandler<RecordMovementCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly inventory: InventoryService,
  ) {}

  execute({ caller, dto }: RecordMovementCommand): Promise<InventoryMovementResultView> {
    requirePermission(caller, 'fulfillments:update');
    const plan = planMovement(dto);
    const itemCode = dto.itemCode.trim();
    if (!itemCode)
      throw invalid('FULFILLMENT.INVALID_MOVEMENT', 'itemCode is empty.', {
        errors: [{ field: 'itemCode', messages: ['must not be blank'] }],
      });
    return this.uow.run(async (tx) => {
      const from = await tx.factoryLocation.findFirst({ where: { id: dto.locationId, factory: factoryScope(caller) } });
      if (!from) throw locationNotFound();
      if (dto.toLocationId) {
        const to = await tx.factoryLocation.findFirst({ where: { id: dto.toLocationId, factoryId: from.factoryId } });
        if (!to) throw notSameFactory();
      }
      const rows = await applyMovement(tx, plan, {
        from: from.id,
        to: dto.toLocationId,
        itemCode,
        reference: dto.reference ?? null,
        actorId: caller.userId ?? null,
      });
      const locations = dto.toLocationId ? [from.id, dto.toLocationId] : [from.id];
      return { movements: rows.map(toMovementView), stock: await this.inventory.stockOf(tx, locations, itemCode) };
    });
  }
}
