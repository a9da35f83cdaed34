import type { SupplierOrderStatus } from '@suite/contracts/fulfillment';
import type { Prisma } from '@suite/db/fulfillment';

/** One line of a supplier order as stored (SupplierOrder.items). */
export interface SupplierOrderLine {
  supplierVariantId: string;
  supplierVariantCode: string;
  supplierSku: string | null;
  systemVariantCode: string;
  quantity: number;
  unitPrice: string;
  leadTime: number;
}

/** Where the supplier ships the goods: the fulfillment's buyer, or our own factory location for stock. */
export interface SupplierRecipient {
  name: string;
  address1: string;
  address2?: string | null;
  city: string;
  stateCode?: string | null;
  countryCode: string;
  zip?: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface SubmittableOrder {
  id: string;
  orderNumber: string;
  items: SupplierOrderLine[];
  recipient: SupplierRecipient | null;
}

export type AdapterFactory = Prisma.FactoryGetPayload<object>;

/** The factory's decrypted adapter credentials; never logged, never returned. */
export interface SupplierCredentials {
  apiKey?: string;
  webhookSecret?: string;
}

/** Sends a supplier order to a factory; answers the provider's id for it (if any) and where it now stands. */
export interface SupplierAdapter {
  readonly integration: string;
  submit(
    order: SubmittableOrder,
    factory: AdapterFactory,
    credentials: SupplierCredentials,
  ): Promise<{ externalId: string | null; status: SupplierOrderStatus }>;
}
