import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SESSION_ID_MESSAGE, SESSION_ID_PATTERN } from './carts.dto';
import { CreateAddressDto } from './customers.dto';
import { OrderView } from './orders.dto';

export const PAYMENT_METHODS = ['CREDIT_CARD', 'DEBIT_CARD', 'PAYPAL', 'GCASH', 'MAYA', 'BANK_TRANSFER', 'COD'] as const;
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

/** An address given at checkout: the fields and checks of a saved address (its type and default flag aside). */
export class CheckoutAddressDto extends OmitType(CreateAddressDto, ['type', 'isDefault'] as const) {}

/**
 * Body of `POST /checkout`: the caller's ACTIVE cart becomes an order. Signed-in buyers ship to one
 * of their addresses or to an inline one; guests (no token, X-Session-Id cart) give their email and
 * the address inline. Which fields a caller must send is checked by the orders service.
 */
export class CheckoutDto {
  @ApiProperty() @IsUUID() cartId: string;
  @ApiPropertyOptional({ description: 'Signed-in buyers: one of their addresses (or send shippingAddress)' })
  @IsOptional()
  @IsUUID()
  shippingAddressId?: string;
  @ApiPropertyOptional({ type: CheckoutAddressDto, description: 'The address itself: required for guests' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CheckoutAddressDto)
  shippingAddress?: CheckoutAddressDto;
  @ApiPropertyOptional({ description: 'Signed-in buyers with an inline shippingAddress: also add it to their address book' })
  @IsOptional()
  @IsBoolean()
  saveAddress?: boolean;
  @ApiPropertyOptional({ description: 'Guests: required; their orders join the account that later verifies this email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
  @ApiPropertyOptional({ description: 'Signed-in buyers: one of their addresses; defaults to the shipping address' })
  @IsOptional()
  @IsUUID()
  billingAddressId?: string;
  @ApiProperty({ enum: PAYMENT_METHODS, description: 'COD orders are confirmed at once; others wait for payment' })
  @IsIn(PAYMENT_METHODS)
  paymentMethod: PaymentMethodName;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) notes?: string;
}

/** Gateway -> orders on `orders.checkout.create`. The key's presence and format are checked by the orders service. */
export class CheckoutRequest {
  @IsOptional() @IsString() idempotencyKey?: string;
  /** Guests: the X-Session-Id of their cart. */
  @IsOptional() @Matches(SESSION_ID_PATTERN, { message: SESSION_ID_MESSAGE }) sessionId?: string;
  @ValidateNested() @Type(() => CheckoutDto) body: CheckoutDto;
}

/** The new order; a guest's answer also carries the token that opens it in `GET /orders/lookup`. */
export class CheckoutView extends OrderView {
  @ApiPropertyOptional({
    description:
      'Guests only, in this answer only (a retry with the same Idempotency-Key gets a new one and the old one stops working): send it as X-Order-Token to GET /orders/lookup',
  })
  lookupToken?: string;
}

/** `GET /orders/lookup?orderCode=`: a guest's order, by its code and the token checkout gave. */
export class OrderLookupQuery {
  @ApiProperty({ example: 'K7M2QX9TB' }) @IsString() @Length(9, 9) orderCode: string;
}

export class OrderLookupRequest extends OrderLookupQuery {
  @IsString() @Length(1, 200) token: string;
}
