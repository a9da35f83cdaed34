import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsNumberString, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { SUPPLIER_TYPES, SupplierType } from './factories.dto';
import { FulfillmentEvents } from './subjects';

/** Event payloads of the fulfillment service (version 1). */
export class FactoryEventPayload {
  @IsUUID() id: string;
  @IsString() code: string;
  @IsBoolean() isActive: boolean;
  @IsIn(SUPPLIER_TYPES) supplierType: SupplierType;
  @IsInt() capacity: number;
  @IsArray() @IsString({ each: true }) printMethods: string[];
}

export const FactoryCreated = { subject: FulfillmentEvents.FactoryCreated, payload: FactoryEventPayload, version: 1 } as const;
export const FactoryUpdated = { subject: FulfillmentEvents.FactoryUpdated, payload: FactoryEventPayload, version: 1 } as const;

export const SUPPLIER_VARIANT_CHANGES = ['CREATED', 'UPDATED', 'DELETED', 'BULK_UPSERTED'] as const;

export class ChangedSupplierVariant {
  @IsString() systemVariantCode: string;
  /** false for a deleted row: the factory no longer offers it. */
  @IsBoolean() isAvailable: boolean;
  /** Decimal string, 2 places. */
  @IsNumberString() supplierPrice: string;
}

/**
 * One factory's supplier variants changed: one event per request, a bulk upsert included (its
 * rows are all in `variants`), so consumers re-read a factory's codes once.
 */
export class SupplierVariantChangedPayload {
  @IsUUID() factoryId: string;
  @IsIn(SUPPLIER_VARIANT_CHANGES) change: (typeof SUPPLIER_VARIANT_CHANGES)[number];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ChangedSupplierVariant) variants: ChangedSupplierVariant[];
}

export const SupplierVariantChanged = {
  subject: FulfillmentEvents.SupplierVariantChanged,
  payload: SupplierVariantChangedPayload,
  version: 1,
} as const;

export const FULFILLMENT_STATUSES = ['PENDING', 'IN_PRODUCTION', 'SHIPPED', 'DELIVERED', 'FAILED'] as const;
export type FulfillmentStatusName = (typeof FULFILLMENT_STATUSES)[number];

export class FulfillmentEventItem {
  @IsUUID() orderItemId: string;
  @IsIn(FULFILLMENT_STATUSES) status: FulfillmentStatusName;
  @IsInt() quantity: number;
}

/**
 * A fulfillment was routed, held, or changed status. Orders moves the order (PROCESSING, SHIPPED,
 * DELIVERED) and its items' fulfillmentStatus; logistics opens a shipment when it ships.
 */
export class FulfillmentEventPayload {
  @IsUUID() fulfillmentId: string;
  @IsUUID() orderId: string;
  @IsOptional() @IsUUID() factoryId?: string | null;
  @IsIn(FULFILLMENT_STATUSES) status: FulfillmentStatusName;
  @IsOptional() @IsIn(FULFILLMENT_STATUSES) previousStatus?: FulfillmentStatusName | null;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FulfillmentEventItem) items: FulfillmentEventItem[];
  @IsOptional() @IsString() trackingNumber?: string | null;
  @IsOptional() @IsString() carrier?: string | null;
  /** Why it was held or failed. */
  @IsOptional() @IsString() reason?: string | null;
}

export const FulfillmentRouted = { subject: FulfillmentEvents.FulfillmentRouted, payload: FulfillmentEventPayload, version: 1 } as const;
export const FulfillmentHeld = { subject: FulfillmentEvents.FulfillmentHeld, payload: FulfillmentEventPayload, version: 1 } as const;
/** Every status change (IN_PRODUCTION, SHIPPED, DELIVERED, FAILED): one subject, so a consumer follows them all. */
export const FulfillmentStatusChanged = {
  subject: FulfillmentEvents.FulfillmentStatusChanged,
  payload: FulfillmentEventPayload,
  version: 1,
} as const;
