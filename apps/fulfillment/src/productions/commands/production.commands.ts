import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateProductionDto, ProductionDetailView, ProductionTarget } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, conflict, invalid, isUniqueViolationOn, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { FactoryAccess } from '../../access/factory-access';
import { FulfillmentStatusService } from '../../fulfillments/fulfillment-status.service';
import { canMove, newBatchNumber } from '../production-rules';
import { productionDetail, visibleProduction } from '../productions.service';

type Tx = Prisma.TransactionClient;

const batchNumberTaken = () =>
  conflict('FULFILLMENT.BATCH_NUMBER_TAKEN', 'Another production batch has this number.', {
    errors: [{ field: 'batchNumber', messages: ['already used by another batch'] }],
  });
const badItem = (index: number, message: string) =>
  invalid('FULFILLMENT.INVALID_PRODUCTION_ITEM', message, { errors: [{ field: `fulfillmentItemIds[${index}]`, messages: [message] }] });
const itemBusy = (index: number) =>
  conflict('FULFILLMENT.ITEM_IN_PRODUCTION', 'This fulfillment item is already in an open batch or produced.', {
    errors: [{ field: `fulfillmentItemIds[${index}]`, messages: ['already in an open production batch or produced'] }],
  });

/** A production item still standing for its fulfillment item: waiting in its batch, or made. */
export const LIVE_ITEM_STATUSES = ['QUEUED', 'PRODUCED'];
const CLOSED_FULFILLMENT = ['SHIPPED', 'DELIVERED', 'FAILED'];

/** Creates a batch row, with the given number or a generated one (retried on the rare clash of a generated number). */
export async function insertBatch(
  tx: Tx,
  data: { factoryId: string; printMethod: string | null; plannedAt: Date },
  batchNumber?: string,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const number = batchNumber ?? newBatchNumber(data.plannedAt);
    // A savepoint keeps the transaction usable when a generated number clashes.
    await tx.$executeRawUnsafe('SAVEPOINT batch_number');
    try {
      const row = await tx.production.create({ data: { ...data, batchNumber: number, status: 'PLANNED' } });
      await tx.$executeRawUnsafe('RELEASE SAVEPOINT batch_number');
      return row.id;
    } catch (error) {
      if (!isUniqueViolationOn(error, /batch_number|batchNumber/)) throw error;
      await tx.$executeRawUnsafe('ROLLBACK TO SAVEPOINT batch_number');
      if (batchNumber || attempt >= 3) throw batchNumberTaken();
    }
  }
}

export class CreateProductionCommand extends Command<ProductionDetailView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateProductionDto,
  ) {
    super();
  }
}

/**
 * Plans a batch of one factory's fulfillment items for one print method. The fulfillment items are locked
 * first (in id order), so two batches racing for the same item cannot both take it.
 */
@CommandHandler(CreateProductionCommand)
export class CreateProductionHandler implements ICommandHandler<CreateProductionCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly access: FactoryAccess,
  ) {}

  execute({ caller, dto }: CreateProductionCommand): Promise<ProductionDetailView> {
    requirePermission(caller, 'fulfillments:update');
    const printMethod = dto.printMethod.trim();
    if (!printMethod)
      throw invalid('FULFILLMENT.INVALID_PRODUCTION', 'printMethod is blank.', {
        errors: [{ field: 'printMethod', messages: ['must not be blank'] }],
      });
    return this.uow.run(async (tx) => {
      const factory = await this.access.visibleFactory(caller, dto.factoryId, tx);
      if (factory.printMethods.length > 0 && !factory.printMethods.includes(printMethod))
        throw invalid('FULFILLMENT.INVALID_PRODUCTION', `This factory does not print with ${printMethod}.`, {
          errors: [{ field: 'printMethod', messages: [`not one of the factory's print methods (${factory.printMethods.join(', ')})`] }],
        });
      const ids = dto.fulfillmentItemIds;
      await tx.$queryRaw`SELECT id FROM fulfillment_items WHERE id = ANY(${[...ids].sort()}::uuid[]) ORDER BY id FOR UPDATE`;
      const items = await tx.fulfillmentItem.findMany({ where: { id: { in: ids } }, include: { fulfillment: true } });
      const live = await tx.productionItem.findMany({
        where: { fulfillmentItemId: { in: ids }, status: { in: LIVE_ITEM_STATUSES } },
        select: { fulfillmentItemId: true },
      });
      ids.forEach((id, index) => {
        const item = items.find((i) => i.id === id);
        // Another factory's item answers the same as a missing one.
        if (!item || item.fulfillment.factoryId !== dto.factoryId) throw badItem(index, "not an item of this factory's fulfillments");
        if (item.printMethod && item.printMethod !== printMethod)
          throw badItem(index, `printed with ${item.printMethod}, not ${printMethod}`);
        if (CLOSED_FULFILLMENT.includes(item.status) || CLOSED_FULFILLMENT.includes(item.fulfillment.status))
          throw badItem(index, `its fulfillment is ${item.fulfillment.status === 'PENDING' ? item.status : item.fulfillment.status}`);
      });
      const busy = ids.findIndex((id) => live.some((l) => l.fulfillmentItemId === id));
      if (busy >= 0) throw itemBusy(busy);

      const plannedAt = dto.plannedAt ? new Date(dto.plannedAt) : new Date();
      const productionId = await insertBatch(tx, { factoryId: dto.factoryId, printMethod, plannedAt }, dto.batchNumber);
      await tx.productionItem.createMany({
        data: ids.map((id) => ({
          productionId,
          fulfillmentItemId: id,
          quantity: items.find((i) => i.id === id)!.quantity,
          status: 'QUEUED',
        })),
      });
      return productionDetail(tx, productionId);
    });
  }
}

export class ChangeProductionStatusCommand extends Command<ProductionDetailView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly productionId: string,
    readonly status: ProductionTarget,
  ) {
    super();
  }
}

/**
 * PLANNED -> IN_PROGRESS (startedAt; its items' fulfillments still PENDING go IN_PRODUCTION, announced),
 * IN_PROGRESS -> COMPLETED (completedAt; queued items are PRODUCED), CANCELLED before COMPLETED (queued
 * items CANCELLED, free for another batch). Any other move is 409.
 */
@CommandHandler(ChangeProductionStatusCommand)
export class ChangeProductionStatusHandler implements ICommandHandler<ChangeProductionStatusCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly statuses: FulfillmentStatusService,
  ) {}

  execute({ caller, productionId, status }: ChangeProductionStatusCommand): Promise<ProductionDetailView> {
    requirePermission(caller, 'fulfillments:update');
    return this.uow.run(async (tx) => {
      await visibleProduction(tx, caller, productionId);
      await tx.$queryRaw`SELECT id FROM productions WHERE id = ${productionId}::uuid FOR UPDATE`;
      const current = await tx.production.findUniqueOrThrow({ where: { id: productionId } });
      if (!canMove(current.status, status))
        throw conflict('FULFILLMENT.PRODUCTION_TRANSITION', `A ${current.status} batch cannot become ${status}.`, {
          errors: [{ field: 'status', messages: [`${current.status} -> ${status} is not allowed`] }],
        });
      const now = new Date();
      await tx.production.update({
        where: { id: productionId },
        data: { status, ...(status === 'IN_PROGRESS' ? { startedAt: now } : status === 'COMPLETED' ? { completedAt: now } : {}) },
      });
      if (status === 'IN_PROGRESS') await this.startItems(tx, productionId);
      if (status === 'COMPLETED')
        await tx.productionItem.updateMany({ where: { productionId, status: 'QUEUED' }, data: { status: 'PRODUCED' } });
      if (status === 'CANCELLED')
        await tx.productionItem.updateMany({ where: { productionId, status: 'QUEUED' }, data: { status: 'CANCELLED' } });
      return productionDetail(tx, productionId);
    });
  }

  private async startItems(tx: Tx, productionId: string): Promise<void> {
    const queued = await tx.productionItem.findMany({ where: { productionId, status: 'QUEUED' }, select: { fulfillmentItemId: true } });
    await this.statuses.startItems(
      tx,
      queued.map((q) => q.fulfillmentItemId),
      `production:${productionId}`,
    );
  }
}
