import { Controller } from '@nestjs/common';
import { CheckoutCreate, CheckoutRequest, OrderLookup, OrderLookupRequest } from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { CheckoutService } from './checkout.service';
import { GuestLookupService } from './guest-lookup.service';

@Controller()
export class CheckoutNatsController {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly guests: GuestLookupService,
  ) {}

  @Handles(CheckoutCreate)
  create(r: CheckoutRequest, caller: CallerIdentity) {
    return this.checkout.checkout(caller, r.idempotencyKey, r.body, r.sessionId);
  }

  @Handles(OrderLookup)
  lookup(r: OrderLookupRequest) {
    return this.guests.lookup(r.orderCode, r.token);
  }
}
