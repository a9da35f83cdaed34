import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { ORDERS_SERVICE } from './service';
import { CartsNatsController } from './carts/carts.nats.controller';
import { CartsService } from './carts/carts.service';
import { CartMergeService } from './carts/cart-merge.service';
import { CatalogQuote } from './carts/catalog-quote';
import { CartAbandonmentJob } from './carts/cart-abandonment.job';
import { CustomersNatsController } from './customers/customers.nats.controller';
import { AddressesNatsController } from './customers/addresses.nats.controller';
import { CustomersService } from './customers/customers.service';
import { AddressesService } from './customers/addresses.service';
import { OrderAccess } from './orders/order-access';
import { OrderFactory } from './orders/order-factory';
import { OrdersService } from './orders/orders.service';
import { OrdersNatsController } from './orders/orders.nats.controller';
import { PurchaseNatsController } from './orders/purchase.nats.controller';
import { ImportService } from './import/import.service';
import { ImportNatsController } from './import/import.nats.controller';

@Module({
  imports: [PlatformModule.forService(ORDERS_SERVICE)],
  controllers: [CartsNatsController, CustomersNatsController, AddressesNatsController, OrdersNatsController, PurchaseNatsController, ImportNatsController],
  providers: [CartsService, CartMergeService, CatalogQuote, CartAbandonmentJob, CustomersService, AddressesService, OrderAccess, OrderFactory, OrdersService, ImportService],
})
export class AppModule {}
