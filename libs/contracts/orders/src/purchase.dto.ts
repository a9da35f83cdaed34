import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Catalog -> orders on `orders.purchase.verify`: did this user buy this product? */
export class PurchaseVerifyRequest {
  @ApiProperty() @IsUUID() userId: string;
  @ApiProperty() @IsUUID() productId: string;
}

export class PurchaseVerifyResponse {
  @ApiProperty() purchased: boolean;
}
