import { Controller } from '@nestjs/common';
import { CheckoutCreate, CheckoutRequest } from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { CheckoutService } from './checkout.service';

@Controller()
export class CheckoutNatsController {
  constructor(private readonly checkout: CheckoutService) {}

  @Handles(CheckoutCreate)
  create(r: CheckoutRequest, caller: CallerIdentity) {
    return this.checkout.checkout(caller, r.idempotencyKey, r.body);
  }
}
