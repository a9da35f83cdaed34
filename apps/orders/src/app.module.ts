import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { ORDERS_SERVICE } from './service';
import { CartsNatsController } from './carts/carts.nats.controller';
import { CartsService } from './carts/carts.service';
import { CartMergeService } from './carts/cart-merge.service';
import { CatalogQuote } from './carts/catalog-quote';
import { CartAbandonmentJob } from './carts/cart-abandonment.job';
import { ProductEventsConsumer } from './carts/product-events.consumer';
import { SyncCartProductHandler } from './carts/commands/sync-cart-product.command';
import { CustomersNatsController } from './customers/customers.nats.controller';
import { AddressesNatsController } from './customers/addresses.nats.controller';
import { CustomersService } from './customers/customers.service';
import { AddressesService } from './customers/addresses.service';
import { RegisteredUserConsumer } from './customers/registered-user.consumer';
import { FillCustomerEmailHandler } from './customers/commands/fill-customer-email.command';
import { VerifiedEmailConsumer } from './customers/verified-email.consumer';
import { JoinGuestOrdersHandler } from './customers/commands/join-guest-orders.command';
import { OrderAccess } from './orders/order-access';
import { OrderFactory } from './orders/order-factory';
import { OrdersService } from './orders/orders.service';
import { OrdersNatsController } from './orders/orders.nats.controller';
import { PurchaseNatsController } from './orders/purchase.nats.controller';
import { ImportService } from './import/import.service';
import { OrderFileImportService } from './import/order-file-import.service';
import { TransactionImportService } from './import/transaction-import.service';
import { ImportNatsController } from './import/import.nats.controller';
import { CheckoutNatsController } from './checkout/checkout.nats.controller';
import { CheckoutService } from './checkout/checkout.service';
import { IdempotencyKeys } from './checkout/idempotency';
import { CheckoutRecoveryJob } from './checkout/checkout-recovery.job';
import { InFlightCheckouts } from './checkout/in-flight';
import { GuestLookupService } from './checkout/guest-lookup.service';
import { PaymongoProvider } from './payments/paymongo.provider';
import { PaymentsService } from './payments/payments.service';
import { WebhooksService } from './payments/webhooks.service';
import { RefundsService } from './payments/refunds.service';
import { ReturnEventsConsumer } from './payments/return-events.consumer';
import { RefundReturnHandler } from './payments/refund-return.command';
import { PaymentsNatsController } from './payments/payments.nats.controller';
import { OrdersExportsNatsController } from './exports/orders-exports.nats.controller';
import { CodService } from './payments/cod.service';
import { StockEventsConsumer } from './orders/stock-events.consumer';
import { HoldOrderHandler } from './orders/commands/hold-order.command';
import { FulfillmentEventsConsumer } from './orders/fulfillment-events.consumer';
import { ShipmentEventsConsumer } from './orders/shipment-events.consumer';
import { FollowFulfillmentHandler } from './orders/commands/follow-fulfillment.command';

@Module({
  imports: [PlatformModule.forService(ORDERS_SERVICE)],
  controllers: [
    CartsNatsController,
    CustomersNatsController,
    AddressesNatsController,
    OrdersNatsController,
    PurchaseNatsController,
    ImportNatsController,
    CheckoutNatsController,
    PaymentsNatsController,
    OrdersExportsNatsController,
  ],
  providers: [
    CartsService,
    CartMergeService,
    CatalogQuote,
    CartAbandonmentJob,
    ProductEventsConsumer,
    SyncCartProductHandler,
    CustomersService,
    AddressesService,
    RegisteredUserConsumer,
    FillCustomerEmailHandler,
    VerifiedEmailConsumer,
    JoinGuestOrdersHandler,
    OrderAccess,
    OrderFactory,
    OrdersService,
    ImportService,
    OrderFileImportService,
    TransactionImportService,
    CheckoutService,
    IdempotencyKeys,
    CheckoutRecoveryJob,
    InFlightCheckouts,
    GuestLookupService,
    PaymongoProvider,
    PaymentsService,
    WebhooksService,
    RefundsService,
    CodService,
    StockEventsConsumer,
    HoldOrderHandler,
    FulfillmentEventsConsumer,
    ShipmentEventsConsumer,
    ReturnEventsConsumer,
    RefundReturnHandler,
    FollowFulfillmentHandler,
  ],
})
export class AppModule {}
