import { Injectable } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ShipmentStatusChanged, ShipmentStatusChangedPayload } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/fulfillment';
import { OnEvent, UnitOfWork } from '@suite/platform';
import { FulfillmentStatusService } from './fulfillment-status.service';

/** Logistics delivered the shipment of a fulfillment: the fulfillment is DELIVERED too. */
export class ShipmentDeliveredCommand {
  constructor(readonly fulfillmentId: string) {}
}

/**
 * Carriers tell logistics when a parcel arrives; the fulfillment it carried follows through the one
 * owner of its status changes. A move the rules do not allow (already delivered, failed) is skipped,
 * so a redelivered event changes nothing.
 */
@CommandHandler(ShipmentDeliveredCommand)
export class ShipmentDeliveredHandler implements ICommandHandler<ShipmentDeliveredCommand, boolean> {
  constructor(
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly statuses: FulfillmentStatusService,
  ) {}

  execute({ fulfillmentId }: ShipmentDeliveredCommand): Promise<boolean> {
    return this.uow.run((tx) =>
      this.statuses.change(tx, fulfillmentId, { status: 'DELIVERED', by: 'evt.logistics.shipment.status-changed' }, 'skip'),
    );
  }
}

@Injectable()
export class ShipmentDeliveredConsumer {
  @OnEvent(ShipmentStatusChanged, { name: 'deliver-on-shipment-delivered' })
  onShipmentStatus(event: ShipmentStatusChangedPayload) {
    return event.status === 'DELIVERED' && event.fulfillmentId ? new ShipmentDeliveredCommand(event.fulfillmentId) : undefined;
  }
}
