import { Module } from '@nestjs/common';
import { PlatformModule } from '@suite/platform';
import { TeamAccess } from './access/team-access';
import { CATALOG_SERVICE } from './service';
import { StoresNatsController } from './stores/stores.nats.controller';
import { StoresService } from './stores/stores.service';
import { CategoriesNatsController } from './categories/categories.nats.controller';
import { CategoriesService } from './categories/categories.service';
import { ProductsNatsController } from './products/products.nats.controller';
import { ProductsService } from './products/products.service';
import { ProductReadsService } from './products/product-reads.service';
import { SearchLog } from './products/search-log';
import { VariantsNatsController } from './variants/variants.nats.controller';
import { VariantsService } from './variants/variants.service';
import { StockNatsController } from './stock/stock.nats.controller';
import { StockService } from './stock/stock.service';
import { ReservationExpiryJob } from './stock/reservation-expiry.job';
import { OrderEventsConsumer } from './stock/order-events.consumer';
import { ConfirmOrderStockHandler } from './stock/commands/confirm-order-stock.command';
import { ReleaseOrderStockHandler } from './stock/commands/release-order-stock.command';
import { RestockReturnHandler } from './stock/commands/restock-return.command';
import { DesignsNatsController } from './designs/designs.nats.controller';
import { DesignsService } from './designs/designs.service';
import { ProductDesignsService } from './designs/product-designs.service';
import { ReviewsNatsController } from './reviews/reviews.nats.controller';
import { ReviewsService } from './reviews/reviews.service';
import { QuoteNatsController } from './products/quote.nats.controller';
import { QuoteService } from './products/quote.service';
import { StoreIdsNatsController } from './stores/store-ids.nats.controller';
import { ProductSkusNatsController } from './products/product-skus.nats.controller';
import { CatalogExportsNatsController } from './exports/catalog-exports.nats.controller';
import { CatalogImportsNatsController } from './imports/imports.nats.controller';
import { ProductImportService } from './imports/product-import.service';
import { CategoryImportService } from './imports/category-import.service';
import { InventoryImportService } from './imports/inventory-import.service';

@Module({
  imports: [PlatformModule.forService(CATALOG_SERVICE)],
  controllers: [
    StoresNatsController,
    CategoriesNatsController,
    ProductsNatsController,
    VariantsNatsController,
    StockNatsController,
    DesignsNatsController,
    ReviewsNatsController,
    StoreIdsNatsController,
    ProductSkusNatsController,
    QuoteNatsController,
    CatalogExportsNatsController,
    CatalogImportsNatsController,
  ],
  providers: [
    TeamAccess,
    StoresService,
    CategoriesService,
    ProductsService,
    ProductReadsService,
    SearchLog,
    VariantsService,
    StockService,
    ReservationExpiryJob,
    OrderEventsConsumer,
    ConfirmOrderStockHandler,
    ReleaseOrderStockHandler,
    RestockReturnHandler,
    DesignsService,
    ProductDesignsService,
    ReviewsService,
    QuoteService,
    ProductImportService,
    CategoryImportService,
    InventoryImportService,
  ],
})
export class AppModule {}
