import { Controller } from '@nestjs/common';
import { CATALOG_EXPORT_RULES, CatalogExportPage } from '@suite/contracts/catalog';
import { ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { CatalogDb } from '@suite/db/catalog';
import { CallerIdentity, checkExportFilters, exportPage, ExportQuery, Handles, InjectDb } from '@suite/platform';
import { isStaff } from '../access/access';
import { categoryExport, ExportScope, inventoryExport, productExport } from './catalog-export-queries';

/**
 * Pages of catalog exports for analytics' export worker (no HTTP route). The caller is the job's
 * creator: admins export every team's products and stock, a seller team its own stores' only.
 */
@Controller()
export class CatalogExportsNatsController {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  @Handles(CatalogExportPage)
  page(request: ExportPageRequest, caller: CallerIdentity): Promise<ExportPageResponse> {
    checkExportFilters(request.filters, CATALOG_EXPORT_RULES[request.entityType], request.entityType);
    const scope: ExportScope = isStaff(caller) ? { all: true } : { teamIds: caller.teamIds };
    const query: ExportQuery =
      request.entityType === 'PRODUCT'
        ? productExport(request.filters, scope)
        : request.entityType === 'CATEGORY'
          ? categoryExport(request.filters)
          : inventoryExport(request.filters, scope);
    return exportPage(this.db, query, request);
  }
}
