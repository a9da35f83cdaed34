import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CheckoutRequest, OrdersSubjects, OrderView } from '@suite/contracts/orders';
import { Caller, CallerIdentity } from '@suite/platform';
import { CheckoutService } from './checkout.service';

@Controller()
export class CheckoutNatsController {
  constructor(private readonly checkout: CheckoutService) {}

  @MessagePattern(OrdersSubjects.CheckoutCreate)
  create(@Payload() r: CheckoutRequest, @Caller() caller: CallerIdentity): Promise<OrderView> {
    return this.checkout.checkout(caller, r.idempotencyKey, r.body);
  }
}
