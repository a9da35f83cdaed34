import { IsInt, IsNumberString, IsString, IsUrl, Length, Max, Min } from 'class-validator';
import { PlatformConfig } from '@suite/platform';

export class OrdersConfig extends PlatformConfig {
  /** Currency of the web shop's carts and orders (ISO 4217). */
  @IsString()
  @Length(3, 3)
  SHOP_CURRENCY: string = 'PHP';

  /** VAT rate applied to cart and order lines, as a decimal string (12% in the Philippines). */
  @IsNumberString()
  TAX_RATE: string = '0.12';

  /** A cart untouched this long becomes ABANDONED; after CART_EXPIRE_HOURS it becomes EXPIRED. */
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  CART_ABANDON_HOURS: number = 24;

  @IsInt()
  @Min(1)
  @Max(24 * 365)
  CART_EXPIRE_HOURS: number = 24 * 7;

  /** How often the cart sweep (abandon, expire) runs. */
  @IsInt()
  @Min(1)
  @Max(3600)
  CART_SWEEP_INTERVAL_SECONDS: number = 60;

  /** How often checkout recovery looks for orders whose checkout was interrupted (process killed mid-saga). */
  @IsInt()
  @Min(1)
  @Max(3600)
  CHECKOUT_RECOVERY_INTERVAL_SECONDS: number = 30;

  /** An unplaced order older than this is an interrupted checkout: its stock is released and it is cancelled. */
  @IsInt()
  @Min(1)
  @Max(3600)
  CHECKOUT_STALE_SECONDS: number = 60;

  /** PayMongo REST base URL (a local fake in tests). */
  @IsUrl({ require_tld: false })
  PAYMONGO_BASE_URL: string = 'https://api.paymongo.com';

  /** PayMongo secret API key (sk_...) and webhook signing secret (whsk_...); never logged. */
  @IsString()
  PAYMONGO_SECRET_KEY: string = '';

  @IsString()
  PAYMONGO_WEBHOOK_SECRET: string = '';
}
