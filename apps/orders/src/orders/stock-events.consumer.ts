import { Injectable } from '@nestjs/common';
import { StockUnavailable, StockUnavailablePayload } from '@suite/contracts/catalog';
import { OnEvent } from '@suite/platform';
import { HoldOrderCommand } from './commands/hold-order.command';

/** Catalog could not give a confirmed order its stock back (its reservation had expired and the units were sold). */
@Injectable()
export class StockEventsConsumer {
  @OnEvent(StockUnavailable, { name: 'hold-on-stock-unavailable' })
  onUnavailable(event: StockUnavailablePayload) {
    return new HoldOrderCommand(event.orderId, event.reason, event.productIds);
  }
}
