import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateHoldRequest,
  FulfillmentGet,
  FulfillmentHoldCreate,
  FulfillmentHoldList,
  FulfillmentHoldRef,
  FulfillmentHoldRelease,
  FulfillmentList,
  FulfillmentListQuery,
  FulfillmentRef,
  FulfillmentRouting,
  FulfillmentStatusUpdate,
  UpdateFulfillmentStatusRequest,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import { CreateHoldCommand, ReleaseHoldCommand, UpdateFulfillmentStatusCommand } from './commands/fulfillment.commands';
import { FulfillmentsService } from './fulfillments.service';

@Controller()
export class FulfillmentsNatsController {
  constructor(
    private readonly fulfillments: FulfillmentsService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(FulfillmentList)
  list(query: FulfillmentListQuery, caller: CallerIdentity) {
    return this.fulfillments.list(caller, query);
  }

  @Handles(FulfillmentGet)
  get(r: FulfillmentRef, caller: CallerIdentity) {
    return this.fulfillments.get(caller, r.fulfillmentId);
  }

  @Handles(FulfillmentRouting)
  routing(r: FulfillmentRef, caller: CallerIdentity) {
    return this.fulfillments.routing(caller, r.fulfillmentId);
  }

  @Handles(FulfillmentStatusUpdate)
  updateStatus(r: UpdateFulfillmentStatusRequest, caller: CallerIdentity) {
    return this.commands.execute(new UpdateFulfillmentStatusCommand(caller, r.fulfillmentId, r.body));
  }

  @Handles(FulfillmentHoldList)
  holds(r: FulfillmentRef, caller: CallerIdentity) {
    return this.fulfillments.holds(caller, r.fulfillmentId);
  }

  @Handles(FulfillmentHoldCreate)
  hold(r: CreateHoldRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateHoldCommand(caller, r.fulfillmentId, r.body));
  }

  @Handles(FulfillmentHoldRelease)
  release(r: FulfillmentHoldRef, caller: CallerIdentity) {
    return this.commands.execute(new ReleaseHoldCommand(caller, r.fulfillmentId, r.holdId));
  }
}
