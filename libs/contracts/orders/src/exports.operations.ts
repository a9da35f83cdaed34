import { ExportEntityTypeName, ExportFilterRule, ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { ORDER_STATUSES } from './orders.dto';

export const OrdersExportSubjects = { ExportPage: 'orders.export.page' } as const;

/** The entity types orders exports and the filters each takes. */
export const ORDERS_EXPORT_RULES: Partial<Record<ExportEntityTypeName, ExportFilterRule>> = {
  ORDER: { filters: ['status', 'storeId', 'from', 'to'], statuses: ORDER_STATUSES },
  TRANSACTION: { filters: ['status', 'from', 'to'], statuses: ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'] },
};

/**
 * One page of an orders export (no HTTP route: analytics' export worker asks it for the job's
 * creator). The order access rules apply: a seller team its stores' orders, staff every order.
 */
export const OrdersExportPage = operation<ExportPageRequest, undefined, ExportPageResponse>({
  subject: OrdersExportSubjects.ExportPage,
  request: ExportPageRequest,
  permissions: ['exports:create'],
});
