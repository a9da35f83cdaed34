import { Controller } from '@nestjs/common';
import {
  CreatePaymentRequest,
  OrderPaymentRef,
  PaymentCodConfirm,
  PaymentCreate,
  PaymentWebhook,
  PaymentWebhookRequest,
  RefundCreate,
  RefundRequest,
} from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { CodService } from './cod.service';
import { PaymentsService } from './payments.service';
import { RefundsService } from './refunds.service';
import { WebhooksService } from './webhooks.service';

@Controller()
export class PaymentsNatsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly webhooks: WebhooksService,
    private readonly refunds: RefundsService,
    private readonly cod: CodService,
  ) {}

  @Handles(PaymentCreate)
  create(r: CreatePaymentRequest, caller: CallerIdentity) {
    return this.payments.createIntent(caller, r.orderId, r.body.method);
  }

  /** No caller check: the provider authenticates by the signature over the raw body. */
  @Handles(PaymentWebhook)
  webhook(r: PaymentWebhookRequest) {
    return this.webhooks.handle(r.provider, r.rawBody, r.headers);
  }

  @Handles(RefundCreate)
  refund(r: RefundRequest, caller: CallerIdentity) {
    return this.refunds.refund(caller, r.orderId, r.body);
  }

  @Handles(PaymentCodConfirm)
  confirmCod(r: OrderPaymentRef, caller: CallerIdentity) {
    return this.cod.confirmCollected(caller, r.orderId);
  }
}
