import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateDeliveryQuotationRequest,
  DeliveryOrderCancel,
  DeliveryOrderDriver,
  DeliveryOrderGet,
  DeliveryOrderList,
  DeliveryOrderListQuery,
  DeliveryOrderPlace,
  DeliveryOrderProofOfDelivery,
  DeliveryOrderRef,
  DeliveryQuotationCreate,
  DeliveryQuotationGet,
  DeliveryQuotationList,
  DeliveryQuotationListQuery,
  DeliveryQuotationRef,
  LalamoveWebhook,
  LalamoveWebhookRequest,
  PlaceDeliveryOrderRequest,
} from '@suite/contracts/logistics';
import { CallerIdentity, Handles } from '@suite/platform';
import { CancelDeliveryOrderCommand } from './commands/cancel-order.command';
import { CreateDeliveryQuotationCommand } from './commands/create-quotation.command';
import { PlaceDeliveryOrderCommand } from './commands/place-order.command';
import { DeliveriesService } from './deliveries.service';
import { LalamoveWebhooksService } from './lalamove-webhooks.service';

@Controller()
export class DeliveriesNatsController {
  constructor(
    private readonly deliveries: DeliveriesService,
    private readonly webhooks: LalamoveWebhooksService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(DeliveryQuotationCreate)
  createQuotation(r: CreateDeliveryQuotationRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateDeliveryQuotationCommand(caller, r.body));
  }

  @Handles(DeliveryQuotationList)
  listQuotations(q: DeliveryQuotationListQuery, caller: CallerIdentity) {
    return this.deliveries.listQuotations(caller, q);
  }

  @Handles(DeliveryQuotationGet)
  getQuotation(r: DeliveryQuotationRef, caller: CallerIdentity) {
    return this.deliveries.getQuotation(caller, r.deliveryQuotationId);
  }

  @Handles(DeliveryOrderPlace)
  place(r: PlaceDeliveryOrderRequest, caller: CallerIdentity) {
    return this.commands.execute(new PlaceDeliveryOrderCommand(caller, r.body));
  }

  @Handles(DeliveryOrderList)
  listOrders(q: DeliveryOrderListQuery, caller: CallerIdentity) {
    return this.deliveries.listOrders(caller, q);
  }

  @Handles(DeliveryOrderGet)
  getOrder(r: DeliveryOrderRef, caller: CallerIdentity) {
    return this.deliveries.getOrder(caller, r.deliveryOrderId);
  }

  @Handles(DeliveryOrderCancel)
  cancel(r: DeliveryOrderRef, caller: CallerIdentity) {
    return this.commands.execute(new CancelDeliveryOrderCommand(caller, r.deliveryOrderId));
  }

  @Handles(DeliveryOrderDriver)
  driver(r: DeliveryOrderRef, caller: CallerIdentity) {
    return this.deliveries.driver(caller, r.deliveryOrderId);
  }

  @Handles(DeliveryOrderProofOfDelivery)
  proofOfDelivery(r: DeliveryOrderRef, caller: CallerIdentity) {
    return this.deliveries.proofOfDelivery(caller, r.deliveryOrderId);
  }

  @Handles(LalamoveWebhook)
  webhook(r: LalamoveWebhookRequest) {
    return this.webhooks.handle(r.rawBody, r.path);
  }
}
