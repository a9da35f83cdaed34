import { CATALOG_EXPORT_RULES, CatalogExportPage } from '@suite/contracts/catalog';
import { ExportEntityTypeName, ExportFilterRule, ExportPageRequest, ExportPageResponse, Operation } from '@suite/contracts/core';
import { IDENTITY_EXPORT_RULES, IdentityExportPage } from '@suite/contracts/identity';
import { ORDERS_EXPORT_RULES, OrdersExportPage } from '@suite/contracts/orders';

export interface ExportEntity {
  /** The owning service's page operation. */
  page: Operation<ExportPageRequest, ExportPageResponse>;
  rule: ExportFilterRule;
  /** Platform-wide data about people: admins only. */
  adminsOnly: boolean;
  /** XML root and row elements (the root also names the sheet and the file). */
  root: string;
  item: string;
}

const of = (
  page: ExportEntity['page'],
  rule: ExportFilterRule | undefined,
  root: string,
  item: string,
  adminsOnly = false,
): ExportEntity => {
  if (!rule) throw new Error(`No export rule for ${root}`);
  return { page, rule, root, item, adminsOnly };
};

/** Which service owns each exportable entity type, and how its file is shaped. */
export const EXPORT_ENTITIES: Record<ExportEntityTypeName, ExportEntity> = {
  PRODUCT: of(CatalogExportPage, CATALOG_EXPORT_RULES.PRODUCT, 'products', 'product'),
  CATEGORY: of(CatalogExportPage, CATALOG_EXPORT_RULES.CATEGORY, 'categories', 'category'),
  INVENTORY: of(CatalogExportPage, CATALOG_EXPORT_RULES.INVENTORY, 'inventory', 'variant'),
  ORDER: of(OrdersExportPage, ORDERS_EXPORT_RULES.ORDER, 'orders', 'order'),
  TRANSACTION: of(OrdersExportPage, ORDERS_EXPORT_RULES.TRANSACTION, 'transactions', 'transaction'),
  USER: of(IdentityExportPage, IDENTITY_EXPORT_RULES.USER, 'users', 'user', true),
  SELLER: of(IdentityExportPage, IDENTITY_EXPORT_RULES.SELLER, 'sellers', 'seller', true),
  BUYER: of(IdentityExportPage, IDENTITY_EXPORT_RULES.BUYER, 'buyers', 'buyer', true),
};
