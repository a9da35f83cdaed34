import { Injectable } from '@nestjs/common';
import { CatalogDb } from '@suite/db/catalog';
import { CallerIdentity, InjectDb, notFound } from '@suite/platform';
import { isStaff } from './access';

/** A Prisma `where` fragment limiting rows with a teamId column to the caller's teams. */
export function teamScope(caller: CallerIdentity): { teamId?: { in: string[] } } {
  return isStaff(caller) ? {} : { teamId: { in: caller.teamIds } };
}

export function canUseTeam(caller: CallerIdentity, teamId: string): boolean {
  return isStaff(caller) || caller.teamIds.includes(teamId);
}

/**
 * Ownership checks shared by every catalog feature. Another team's store (or one that does not
 * exist) is the same 404: an answer must not reveal that a store exists.
 */
@Injectable()
export class TeamAccess {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  async requireStore(caller: CallerIdentity, storeId: string): Promise<{ id: string; teamId: string }> {
    const store = await this.db.store.findFirst({ where: { id: storeId, ...teamScope(caller) }, select: { id: true, teamId: true } });
    if (!store)
      throw notFound('CATALOG.STORE_NOT_FOUND', 'No such store.', { errors: [{ field: 'storeId', messages: ['store not found'] }] });
    return store;
  }
}
