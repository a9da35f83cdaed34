import { Controller } from '@nestjs/common';
import { CancelOrderRequest, OrderCancel, OrderGet, OrderList, OrderListQuery, OrderRef } from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { OrdersService } from './orders.service';

@Controller()
export class OrdersNatsController {
  constructor(private readonly orders: OrdersService) {}

  @Handles(OrderList)
  list(query: OrderListQuery, caller: CallerIdentity) {
    return this.orders.list(caller, query);
  }

  @Handles(OrderGet)
  get(r: OrderRef, caller: CallerIdentity) {
    return this.orders.get(caller, r.orderId);
  }

  @Handles(OrderCancel)
  cancel(r: CancelOrderRequest, caller: CallerIdentity) {
    return this.orders.cancel(caller, r.orderId, r.body.reason);
  }
}
