import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateShipmentDto, ShipmentCarrierFields, ShipmentView, UpdateShipmentDto } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { CallerIdentity, conflict, invalid, notFound, UnitOfWork } from '@suite/platform';
import { isStaff, requirePermission, shipmentNotFound, shipmentWriteScope } from '../shipment-access';
import { lockShipment } from '../shipment-moves';
import { toShipmentView, WITH_ITEMS_AND_LEGS } from '../shipment-view';

type Tx = Prisma.TransactionClient;

/** The carrier-side columns of a DTO, only those it names. */
export function carrierData(dto: ShipmentCarrierFields): Prisma.ShipmentUncheckedUpdateInput {
  const data: Prisma.ShipmentUncheckedUpdateInput = {};
  for (const key of [
    'carrier',
    'trackingNumber',
    'service',
    'labelRef',
    'cost',
    'currency',
    'weight',
    'weightUnit',
    'trackingProvider',
  ] as const)
    if (dto[key] !== undefined) (data as Record<string, unknown>)[key] = dto[key];
  if (dto.estimatedDeliveryAt !== undefined) data.estimatedDeliveryAt = new Date(dto.estimatedDeliveryAt);
  return data;
}

const orderNotFound = () =>
  notFound('LOGISTICS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'orderId', messages: ['order not known to logistics'] }] });

export class CreateShipmentCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateShipmentDto,
  ) {}
}

/**
 * A shipment staff open for an order the farm ships itself. The order (logistics' read model) is
 * locked, so two shipments of one order cannot together ship more of an item than was ordered.
 */
@CommandHandler(CreateShipmentCommand)
export class CreateShipmentHandler implements ICommandHandler<CreateShipmentCommand, ShipmentView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, dto }: CreateShipmentCommand): Promise<ShipmentView> {
    requirePermission(caller, 'shipments:create');
    if (!isStaff(caller)) throw orderNotFound();
    return this.uow.run(async (tx) => {
      const locked = await tx.$queryRaw<
        { order_id: string }[]
      >`SELECT order_id FROM shipment_orders WHERE order_id = ${dto.orderId}::uuid FOR UPDATE`;
      if (!locked.length) throw orderNotFound();
      const order = await tx.shipmentOrder.findUniqueOrThrow({ where: { orderId: dto.orderId }, include: { items: true } });
      const ordered = new Map(order.items.map((i) => [i.orderItemId, i.quantity]));
      const shipped = await tx.shipmentItem.groupBy({
        by: ['orderItemId'],
        where: { orderItemId: { in: dto.items.map((i) => i.orderItemId) }, shipment: { status: { notIn: ['RETURNED', 'LOST'] } } },
        _sum: { quantity: true },
      });
      const already = new Map(shipped.map((s) => [s.orderItemId, s._sum.quantity ?? 0]));
      const seen = new Set<string>();
      for (const [i, item] of dto.items.entries()) {
        const field = `items[${i}]`;
        if (seen.has(item.orderItemId))
          throw invalid('LOGISTICS.DUPLICATE_ITEM', 'An item is listed twice.', {
            errors: [{ field: `${field}.orderItemId`, messages: ['listed twice'] }],
          });
        seen.add(item.orderItemId);
        const quantity = ordered.get(item.orderItemId);
        if (quantity === undefined)
          throw invalid('LOGISTICS.ITEM_NOT_IN_ORDER', 'The item is not a line of this order.', {
            errors: [{ field: `${field}.orderItemId`, messages: ['not an item of the order'] }],
          });
        const left = quantity - (already.get(item.orderItemId) ?? 0);
        if (item.quantity > left)
          throw conflict('LOGISTICS.QUANTITY_ABOVE_ORDERED', `Only ${left} of the item are left to ship.`, {
            errors: [
              { field: `${field}.quantity`, messages: [`at most ${left} (ordered ${quantity}, already in shipments ${quantity - left})`] },
            ],
          });
      }
      const shipment = await tx.shipment.create({
        data: {
          ...(carrierData(dto) as Prisma.ShipmentUncheckedCreateInput),
          orderId: order.orderId,
          userId: order.userId,
          teamId: order.teamId,
          storeId: order.storeId,
          source: 'API',
          createdById: caller.userId ?? null,
          items: { create: dto.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })) },
          ...(dto.trackingNumber
            ? {
                legs: {
                  create: { sequence: 1, carrier: dto.carrier ?? 'UNKNOWN', trackingNumber: dto.trackingNumber, service: dto.service },
                },
              }
            : {}),
        },
        include: WITH_ITEMS_AND_LEGS,
      });
      return toShipmentView(shipment);
    });
  }
}

export class UpdateShipmentCommand {
  constructor(
    readonly caller: CallerIdentity,
    readonly shipmentId: string,
    readonly dto: UpdateShipmentDto,
  ) {}
}

/** Staff correct the carrier-side fields; with a single leg, the leg follows the carrier and tracking number. */
@CommandHandler(UpdateShipmentCommand)
export class UpdateShipmentHandler implements ICommandHandler<UpdateShipmentCommand, ShipmentView> {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  execute({ caller, shipmentId, dto }: UpdateShipmentCommand): Promise<ShipmentView> {
    requirePermission(caller, 'shipments:update');
    return this.uow.run(async (tx) => {
      const visible = await tx.shipment.findFirst({ where: { id: shipmentId, ...shipmentWriteScope(caller) }, select: { id: true } });
      const shipment = visible && (await lockShipment(tx, shipmentId));
      if (!shipment) throw shipmentNotFound();
      const updated = await tx.shipment.update({ where: { id: shipmentId }, data: carrierData(dto), include: WITH_ITEMS_AND_LEGS });
      if (updated.trackingNumber && (dto.trackingNumber !== undefined || dto.carrier !== undefined) && updated.legs.length <= 1) {
        const leg = { carrier: updated.carrier ?? 'UNKNOWN', trackingNumber: updated.trackingNumber, service: updated.service };
        await tx.shipmentLeg.upsert({
          where: { shipmentId_sequence: { shipmentId, sequence: 1 } },
          create: { shipmentId, sequence: 1, ...leg },
          update: leg,
        });
        return toShipmentView(await tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, include: WITH_ITEMS_AND_LEGS }));
      }
      return toShipmentView(updated);
    });
  }
}
