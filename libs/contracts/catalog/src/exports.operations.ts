import { ExportEntityTypeName, ExportFilterRule, ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { PRODUCT_STATUSES } from './products.dto';

export const CatalogExportSubjects = { ExportPage: 'catalog.export.page' } as const;

/** The entity types catalog exports and the filters each takes. */
export const CATALOG_EXPORT_RULES: Partial<Record<ExportEntityTypeName, ExportFilterRule>> = {
  PRODUCT: { filters: ['status', 'storeId', 'categoryId', 'from', 'to', 'search'], statuses: PRODUCT_STATUSES },
  CATEGORY: { filters: ['status', 'search'], statuses: ['ACTIVE', 'INACTIVE'] },
  INVENTORY: { filters: ['storeId', 'status'], statuses: ['ACTIVE', 'INACTIVE'] },
};

/**
 * One page of a catalog export (no HTTP route: analytics' export worker asks it for the job's
 * creator). A seller team gets its own stores' rows only, admins every row.
 */
export const CatalogExportPage = operation<ExportPageRequest, undefined, ExportPageResponse>({
  subject: CatalogExportSubjects.ExportPage,
  request: ExportPageRequest,
  permissions: ['exports:create'],
});
