import { ImportBatchRequest, ImportBatchResponse } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import {
  CodConfirmationView,
  CreatePaymentDto,
  CreatePaymentRequest,
  OrderPaymentRef,
  PaymentIntentView,
  PaymentWebhookRequest,
  RefundDto,
  RefundRequest,
  RefundView,
} from './payments.dto';
import { OrdersSubjects } from './subjects';

/** Online payments, provider webhooks and refunds; the orders service decides who may do what to which order. */
export const PaymentCreate = operation({
  subject: OrdersSubjects.PaymentCreate,
  request: CreatePaymentRequest,
  response: PaymentIntentView,
  permissions: ['orders:create'],
  http: {
    method: 'POST',
    path: 'orders/:orderId/payments',
    body: CreatePaymentDto,
    summary: "Start paying one's own PENDING order online (GCash, Maya, card through PayMongo)",
  },
});

export const RefundCreate = operation({
  subject: OrdersSubjects.RefundCreate,
  request: RefundRequest,
  response: RefundView,
  permissions: ['payments:create'],
  http: {
    method: 'POST',
    path: 'orders/:orderId/refunds',
    body: RefundDto,
    summary: 'Refund part or all of what was paid for the order, through the provider',
  },
});

export const PaymentCodConfirm = operation({
  subject: OrdersSubjects.PaymentCodConfirm,
  request: OrderPaymentRef,
  response: CodConfirmationView,
  permissions: ['payments:create'],
  http: {
    method: 'POST',
    path: 'orders/:orderId/payments/cod',
    summary: 'Confirm the cash of a cash-on-delivery order was collected: the order becomes PAID',
  },
});

/**
 * A provider's webhook. No permissions: the provider authenticates by signing the exact bytes it
 * sent. Its route (POST payments/webhooks/:provider) is written by hand in the gateway, which
 * forwards the raw body, so it has no declared `http`.
 */
export const PaymentWebhook = operation<PaymentWebhookRequest, undefined, { received: true; applied: boolean }>({
  subject: OrdersSubjects.PaymentWebhook,
  request: PaymentWebhookRequest,
});

/** Rows of a TRANSACTION import job (analytics' worker, the uploader's identity): see @suite/contracts/core import-batch. */
export const TransactionImportBatch = operation({
  subject: OrdersSubjects.TransactionImportBatch,
  request: ImportBatchRequest,
  response: ImportBatchResponse,
  permissions: ['payments:create'],
});

export const PaymentOperations = [PaymentCreate, RefundCreate, PaymentCodConfirm];
