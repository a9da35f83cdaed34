import { Injectable } from '@nestjs/common';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, InjectDb, notFound } from '@suite/platform';
import { Factory } from '../factories/factory-view';
import { isStaff } from './access';

/** Names factoryId, for the requests that carry it as a field. */
export const factoryNotFound = () =>
  notFound('FULFILLMENT.FACTORY_NOT_FOUND', 'No such factory.', { errors: [{ field: 'factoryId', messages: ['factory not found'] }] });

/**
 * Staff see every factory; anyone else (FULFILLER users) only the factories they are linked to
 * (FactoryUser). Another factory's records answer 404, the same as a missing one, so ids cannot be probed.
 */
export function factoryScope(caller: CallerIdentity): Prisma.FactoryWhereInput {
  if (isStaff(caller)) return {};
  return { users: { some: { userId: caller.userId ?? '00000000-0000-0000-0000-000000000000' } } };
}

@Injectable()
export class FactoryAccess {
  constructor(@InjectDb() private readonly db: FulfillmentDb) {}

  /** The factory when the caller may see it; 404 otherwise (whether it exists is not revealed). */
  async visibleFactory(
    caller: CallerIdentity,
    factoryId: string,
    db: Prisma.TransactionClient | FulfillmentDb = this.db,
  ): Promise<Factory> {
    const factory = await db.factory.findFirst({ where: { id: factoryId, ...factoryScope(caller) } });
    if (!factory) throw factoryNotFound();
    return factory;
  }

  /** undefined: every factory; otherwise the only factory ids the caller may see. */
  async visibleFactoryIds(caller: CallerIdentity): Promise<string[] | undefined> {
    if (isStaff(caller)) return undefined;
    if (!caller.userId) return [];
    const links = await this.db.factoryUser.findMany({ where: { userId: caller.userId }, select: { factoryId: true } });
    return links.map((l) => l.factoryId);
  }

  async canSee(caller: CallerIdentity, factoryId: string): Promise<boolean> {
    const visible = await this.visibleFactoryIds(caller);
    return visible === undefined || visible.includes(factoryId);
  }

  /** The factory exists and the caller may use it; 404 naming factoryId otherwise. */
  async requireFactory(caller: CallerIdentity, factoryId: string): Promise<void> {
    await this.visibleFactory(caller, factoryId);
  }
}
