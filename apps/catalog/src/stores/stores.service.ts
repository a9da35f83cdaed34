import { Injectable } from '@nestjs/common';
import { CreateStoreDto, StoreFilter, StoreView, UpdateStoreDto } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import {
  CallerIdentity,
  conflict,
  encryptionKey,
  encryptSecret,
  InjectDb,
  isUniqueViolation,
  newestFirstAfter,
  notFound,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { canUseTeam, TeamAccess, teamScope } from '../access/team-access';
import { requirePermission } from '../access/access';
import { CatalogConfig } from '../config';
import { toStoreView } from './store-view';

const duplicate = () =>
  conflict('CATALOG.STORE_DUPLICATE', 'A store with this platform store id is already connected.', {
    errors: [{ field: 'platformStoreId', messages: ['already connected on this platform'] }],
  });

/** A team's stores on the selling platforms; their API credentials are kept encrypted and only ever reported as present or not. */
@Injectable()
export class StoresService {
  private readonly key: Buffer;

  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly access: TeamAccess,
    config: CatalogConfig,
  ) {
    this.key = encryptionKey(config);
  }

  async create(caller: CallerIdentity, dto: CreateStoreDto): Promise<StoreView> {
    requirePermission(caller, 'stores:create');
    // Not the caller's team, or no such team: the same 404, so team ids cannot be probed.
    if (!canUseTeam(caller, dto.teamId))
      throw notFound('CATALOG.TEAM_NOT_FOUND', 'No such team.', { errors: [{ field: 'teamId', messages: ['team not found'] }] });
    try {
      const store = await this.db.store.create({
        data: {
          teamId: dto.teamId,
          name: dto.name,
          platform: dto.platform,
          platformStoreId: dto.platformStoreId ?? null,
          domain: dto.domain ?? null,
          currency: dto.currency,
          apiCredentials: this.seal(dto.credentials),
        },
      });
      return toStoreView(store);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  /** The caller's teams' stores (every store for operators), newest first. */
  async list(caller: CallerIdentity, query: StoreFilter & PageQuery): Promise<Page<StoreView>> {
    requirePermission(caller, 'stores:read');
    const limit = pageLimit(query);
    const where: Prisma.StoreWhereInput = {
      ...teamScope(caller),
      ...(query.platform ? { platform: query.platform } : {}),
      ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
      ...newestFirstAfter(query.cursor),
    };
    const rows = await this.db.store.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toStoreView), limit, (s) => timeKeyOf(s.createdAt, s.id));
  }

  async get(caller: CallerIdentity, storeId: string): Promise<StoreView> {
    requirePermission(caller, 'stores:read');
    await this.access.requireStore(caller, storeId);
    return toStoreView(await this.db.store.findUniqueOrThrow({ where: { id: storeId } }));
  }

  /** Credentials, when given, replace the stored ones as a whole. */
  async update(caller: CallerIdentity, storeId: string, dto: UpdateStoreDto): Promise<StoreView> {
    requirePermission(caller, 'stores:update');
    await this.access.requireStore(caller, storeId);
    // null for a required column means "leave it", like an absent field.
    const data: Prisma.StoreUpdateInput = {
      ...(dto.name != null ? { name: dto.name } : {}),
      ...(dto.platformStoreId !== undefined ? { platformStoreId: dto.platformStoreId } : {}),
      ...(dto.domain !== undefined ? { domain: dto.domain } : {}),
      ...(dto.currency != null ? { currency: dto.currency } : {}),
      ...(dto.credentials !== undefined ? { apiCredentials: this.seal(dto.credentials) } : {}),
      ...(dto.isActive != null ? { isActive: dto.isActive } : {}),
    };
    try {
      return toStoreView(await this.db.store.update({ where: { id: storeId }, data }));
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  /** Deactivates rather than deletes: the store's products (and the orders that name them) keep their store. */
  async deactivate(caller: CallerIdentity, storeId: string): Promise<StoreView> {
    requirePermission(caller, 'stores:update');
    await this.access.requireStore(caller, storeId);
    return toStoreView(await this.db.store.update({ where: { id: storeId }, data: { isActive: false } }));
  }

  private seal(credentials: Record<string, string> | null | undefined): string | null {
    return credentials ? encryptSecret(JSON.stringify(credentials), this.key) : null;
  }
}
