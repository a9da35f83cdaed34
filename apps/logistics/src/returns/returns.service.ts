import { Injectable } from '@nestjs/common';
import { ReturnDetailView, ReturnFilter, ReturnView } from '@suite/contracts/logistics';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import { CallerIdentity, InjectDb, newestFirstAfter, Page, pageLimit, PageQuery, timeKeyOf, toPage } from '@suite/platform';
import { requirePermission } from '../access';
import { returnScope, visibleReturn } from './return-access';
import { RETURN_DETAIL, toReturnDetail, toReturnView } from './return-view';

/** The read side of returns. */
@Injectable()
export class ReturnsService {
  constructor(@InjectDb() private readonly db: LogisticsDb) {}

  async list(caller: CallerIdentity, query: ReturnFilter & PageQuery): Promise<Page<ReturnView>> {
    requirePermission(caller, 'returns:read');
    const limit = pageLimit(query);
    const where: Prisma.ReturnWhereInput = {
      AND: [
        returnScope(caller),
        query.orderId ? { orderId: query.orderId } : {},
        query.status ? { status: query.status } : {},
        newestFirstAfter(query.cursor) ?? {},
      ],
    };
    const rows = await this.db.return.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toReturnView), limit, (r) => timeKeyOf(r.createdAt, r.id));
  }

  async get(caller: CallerIdentity, returnId: string): Promise<ReturnDetailView> {
    requirePermission(caller, 'returns:read');
    await visibleReturn(this.db, caller, returnId);
    return toReturnDetail(await this.db.return.findUniqueOrThrow({ where: { id: returnId }, include: RETURN_DETAIL }));
  }
}
