import { Injectable } from '@nestjs/common';
import { FulfillmentEventPayload, FulfillmentRouted, FulfillmentStatusChanged } from '@suite/contracts/fulfillment';
import { OnEvent } from '@suite/platform';
import { FollowFulfillmentCommand } from './commands/follow-fulfillment.command';

/** The order follows its fulfillments: PROCESSING once routed, SHIPPED and DELIVERED as all its items get there. */
@Injectable()
export class FulfillmentEventsConsumer {
  @OnEvent(FulfillmentRouted, { name: 'follow-fulfillment-routed' })
  onRouted(event: FulfillmentEventPayload) {
    return new FollowFulfillmentCommand(event, 'routed');
  }

  @OnEvent(FulfillmentStatusChanged, { name: 'follow-fulfillment-status' })
  onStatusChanged(event: FulfillmentEventPayload) {
    return new FollowFulfillmentCommand(event, 'status-changed');
  }
}
