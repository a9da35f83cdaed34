import { Provider } from '@nestjs/common';
import { CancelDeliveryOrderHandler } from './commands/cancel-order.command';
import { CreateDeliveryQuotationHandler } from './commands/create-quotation.command';
import { PlaceDeliveryOrderHandler } from './commands/place-order.command';
import { DeliveriesNatsController } from './deliveries.nats.controller';
import { DeliveriesService } from './deliveries.service';
import { LalamoveWebhooksService } from './lalamove-webhooks.service';
import { LALAMOVE_API } from './lalamove/lalamove-api';
import { LalamoveHttpClient } from './lalamove/lalamove-http.client';
import { lalamoveConfigProvider } from './lalamove/lalamove.config';
import { QuotationExpiryJob } from './quotation-expiry.job';

/** Lalamove deliveries, registered in the AppModule as one block. */
export const DELIVERY_CONTROLLERS = [DeliveriesNatsController];
export const DELIVERY_PROVIDERS: Provider[] = [
  lalamoveConfigProvider,
  { provide: LALAMOVE_API, useClass: LalamoveHttpClient },
  DeliveriesService,
  LalamoveWebhooksService,
  CreateDeliveryQuotationHandler,
  PlaceDeliveryOrderHandler,
  CancelDeliveryOrderHandler,
  QuotationExpiryJob,
];
