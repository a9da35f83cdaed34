import { Controller } from '@nestjs/common';
import { ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { ORDERS_EXPORT_RULES, OrdersExportPage } from '@suite/contracts/orders';
import { OrdersDb } from '@suite/db/orders';
import { CallerIdentity, checkExportFilters, exportPage, Handles, hasAnyRole, InjectDb } from '@suite/platform';
import { isStaff } from '../access';
import { OrderAccess } from '../orders/order-access';
import { OrderScope, orderExport, transactionExport } from './orders-export-queries';

const TEAM_ROLES = ['SELLER', 'LEADER'];

/**
 * Pages of orders exports for analytics' export worker (no HTTP route). The caller is the job's
 * creator and the order access rules apply to them as to GET /orders.
 */
@Controller()
export class OrdersExportsNatsController {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly access: OrderAccess,
  ) {}

  @Handles(OrdersExportPage)
  async page(request: ExportPageRequest, caller: CallerIdentity): Promise<ExportPageResponse> {
    checkExportFilters(request.filters, ORDERS_EXPORT_RULES[request.entityType], request.entityType);
    const scope: OrderScope = isStaff(caller)
      ? { all: true }
      : {
          userId: caller.userId ?? null,
          storeIds: hasAnyRole(caller, TEAM_ROLES) ? (await this.access.teamStores(caller)).storeIds : [],
        };
    const query = request.entityType === 'ORDER' ? orderExport(request.filters, scope) : transactionExport(request.filters, scope);
    return exportPage(this.db, query, request);
  }
}
