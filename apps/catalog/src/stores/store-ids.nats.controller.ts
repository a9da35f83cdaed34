import { Controller } from '@nestjs/common';
import { StoreIdsForTeams, StoreIdsForTeamsRequest, StoreIdsForTeamsResponse } from '@suite/contracts/catalog';
import { CatalogDb } from '@suite/db/catalog';
import { Handles, InjectDb } from '@suite/platform';

/**
 * Called by the orders service only (no HTTP route): the stores of a caller's teams decide which
 * orders a seller sees and into which stores they may import. Only ids, platforms and owning teams leave.
 */
@Controller()
export class StoreIdsNatsController {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  @Handles(StoreIdsForTeams)
  async idsForTeams(request: StoreIdsForTeamsRequest): Promise<StoreIdsForTeamsResponse> {
    if (request.teamIds.length === 0) return { storeIds: [], platforms: {} };
    const stores = await this.db.store.findMany({
      where: { teamId: { in: request.teamIds } },
      select: { id: true, platform: true, teamId: true },
      orderBy: { createdAt: 'asc' },
    });
    return {
      storeIds: stores.map((s) => s.id),
      platforms: Object.fromEntries(stores.map((s) => [s.id, s.platform])),
      teams: Object.fromEntries(stores.map((s) => [s.id, s.teamId])),
    };
  }
}
