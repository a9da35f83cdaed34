import { Injectable } from '@nestjs/common';
import { DeliveryOrderStatus, LalamoveWebhookResult } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { isUniqueViolation, unauthorized, unavailable, UnitOfWork } from '@suite/platform';
import { lockOrder } from './commands/cancel-order.command';
import { deliveryStatusChanged } from './delivery-events';
import { deliveryMayMove, isDeliveryStatus } from './delivery-status';
import { OrderRow } from './delivery-views';
import { LalamoveConfig } from './lalamove/lalamove.config';
import { verifyLalamoveWebhook } from './lalamove/lalamove-signature';
import { LalamoveEvent, readLalamoveEvent } from './lalamove/lalamove-webhook';

type Tx = Prisma.TransactionClient;
const APPLIED_TYPES = ['ORDER_STATUS_CHANGED', 'DRIVER_ASSIGNED'];

export const podData = (pod: LalamoveEvent['pod']): Prisma.LalamoveOrderUncheckedUpdateInput =>
  pod
    ? {
        podStatus: pod.status ?? null,
        podImage: pod.image ?? null,
        podSignature: pod.signature ?? null,
        podDeliveredAt: pod.deliveredAt ? new Date(pod.deliveredAt) : null,
      }
    : {};

/**
 * Lalamove's webhooks. The signature is checked before anything is written (a bad one is 401 and
 * stores nothing). Each eventId is recorded once, in the transaction that applies it: a redelivery, even
 * a concurrent one, changes nothing. Lalamove does not send them in order, so a status only moves
 * forward (deliveryMayMove) and a DRIVER_ASSIGNED older than the driver we hold is not applied.
 */
@Injectable()
export class LalamoveWebhooksService {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: LalamoveConfig,
  ) {}

  async handle(rawBody: string, path: string): Promise<LalamoveWebhookResult> {
    // Lalamove checks a new webhook URL with an empty POST that must be answered 200
    if (rawBody.trim() === '') return { received: true, applied: false };
    const refused = () => unauthorized('LOGISTICS.WEBHOOK_SIGNATURE_INVALID', 'Webhook signature does not verify.');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      throw refused();
    }
    if (
      !body ||
      typeof body !== 'object' ||
      !verifyLalamoveWebhook(body, path, this.config.LALAMOVE_API_KEY, this.config.LALAMOVE_API_SECRET)
    )
      throw refused();
    const event = readLalamoveEvent(rawBody);
    try {
      return await this.uow.run(async (tx) => {
        await tx.lalamoveWebhookEvent.create({ data: { eventId: event.eventId, eventType: event.eventType, orderId: event.orderId } });
        if (!APPLIED_TYPES.includes(event.eventType) || !event.orderId) return { received: true as const, applied: false };
        const order = await lockOrder(tx, { orderId: event.orderId });
        // an order being placed right now is not committed yet: Lalamove retries a non-2xx answer
        if (!order) throw unavailable('LOGISTICS.DELIVERY_ORDER_NOT_YET_KNOWN', `No delivery order ${event.orderId} yet; retry later.`);
        const applied = event.eventType === 'DRIVER_ASSIGNED' ? await this.driver(tx, order, event) : await this.status(tx, order, event);
        return { received: true as const, applied };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { received: true, applied: false }; // the same event, delivered twice at once
      throw error;
    }
  }

  private async status(tx: Tx, order: OrderRow, event: LalamoveEvent): Promise<boolean> {
    const from = order.status as DeliveryOrderStatus;
    // a newer report of the status we hold (a second driver took it) dates it, so an older release stays older
    if (event.status === from && event.at.getTime() > order.statusChangedAt.getTime()) {
      await tx.lalamoveOrder.update({ where: { id: order.id }, data: { statusChangedAt: event.at } });
      return false;
    }
    if (!isDeliveryStatus(event.status) || !deliveryMayMove(from, order.statusChangedAt, event.status, event.at)) return false;
    const data: Prisma.LalamoveOrderUncheckedUpdateInput = { status: event.status, statusChangedAt: event.at, ...podData(event.pod) };
    if (event.status === 'ON_GOING') data.onGoingAt = event.at;
    // the driver gave the order up: unless a newer assignment is already stored, there is no driver now
    if (event.status === 'ASSIGNING_DRIVER' && (!order.driverAssignedAt || order.driverAssignedAt.getTime() <= event.at.getTime()))
      Object.assign(data, { driverId: null, driver: Prisma.DbNull, driverAssignedAt: null, onGoingAt: null });
    else if (event.driverId && !order.driverId) data.driverId = event.driverId;
    const updated = await tx.lalamoveOrder.update({ where: { id: order.id }, data });
    await deliveryStatusChanged(tx, updated, from, 'WEBHOOK');
    return true;
  }

  private async driver(tx: Tx, order: OrderRow, event: LalamoveEvent): Promise<boolean> {
    if (!event.driver || !event.driverId) return false;
    if (order.driverAssignedAt && order.driverAssignedAt.getTime() > event.at.getTime()) return false;
    await tx.lalamoveOrder.update({
      where: { id: order.id },
      data: {
        driverId: event.driverId,
        driver: event.driver as unknown as Prisma.InputJsonValue,
        driverAssignedAt: event.at,
      },
    });
    return true;
  }
}
