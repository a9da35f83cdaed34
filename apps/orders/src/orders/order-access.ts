import { Injectable } from '@nestjs/common';
import { StoreIdsForTeams, StoreIdsForTeamsResponse } from '@suite/contracts/catalog';
import { Prisma } from '@suite/db/orders';
import { CallerIdentity, hasAnyRole, NatsClient } from '@suite/platform';
import { isStaff } from '../access';

/** Sellers see their teams' stores' orders (the stores are catalog's, asked over NATS). */
const TEAM_ROLES = ['SELLER', 'LEADER'];

/** Who sees which orders. Orders outside a caller's scope are answered 404, never 403. */
@Injectable()
export class OrderAccess {
  constructor(private readonly nats: NatsClient) {}

  async teamStores(caller: CallerIdentity): Promise<StoreIdsForTeamsResponse> {
    if (caller.teamIds.length === 0) return { storeIds: [], platforms: {} };
    return this.nats.call(StoreIdsForTeams, { teamIds: caller.teamIds }, { caller });
  }

  /** A `where` fragment: everything for staff; own orders plus, for sellers, their teams' stores' orders. */
  async scope(caller: CallerIdentity): Promise<Prisma.OrderWhereInput> {
    if (isStaff(caller)) return {};
    const visible: Prisma.OrderWhereInput[] = caller.userId ? [{ userId: caller.userId }] : [];
    if (hasAnyRole(caller, TEAM_ROLES)) {
      const { storeIds } = await this.teamStores(caller);
      if (storeIds.length > 0) visible.push({ storeId: { in: storeIds } });
    }
    return visible.length > 0 ? { OR: visible } : { id: { in: [] } };
  }
}
