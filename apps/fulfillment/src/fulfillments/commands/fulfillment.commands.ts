import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CreateHoldDto,
  FulfillmentHeld,
  FulfillmentHoldView,
  FulfillmentView,
  UpdateFulfillmentStatusDto,
} from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, conflict, enqueueEvent, invalid, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../../access/access';
import { eventOf, Router } from '../../routing/router.service';
import { fulfillmentNotFound, writeScope } from '../fulfillment-scope';
import { toFulfillmentView, toHoldView, WITH_ITEMS_AND_OPEN_HOLDS } from '../fulfillment-view';
import { FulfillmentStatusService } from '../fulfillment-status.service';
import { missingFields } from '../transitions';

type Tx = Prisma.TransactionClient;

/** The fulfillment, locked, when the caller may change it; 404 otherwise. */
async function lockedFor(tx: Tx, caller: CallerIdentity, id: string) {
  const visible = await tx.fulfillment.findFirst({ where: { id, ...writeScope(caller) }, select: { id: true } });
  if (!visible) throw fulfillmentNotFound();
  await tx.$queryRaw`SELECT id FROM fulfillments WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.fulfillment.findUniqueOrThrow({ where: { id } });
}

export class UpdateFulfillmentStatusCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly fulfillmentId: string,
    readonly body: UpdateFulfillmentStatusDto,
  ) {}
}

/** Legal moves only (others 409); FAILED gives back the blanks and re-routes the items to another factory (FulfillmentStatusService). */
@CommandHandler(UpdateFulfillmentStatusCommand)
export class UpdateFulfillmentStatusHandler implements ICommandHandler<UpdateFulfillmentStatusCommand, FulfillmentView> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly statuses: FulfillmentStatusService,
  ) {}

  execute({ caller, fulfillmentId, body }: UpdateFulfillmentStatusCommand): Promise<FulfillmentView> {
    requirePermission(caller, 'fulfillments:update');
    const missing = missingFields(body.status, body);
    if (missing.length > 0)
      throw invalid('FULFILLMENT.FIELD_REQUIRED', `${missing.join(' and ')} required for ${body.status}.`, {
        errors: missing.map((field) => ({ field, messages: [`${field} is required when the status is ${body.status}`] })),
      });
    return this.uow.run(async (tx) => {
      const f = await lockedFor(tx, caller, fulfillmentId);
      await this.statuses.change(tx, f.id, { ...body, by: 'API', byUserId: caller.userId ?? null }, 'throw');
      return toFulfillmentView(await tx.fulfillment.findUniqueOrThrow({ where: { id: f.id }, include: WITH_ITEMS_AND_OPEN_HOLDS }));
    });
  }
}

export class CreateHoldCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly fulfillmentId: string,
    readonly body: CreateHoldDto,
  ) {}
}

@CommandHandler(CreateHoldCommand)
export class CreateHoldHandler implements ICommandHandler<CreateHoldCommand, FulfillmentHoldView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, fulfillmentId, body }: CreateHoldCommand): Promise<FulfillmentHoldView> {
    requirePermission(caller, 'fulfillments:update');
    return this.uow.run(async (tx) => {
      const f = await lockedFor(tx, caller, fulfillmentId);
      if (f.status === 'DELIVERED' || f.status === 'FAILED')
        throw conflict('FULFILLMENT.CLOSED', `A ${f.status} fulfillment cannot be held.`, {
          errors: [{ field: 'fulfillmentId', messages: [`the fulfillment is ${f.status}`] }],
        });
      const hold = await tx.fulfillmentHold.create({
        data: { fulfillmentId: f.id, reason: body.reason, note: body.note ?? null, setById: caller.userId ?? null },
      });
      await enqueueEvent(tx, FulfillmentHeld, await eventOf(tx, f.id, { reason: body.reason }));
      return toHoldView(hold);
    });
  }
}

export class ReleaseHoldCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly fulfillmentId: string,
    readonly holdId: string,
  ) {}
}

/**
 * Releases that route queue on the same factory capacity and blank rows: thirty at once wait for each other, well past
 * Prisma's defaults (2 s for a connection, 5 s per transaction), which answered 500 on a busy machine.
 */
const RELEASE_RUSH = { maxWait: 15000, timeout: 30000 };

/** Releasing the last open hold of a fulfillment that has no factory yet routes it. */
@CommandHandler(ReleaseHoldCommand)
export class ReleaseHoldHandler implements ICommandHandler<ReleaseHoldCommand, FulfillmentHoldView> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly router: Router,
  ) {}

  execute({ caller, fulfillmentId, holdId }: ReleaseHoldCommand): Promise<FulfillmentHoldView> {
    requirePermission(caller, 'fulfillments:update');
    return this.uow.run(async (tx) => {
      const f = await lockedFor(tx, caller, fulfillmentId);
      const hold = await tx.fulfillmentHold.findFirst({ where: { id: holdId, fulfillmentId: f.id } });
      if (!hold)
        throw notFound('FULFILLMENT.HOLD_NOT_FOUND', 'No such hold.', { errors: [{ field: 'holdId', messages: ['hold not found'] }] });
      if (hold.releasedAt)
        throw conflict('FULFILLMENT.HOLD_RELEASED', 'The hold was already released.', {
          errors: [{ field: 'holdId', messages: ['hold already released'] }],
        });
      const released = await tx.fulfillmentHold.update({
        where: { id: hold.id },
        data: { releasedAt: new Date(), releasedById: caller.userId ?? null, releasedBy: 'API' },
      });
      const open = await tx.fulfillmentHold.count({ where: { fulfillmentId: f.id, releasedAt: null } });
      if (open === 0 && !f.factoryId && f.status === 'PENDING') await this.router.routeHeld(tx, f.id);
      return toHoldView(released);
    }, RELEASE_RUSH);
  }
}
