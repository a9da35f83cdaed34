import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CatalogSubjects, StoreIdsForTeamsRequest, StoreIdsForTeamsResponse } from '@suite/contracts/catalog';
import { CatalogDb } from '@suite/db/catalog';
import { InjectDb } from '@suite/platform';

/**
 * Called by the orders service only (no HTTP route): the stores of a caller's teams decide which
 * orders a seller sees and into which stores they may import. Only ids and platforms leave.
 */
@Controller()
export class StoreIdsNatsController {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  @MessagePattern(CatalogSubjects.StoreIdsForTeams)
  async idsForTeams(@Payload() request: StoreIdsForTeamsRequest): Promise<StoreIdsForTeamsResponse> {
    if (request.teamIds.length === 0) return { storeIds: [], platforms: {} };
    const stores = await this.db.store.findMany({
      where: { teamId: { in: request.teamIds } },
      select: { id: true, platform: true },
      orderBy: { createdAt: 'asc' },
    });
    return { storeIds: stores.map((s) => s.id), platforms: Object.fromEntries(stores.map((s) => [s.id, s.platform])) };
  }
}
