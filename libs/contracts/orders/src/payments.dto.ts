import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

/** Methods a web-shop buyer can pay online through the gateway (PayMongo). */
export const ONLINE_PAYMENT_METHODS = ['GCASH', 'MAYA', 'CREDIT_CARD', 'DEBIT_CARD'] as const;
export type OnlinePaymentMethod = (typeof ONLINE_PAYMENT_METHODS)[number];

export class CreatePaymentDto {
  @ApiProperty({ enum: ONLINE_PAYMENT_METHODS }) @IsIn(ONLINE_PAYMENT_METHODS) method: OnlinePaymentMethod;
}

export class PaymentIntentView {
  @ApiProperty() paymentId: string;
  @ApiPropertyOptional({ nullable: true }) checkoutUrl: string | null;
}

export class RefundDto {
  /** A positive money amount with at most two decimals, as a string so no float touches it. */
  @ApiProperty({ example: '25.00' })
  @IsString()
  @Matches(/^\d{1,10}(\.\d{1,2})?$/, { message: 'amount must be a positive amount with at most 2 decimals, e.g. "25.00"' })
  amount: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) reason: string;
}

export class RefundView {
  @ApiProperty() paymentId: string;
  @ApiProperty() providerRefundId: string;
  @ApiProperty({ example: '25.00' }) amount: string;
  @ApiProperty({ example: '25.00' }) refundedAmount: string;
  @ApiProperty({ enum: ['PARTIALLY_REFUNDED', 'REFUNDED'] }) paymentStatus: string;
}

export class CodConfirmationView {
  @ApiProperty() paymentId: string;
  @ApiProperty({ example: '25.00' }) amount: string;
  @ApiProperty({ enum: ['PAID'] }) paymentStatus: 'PAID';
}

/** Gateway -> orders on `orders.payment.create` and `orders.refund.create`. */
export class CreatePaymentRequest {
  @IsUUID() orderId: string;
  @ValidateNested() @Type(() => CreatePaymentDto) body: CreatePaymentDto;
}
export class OrderPaymentRef {
  @IsUUID() orderId: string;
}
export class RefundRequest {
  @IsUUID() orderId: string;
  @ValidateNested() @Type(() => RefundDto) body: RefundDto;
}

/** Gateway -> orders on `orders.payment.webhook`: the body exactly as received, and the headers that sign it. */
export class PaymentWebhookRequest {
  @IsString() @MaxLength(40) provider: string;
  @IsString() rawBody: string;
  @IsObject() headers: Record<string, string>;
}
