import { IsInt, IsNumberString, IsString, Length, Max, Min } from 'class-validator';
import { PlatformConfig } from '@suite/platform';

export class OrdersConfig extends PlatformConfig {
  /** Currency of the web shop's carts and orders (ISO 4217). */
  @IsString() @Length(3, 3)
  SHOP_CURRENCY: string = 'PHP';

  /** VAT rate applied to cart and order lines, as a decimal string (12% in the Philippines). */
  @IsNumberString()
  TAX_RATE: string = '0.12';

  /** A cart untouched this long becomes ABANDONED; after CART_EXPIRE_HOURS it becomes EXPIRED. */
  @IsInt() @Min(1) @Max(24 * 30)
  CART_ABANDON_HOURS: number = 24;

  @IsInt() @Min(1) @Max(24 * 365)
  CART_EXPIRE_HOURS: number = 24 * 7;

  /** How often the cart sweep (abandon, expire) runs. */
  @IsInt() @Min(1) @Max(3600)
  CART_SWEEP_INTERVAL_SECONDS: number = 60;
}
