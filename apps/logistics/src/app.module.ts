import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { LOGISTICS_SERVICE } from './service';
import { ShipmentsNatsController } from './shipments/shipments.nats.controller';
import { ShipmentsService } from './shipments/shipments.service';
import { ShipmentEventsConsumer } from './shipments/shipment-events.consumer';
import { CreateShipmentHandler, UpdateShipmentHandler } from './shipments/commands/shipment.commands';
import { ShipmentProgressHandler } from './shipments/commands/shipment-progress.commands';
import { RaiseExceptionHandler, ResolveExceptionHandler } from './shipments/commands/exception.commands';
import { OpenShipmentFromFulfillmentHandler, RecordOrderHandler } from './shipments/commands/follow-events.commands';
import { AfterShipAdapter } from './tracking/adapters/aftership.adapter';
import { EasyPostAdapter } from './tracking/adapters/easypost.adapter';
import { TRACKING_ADAPTERS } from './tracking/adapters/tracking-adapter';
import { TrackingUpdates } from './tracking/tracking-updates.service';
import { TrackingWebhooksService } from './tracking/tracking-webhooks.service';
import { TrackingPoller } from './tracking/tracking-poller.job';
import { DeliveryEventsConsumer } from './returns/delivery-events.consumer';
import { RecordDeliveryHandler, RecordOrderLinesHandler } from './returns/commands/record-delivery.command';
import { CreateReturnHandler } from './returns/commands/create-return.command';
import { ChangeReturnStatusHandler } from './returns/commands/change-return-status.command';
import { ReturnsNatsController } from './returns/returns.nats.controller';
import { ReturnsService } from './returns/returns.service';
import { TicketsNatsController } from './tickets/tickets.nats.controller';
import { TicketsService } from './tickets/tickets.service';
import { CreateTicketHandler } from './tickets/commands/create-ticket.command';
import { AssignTicketHandler, ChangeTicketStatusHandler, PostTicketMessageHandler } from './tickets/commands/ticket-work.commands';
import { OpenReturnFromTicketHandler } from './tickets/commands/ticket-return.command';
import { DELIVERY_CONTROLLERS, DELIVERY_PROVIDERS } from './deliveries/deliveries.providers';

@Module({
  imports: [PlatformModule.forService(LOGISTICS_SERVICE)],
  controllers: [ShipmentsNatsController, ReturnsNatsController, TicketsNatsController, ...DELIVERY_CONTROLLERS],
  providers: [
    ShipmentsService,
    ShipmentEventsConsumer,
    CreateShipmentHandler,
    UpdateShipmentHandler,
    ShipmentProgressHandler,
    RaiseExceptionHandler,
    ResolveExceptionHandler,
    RecordOrderHandler,
    OpenShipmentFromFulfillmentHandler,
    AfterShipAdapter,
    EasyPostAdapter,
    {
      provide: TRACKING_ADAPTERS,
      useFactory: (a: AfterShipAdapter, e: EasyPostAdapter) => [a, e],
      inject: [AfterShipAdapter, EasyPostAdapter],
    },
    TrackingUpdates,
    TrackingWebhooksService,
    TrackingPoller,
    DeliveryEventsConsumer,
    RecordOrderLinesHandler,
    RecordDeliveryHandler,
    ReturnsService,
    CreateReturnHandler,
    ChangeReturnStatusHandler,
    TicketsService,
    CreateTicketHandler,
    ChangeTicketStatusHandler,
    AssignTicketHandler,
    PostTicketMessageHandler,
    OpenReturnFromTicketHandler,
    ...DELIVERY_PROVIDERS,
  ],
})
export class AppModule {}
