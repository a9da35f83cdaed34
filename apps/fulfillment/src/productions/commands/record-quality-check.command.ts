import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateQualityCheckDto, RecordedQualityCheckView } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, conflict, invalid, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { FulfillmentConfig } from '../../config';
import { FulfillmentStatusService } from '../../fulfillments/fulfillment-status.service';
import { decideAfterCheck, ReprintDecision } from '../production-rules';
import { toQualityCheckView } from '../production-view';
import { visibleProduction } from '../productions.service';
import { insertBatch, LIVE_ITEM_STATUSES } from './production.commands';

type Tx = Prisma.TransactionClient;

const itemNotInBatch = () =>
  invalid('FULFILLMENT.INVALID_QUALITY_CHECK', 'This production item is not in this batch.', {
    errors: [{ field: 'productionItemId', messages: ['not an item of this production batch'] }],
  });
const itemClosed = (status: string) =>
  conflict('FULFILLMENT.PRODUCTION_ITEM_CLOSED', `This production item is ${status}: check its reprint instead.`, {
    errors: [{ field: 'productionItemId', messages: [`the item is ${status}`] }],
  });
const batchCancelled = () =>
  conflict('FULFILLMENT.PRODUCTION_CANCELLED', 'A cancelled batch takes no quality checks.', {
    errors: [{ field: 'productionId', messages: ['the batch is cancelled'] }],
  });

export const FAILED_REASON = 'Failed quality check past the reprint limit';

export class RecordQualityCheckCommand extends Command<RecordedQualityCheckView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly productionId: string,
    readonly dto: CreateQualityCheckDto,
  ) {
    super();
  }
}

/**
 * Records a check by the caller (the inspector). A FAIL after production (POST_PRODUCTION, PRE_SHIPPING)
 * of an item sends it to reprint: the item is REPRINTED, a new production item (reprintOfId) is queued in
 * the same batch, or in a new PLANNED batch when this one is completed, and the fulfillment item's
 * reprintCount goes up. Once reprintCount has reached MAX_REPRINTS the item FAILS instead, and its fulfillment
 * FAILS when none of its items is left (FulfillmentStatusService: FulfillmentStatusChanged through the outbox, re-routed). The fulfillment item's
 * row is locked first, so two failing checks of one item count once each.
 */
@CommandHandler(RecordQualityCheckCommand)
export class RecordQualityCheckHandler implements ICommandHandler<RecordQualityCheckCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: FulfillmentConfig,
    private readonly statuses: FulfillmentStatusService,
  ) {}

  execute({ caller, productionId, dto }: RecordQualityCheckCommand): Promise<RecordedQualityCheckView> {
    requirePermission(caller, 'fulfillments:update');
    return this.uow.run(async (tx) => {
      await visibleProduction(tx, caller, productionId);
      // The batch, then the fulfillment item: the order every production write locks in, so none can deadlock another.
      await tx.$queryRaw`SELECT id FROM productions WHERE id = ${productionId}::uuid FOR UPDATE`;
      const batch = await tx.production.findUniqueOrThrow({ where: { id: productionId } });
      if (batch.status === 'CANCELLED') throw batchCancelled();
      let action: ReprintDecision = 'NONE';
      let reprint: { id: string; productionId: string } | null = null;
      if (dto.productionItemId) {
        const found = await tx.productionItem.findFirst({ where: { id: dto.productionItemId, productionId } });
        if (!found) throw itemNotInBatch();
        await tx.$queryRaw`SELECT id FROM fulfillment_items WHERE id = ${found.fulfillmentItemId}::uuid FOR UPDATE`;
        const item = await tx.productionItem.findUniqueOrThrow({ where: { id: found.id }, include: { fulfillmentItem: true } });
        if (!LIVE_ITEM_STATUSES.includes(item.status)) throw itemClosed(item.status);
        action = decideAfterCheck({
          stage: dto.stage,
          result: dto.result,
          hasItem: true,
          reprintCount: item.fulfillmentItem.reprintCount,
          maxReprints: this.config.MAX_REPRINTS,
        });
        if (action === 'REPRINT') reprint = await this.reprint(tx, batch, item);
        if (action === 'FAILED') {
          await tx.productionItem.update({ where: { id: item.id }, data: { status: 'FAILED' } });
          await this.statuses.failItem(tx, item.fulfillmentItemId, FAILED_REASON, `production:${productionId}`);
        }
      }
      const check = await tx.qualityCheck.create({
        data: {
          productionId,
          productionItemId: dto.productionItemId ?? null,
          stage: dto.stage,
          result: dto.result,
          defects: (dto.defects ?? []).map((d) => ({ code: d.code, description: d.description, severity: d.severity })),
          inspectorId: caller.userId ?? null,
          photos: dto.photos ?? [],
          notes: dto.notes ?? null,
        },
      });
      return {
        ...toQualityCheckView(check),
        action,
        reprintItemId: reprint?.id ?? null,
        reprintProductionId: reprint?.productionId ?? null,
      };
    });
  }

  private async reprint(
    tx: Tx,
    batch: { id: string; status: string; factoryId: string; printMethod: string | null },
    item: { id: string; fulfillmentItemId: string; quantity: number },
  ): Promise<{ id: string; productionId: string }> {
    await tx.productionItem.update({ where: { id: item.id }, data: { status: 'REPRINTED' } });
    const productionId =
      batch.status === 'COMPLETED'
        ? await insertBatch(tx, { factoryId: batch.factoryId, printMethod: batch.printMethod, plannedAt: new Date() })
        : batch.id;
    await tx.fulfillmentItem.update({ where: { id: item.fulfillmentItemId }, data: { reprintCount: { increment: 1 } } });
    const created = await tx.productionItem.create({
      data: { productionId, fulfillmentItemId: item.fulfillmentItemId, quantity: item.quantity, reprintOfId: item.id, status: 'QUEUED' },
    });
    return { id: created.id, productionId };
  }
}
