import { IsArray, IsBoolean, IsIn, IsInt, IsNumberString, IsOptional, IsString, IsUUID } from 'class-validator';
import { CatalogEvents } from './subjects';

/** Event payloads of the catalog service (see the note in orders' events.ts on versions). */
export class ProductEventPayload {
  @IsUUID() productId: string;
  @IsOptional() @IsUUID() storeId: string | null;
  @IsOptional() @IsString() sku: string | null;
  @IsString() status: string;
  /** Current price, a decimal string (null when the product has none). */
  @IsOptional() @IsNumberString() price: string | null;
  /** true on the ProductUpdated of a soft delete: the product is gone whatever its status says. */
  @IsOptional() @IsBoolean() deleted?: boolean;
}

export class StockLowPayload {
  @IsUUID() productId: string;
  @IsInt() stock: number;
  @IsInt() minStock: number;
}

export class DesignApprovedPayload {
  @IsUUID() designId: string;
  @IsUUID() teamId: string;
  @IsString() fingerprint: string;
  @IsOptional() @IsString() approvedBy: string | null;
}

export const STOCK_CONFIRMATION_FAILURES = ['STOCK_UNAVAILABLE'] as const;

/**
 * A placed-and-paid (or COD) order whose reservation had expired could not take its stock again:
 * orders puts the order on hold. Stock never goes negative for it.
 */
export class StockUnavailablePayload {
  @IsUUID() orderId: string;
  @IsIn(STOCK_CONFIRMATION_FAILURES) reason: (typeof STOCK_CONFIRMATION_FAILURES)[number];
  @IsArray() @IsUUID('all', { each: true }) productIds: string[];
}

export const ProductCreated = { subject: CatalogEvents.ProductCreated, payload: ProductEventPayload, version: 1 } as const;
export const ProductUpdated = { subject: CatalogEvents.ProductUpdated, payload: ProductEventPayload, version: 1 } as const;
export const ProductDiscontinued = { subject: CatalogEvents.ProductDiscontinued, payload: ProductEventPayload, version: 1 } as const;
export const StockLow = { subject: CatalogEvents.StockLow, payload: StockLowPayload, version: 1 } as const;
export const DesignApproved = { subject: CatalogEvents.DesignApproved, payload: DesignApprovedPayload, version: 1 } as const;
export const StockUnavailable = { subject: CatalogEvents.StockUnavailable, payload: StockUnavailablePayload, version: 1 } as const;
