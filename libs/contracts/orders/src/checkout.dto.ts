import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

export const PAYMENT_METHODS = ['CREDIT_CARD', 'DEBIT_CARD', 'PAYPAL', 'GCASH', 'MAYA', 'BANK_TRANSFER', 'COD'] as const;
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

/** Body of `POST /checkout`: the caller's ACTIVE cart becomes an order. */
export class CheckoutDto {
  @ApiProperty() @IsUUID() cartId: string;
  @ApiProperty({ description: "One of the caller's addresses" }) @IsUUID() shippingAddressId: string;
  @ApiPropertyOptional({ description: 'Defaults to the shipping address' }) @IsOptional() @IsUUID() billingAddressId?: string;
  @ApiProperty({ enum: PAYMENT_METHODS, description: 'COD orders are confirmed at once; others wait for payment' })
  @IsIn(PAYMENT_METHODS)
  paymentMethod: PaymentMethodName;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

/** Gateway -> orders on `orders.checkout.create`. The key's presence and format are checked by the orders service. */
export class CheckoutRequest {
  @IsOptional() @IsString() idempotencyKey?: string;
  @ValidateNested() @Type(() => CheckoutDto) body: CheckoutDto;
}
