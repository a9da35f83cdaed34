import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { FulfillmentEvents } from './subjects';
import { SUPPLIER_ORDER_STATUSES, SupplierOrderStatus } from './supplier-orders.dto';

export const SUPPLIER_ORDER_CHANGE_SOURCES = ['API', 'PROVIDER'] as const;

/**
 * A supplier order changed status, by our API (staff, a MANUAL factory's users) or by the provider's
 * webhook; for routing to re-route a fulfillment's items when its supplier order is REJECTED or CANCELLED.
 */
export class SupplierOrderStatusChangedPayload {
  @IsUUID() supplierOrderId: string;
  @IsString() orderNumber: string;
  @IsUUID() factoryId: string;
  @IsOptional() @IsUUID() fulfillmentId: string | null;
  @IsIn(SUPPLIER_ORDER_STATUSES) previousStatus: SupplierOrderStatus;
  @IsIn(SUPPLIER_ORDER_STATUSES) status: SupplierOrderStatus;
  /** the rejection or cancellation reason */
  @IsOptional() @IsString() reason: string | null;
  @IsOptional() @IsString() trackingNumber: string | null;
  @IsOptional() @IsString() carrier: string | null;
  @IsIn(SUPPLIER_ORDER_CHANGE_SOURCES) source: (typeof SUPPLIER_ORDER_CHANGE_SOURCES)[number];
}

export const SupplierOrderStatusChanged = {
  subject: FulfillmentEvents.SupplierOrderStatusChanged,
  payload: SupplierOrderStatusChangedPayload,
  version: 1,
} as const;
