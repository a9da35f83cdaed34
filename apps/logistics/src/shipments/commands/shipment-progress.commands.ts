import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  AddShipmentLegDto,
  ProofOfDeliveryDto,
  ShipmentStatusName,
  ShipmentView,
  UpdateShipmentStatusDto,
} from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, conflict, UnitOfWork } from '@suite/platform';
import { requirePermission, shipmentNotFound, shipmentWriteScope } from '../shipment-access';
import { lockShipment, moveShipment, ProofOfDelivery } from '../shipment-moves';
import { nextShipmentStatus } from '../shipment-status';
import { toShipmentView, WITH_ITEMS_AND_LEGS } from '../shipment-view';

type Tx = Prisma.TransactionClient;

/** A staff-made change of the shipment: status, a handoff to another carrier, or the proof of delivery. */
export type ShipmentProgress =
  | { kind: 'status'; body: UpdateShipmentStatusDto }
  | { kind: 'leg'; body: AddShipmentLegDto }
  | { kind: 'proof'; body: ProofOfDeliveryDto };

export class ShipmentProgressCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly shipmentId: string,
    readonly progress: ShipmentProgress,
  ) {}
}

const illegal = (from: ShipmentStatusName, to: ShipmentStatusName) =>
  conflict('LOGISTICS.ILLEGAL_TRANSITION', `A ${from} shipment cannot become ${to}.`, {
    errors: [{ field: 'status', messages: [`${from} -> ${to} would move the shipment backwards`] }],
  });

/** Staff reports go into the timeline like a carrier's (provider MANUAL), then through the same forward rules. */
async function manualEvent(tx: Tx, shipmentId: string, status: ShipmentStatusName, at: Date, location: string, message?: string | null) {
  await tx.trackingEvent.createMany({
    data: [
      {
        shipmentId,
        provider: 'MANUAL',
        dedupeKey: `${status}|${at.toISOString()}|${location.toLowerCase()}`,
        status,
        carrierStatus: status,
        message: message ?? null,
        location,
        occurredAt: at,
      },
    ],
    skipDuplicates: true,
  });
}

@CommandHandler(ShipmentProgressCommand)
export class ShipmentProgressHandler implements ICommandHandler<ShipmentProgressCommand, ShipmentView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, shipmentId, progress }: ShipmentProgressCommand): Promise<ShipmentView> {
    requirePermission(caller, 'shipments:update');
    return this.uow.run(async (tx) => {
      const visible = await tx.shipment.findFirst({ where: { id: shipmentId, ...shipmentWriteScope(caller) }, select: { id: true } });
      const shipment = visible && (await lockShipment(tx, shipmentId));
      if (!shipment) throw shipmentNotFound();
      const from = shipment.status as ShipmentStatusName;
      if (progress.kind === 'status') {
        const { status, location = '', note } = progress.body;
        const at = progress.body.occurredAt ? new Date(progress.body.occurredAt) : new Date();
        if (status !== from) {
          if (!nextShipmentStatus(from, status)) throw illegal(from, status);
          await manualEvent(tx, shipmentId, status, at, location, note);
          await moveShipment(tx, shipment, status, at);
          await moveLastLeg(tx, shipmentId, status);
        }
      } else if (progress.kind === 'proof') {
        const pod: ProofOfDelivery = { ...progress.body, receivedAt: new Date(progress.body.receivedAt) };
        if (from === 'DELIVERED') await tx.shipment.update({ where: { id: shipmentId }, data: podColumns(pod) });
        else {
          if (!nextShipmentStatus(from, 'DELIVERED')) throw illegal(from, 'DELIVERED');
          // the signer stays in the proof of delivery, out of the timeline (which the public tracking page shows)
          await manualEvent(tx, shipmentId, 'DELIVERED', pod.receivedAt, pod.location ?? '', 'Delivered, proof of delivery recorded');
          await moveShipment(tx, shipment, 'DELIVERED', pod.receivedAt, pod);
          await moveLastLeg(tx, shipmentId, 'DELIVERED');
        }
      } else {
        const at = progress.body.handedOverAt ? new Date(progress.body.handedOverAt) : new Date();
        const last = await tx.shipmentLeg.findFirst({ where: { shipmentId }, orderBy: { sequence: 'desc' } });
        if (last) await tx.shipmentLeg.update({ where: { id: last.id }, data: { completedAt: last.completedAt ?? at } });
        const { carrier, trackingNumber, service } = progress.body;
        await tx.shipmentLeg.create({
          data: { shipmentId, sequence: (last?.sequence ?? 0) + 1, carrier, trackingNumber, service, handedOverAt: at, status: from },
        });
      }
      return toShipmentView(await tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, include: WITH_ITEMS_AND_LEGS }));
    });
  }
}

/** Staff reports are about the parcel where it is now: the current (last) leg follows, forward only. */
async function moveLastLeg(tx: Tx, shipmentId: string, status: ShipmentStatusName) {
  const leg = await tx.shipmentLeg.findFirst({ where: { shipmentId }, orderBy: { sequence: 'desc' } });
  const next = leg && nextShipmentStatus(leg.status as ShipmentStatusName, status);
  if (leg && next)
    await tx.shipmentLeg.update({
      where: { id: leg.id },
      data: { status: next, ...(next === 'DELIVERED' ? { completedAt: new Date() } : {}) },
    });
}

const podColumns = (pod: ProofOfDelivery) => ({
  podSignedBy: pod.signedBy ?? null,
  podPhotoRef: pod.photoRef ?? null,
  podSignatureRef: pod.signatureRef ?? null,
  podLocation: pod.location ?? null,
  podReceivedAt: pod.receivedAt,
});
