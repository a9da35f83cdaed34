import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { RoutingRulesNatsController } from './routing-rules/routing-rules.nats.controller';
import { RoutingRulesService } from './routing-rules/routing-rules.service';
import { FULFILLMENT_SERVICE } from './service';
import { BulkUpsertSupplierVariantsHandler } from './supplier-variants/commands/bulk-upsert.command';
import { SupplierVariantsNatsController } from './supplier-variants/supplier-variants.nats.controller';
import { SupplierVariantsService } from './supplier-variants/supplier-variants.service';
import { FactoriesNatsController } from './factories/factories.nats.controller';
import { FactoriesService } from './factories/factories.service';
import { FactoryAccess } from './access/factory-access';
import { CreateFactoryHandler, DeleteFactoryHandler, UpdateFactoryHandler } from './factories/commands/factory.commands';
import { CreateLocationHandler, DeleteLocationHandler, UpdateLocationHandler } from './factories/commands/location.commands';
import { LinkFactoryUserHandler, UnlinkFactoryUserHandler } from './factories/commands/factory-user.commands';
import { ManualAdapter } from './supplier-orders/adapters/manual.adapter';
import { PrintfulAdapter } from './supplier-orders/adapters/printful.adapter';
import {
  CreateSupplierOrderHandler,
  MoveSupplierOrderHandler,
  SubmitSupplierOrderHandler,
} from './supplier-orders/commands/supplier-order.commands';
import { SupplierOrdersNatsController } from './supplier-orders/supplier-orders.nats.controller';
import { SupplierOrdersService } from './supplier-orders/supplier-orders.service';
import { SupplierWebhooksService } from './supplier-orders/supplier-webhooks.service';

import { InventoryNatsController } from './inventory/inventory.nats.controller';
import { InventoryService } from './inventory/inventory.service';
import { RecordMovementHandler } from './inventory/commands/record-movement.command';
import { ProductionsNatsController } from './productions/productions.nats.controller';
import { ProductionsService } from './productions/productions.service';
import { ChangeProductionStatusHandler, CreateProductionHandler } from './productions/commands/production.commands';
import { RecordQualityCheckHandler } from './productions/commands/record-quality-check.command';
import { FulfillmentsNatsController } from './fulfillments/fulfillments.nats.controller';
import { FulfillmentsService } from './fulfillments/fulfillments.service';
import { CreateHoldHandler, ReleaseHoldHandler, UpdateFulfillmentStatusHandler } from './fulfillments/commands/fulfillment.commands';
import { Router } from './routing/router.service';
import { FulfillmentStatusService } from './fulfillments/fulfillment-status.service';
import { RoutingEventsConsumer } from './routing/routing-events.consumer';
import { ShipmentDeliveredConsumer, ShipmentDeliveredHandler } from './fulfillments/shipment-delivered.consumer';
import { CancelOrderFulfillmentsHandler, DesignApprovedHandler, RouteOrderHandler } from './routing/commands/route.commands';

@Module({
  imports: [PlatformModule.forService(FULFILLMENT_SERVICE)],
  controllers: [
    FactoriesNatsController,
    SupplierVariantsNatsController,
    RoutingRulesNatsController,
    FulfillmentsNatsController,
    SupplierOrdersNatsController,
    ProductionsNatsController,
    InventoryNatsController,
  ],
  providers: [
    FactoryAccess,
    FactoriesService,
    CreateFactoryHandler,
    UpdateFactoryHandler,
    DeleteFactoryHandler,
    CreateLocationHandler,
    UpdateLocationHandler,
    DeleteLocationHandler,
    LinkFactoryUserHandler,
    UnlinkFactoryUserHandler,
    SupplierVariantsService,
    BulkUpsertSupplierVariantsHandler,
    RoutingRulesService,
    ManualAdapter,
    PrintfulAdapter,
    SupplierOrdersService,
    SupplierWebhooksService,
    CreateSupplierOrderHandler,
    SubmitSupplierOrderHandler,
    MoveSupplierOrderHandler,
    ProductionsService,
    CreateProductionHandler,
    ChangeProductionStatusHandler,
    RecordQualityCheckHandler,
    InventoryService,
    RecordMovementHandler,
    Router,
    RoutingEventsConsumer,
    RouteOrderHandler,
    CancelOrderFulfillmentsHandler,
    DesignApprovedHandler,
    FulfillmentsService,
    UpdateFulfillmentStatusHandler,
    FulfillmentStatusService,
    CreateHoldHandler,
    ReleaseHoldHandler,
    ShipmentDeliveredConsumer,
    ShipmentDeliveredHandler,
  ],
})
export class AppModule {}
