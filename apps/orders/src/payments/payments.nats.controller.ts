import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CodConfirmationView,
  CreatePaymentRequest,
  OrderPaymentRef,
  OrdersSubjects,
  PaymentIntentView,
  PaymentWebhookRequest,
  RefundRequest,
  RefundView,
} from '@suite/contracts/orders';
import { Caller, CallerIdentity } from '@suite/platform';
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

  @MessagePattern(OrdersSubjects.PaymentCreate)
  create(@Payload() r: CreatePaymentRequest, @Caller() caller: CallerIdentity): Promise<PaymentIntentView> {
    return this.payments.createIntent(caller, r.orderId, r.body.method);
  }

  /** No caller check: the provider authenticates by the signature over the raw body. */
  @MessagePattern(OrdersSubjects.PaymentWebhook)
  webhook(@Payload() r: PaymentWebhookRequest): Promise<{ received: true; applied: boolean }> {
    return this.webhooks.handle(r.provider, r.rawBody, r.headers);
  }

  @MessagePattern(OrdersSubjects.RefundCreate)
  refund(@Payload() r: RefundRequest, @Caller() caller: CallerIdentity): Promise<RefundView> {
    return this.refunds.refund(caller, r.orderId, r.body);
  }

  @MessagePattern(OrdersSubjects.PaymentCodConfirm)
  confirmCod(@Payload() r: OrderPaymentRef, @Caller() caller: CallerIdentity): Promise<CodConfirmationView> {
    return this.cod.confirmCollected(caller, r.orderId);
  }
}
