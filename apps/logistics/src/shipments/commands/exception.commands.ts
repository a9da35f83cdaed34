import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RaiseShipmentExceptionDto, ShipmentExceptionResolved, ShipmentExceptionView } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, conflict, enqueueEvent, notFound, UnitOfWork } from '@suite/platform';
import { requirePermission, shipmentNotFound, shipmentWriteScope } from '../shipment-access';
import { exceptionEvent, raiseException } from '../shipment-moves';
import { toExceptionView } from '../shipment-view';

type Tx = Prisma.TransactionClient;

export class RaiseExceptionCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly shipmentId: string,
    readonly dto: RaiseShipmentExceptionDto,
  ) {}
}

/** Staff raise an exception (carriers' come from their tracking events); alerting hears of it through the outbox. */
@CommandHandler(RaiseExceptionCommand)
export class RaiseExceptionHandler implements ICommandHandler<RaiseExceptionCommand, ShipmentExceptionView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, shipmentId, dto }: RaiseExceptionCommand): Promise<ShipmentExceptionView> {
    requirePermission(caller, 'shipments:update');
    return this.uow.run(async (tx) => {
      const shipment = await tx.shipment.findFirst({ where: { id: shipmentId, ...shipmentWriteScope(caller) } });
      if (!shipment) throw shipmentNotFound();
      const row = await raiseException(tx, shipment, {
        type: dto.type,
        severity: dto.severity ?? 'MEDIUM',
        description: dto.description,
        source: 'STAFF',
        raisedById: caller.userId ?? null,
      });
      return toExceptionView(row);
    });
  }
}

export class ResolveExceptionCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly shipmentId: string,
    readonly exceptionId: string,
    readonly resolution: string,
  ) {}
}

/** Resolves an open exception once (the row is locked; a second resolve is 409). */
@CommandHandler(ResolveExceptionCommand)
export class ResolveExceptionHandler implements ICommandHandler<ResolveExceptionCommand, ShipmentExceptionView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, shipmentId, exceptionId, resolution }: ResolveExceptionCommand): Promise<ShipmentExceptionView> {
    requirePermission(caller, 'shipments:update');
    return this.uow.run(async (tx) => {
      const shipment = await tx.shipment.findFirst({ where: { id: shipmentId, ...shipmentWriteScope(caller) } });
      if (!shipment) throw shipmentNotFound();
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM shipment_exceptions WHERE id = ${exceptionId}::uuid AND shipment_id = ${shipmentId}::uuid FOR UPDATE`;
      if (!locked.length)
        throw notFound('LOGISTICS.EXCEPTION_NOT_FOUND', 'No such exception on this shipment.', {
          errors: [{ field: 'exceptionId', messages: ['exception not found'] }],
        });
      const current = await tx.shipmentException.findUniqueOrThrow({ where: { id: exceptionId } });
      if (current.resolvedAt)
        throw conflict('LOGISTICS.EXCEPTION_ALREADY_RESOLVED', 'The exception is already resolved.', {
          errors: [{ field: 'exceptionId', messages: [`resolved at ${current.resolvedAt.toISOString()}`] }],
        });
      const now = new Date();
      const row = await tx.shipmentException.update({
        where: { id: exceptionId },
        data: { resolution, resolvedAt: now, resolvedById: caller.userId ?? null },
      });
      await enqueueEvent(tx, ShipmentExceptionResolved, exceptionEvent(shipment, row, now));
      return toExceptionView(row);
    });
  }
}
