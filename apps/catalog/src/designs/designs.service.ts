import { Injectable } from '@nestjs/common';
import {
  CatalogEvents,
  CreateDesignDto,
  DesignAction,
  DesignApprovedEvent,
  DesignFilter,
  DesignView,
  UpdateDesignDto,
} from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { PermissionName } from '@suite/contracts/identity';
import {
  CallerIdentity,
  conflict,
  enqueueEvent,
  InjectDb,
  invalid,
  isUniqueViolation,
  newestFirstAfter,
  notFound,
  UnitOfWork,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { isStaff, requirePermission, requireSignedIn } from '../access/access';
import { canUseTeam, teamScope } from '../access/team-access';
import { ACTION_TARGET, assertTransition } from './design-workflow';
import { loadDesign, toDesignView } from './design-view';
import { artworkFingerprint } from './fingerprint';

const CONTENT_FIELDS = ['name', 'artworkUrl', 'tags', 'designer', 'version', 'metadata'] as const;
/** Who may move a design to each status: approving and rejecting is a reviewer's decision. */
const ACTION_PERMISSION: Record<DesignAction, PermissionName> = {
  submit: 'designs:update',
  approve: 'designs:execute',
  reject: 'designs:execute',
  archive: 'designs:update',
};

@Injectable()
export class DesignsService {
  constructor(
    @InjectDb() private readonly db: CatalogDb,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async create(caller: CallerIdentity, dto: CreateDesignDto): Promise<DesignView> {
    requirePermission(caller, 'designs:create');
    const sellerId = requireSignedIn(caller);
    if (!canUseTeam(caller, dto.teamId))
      throw notFound('CATALOG.TEAM_NOT_FOUND', 'No such team.', { errors: [{ field: 'teamId', messages: ['not one of your teams'] }] });
    const fingerprint = artworkFingerprint(dto.artworkUrl);
    await this.assertNewArtwork(fingerprint);
    try {
      const design = await this.db.design.create({
        data: {
          teamId: dto.teamId,
          sellerId,
          name: dto.name,
          artworkUrl: dto.artworkUrl.trim(),
          fingerprint,
          tags: dto.tags ?? [],
          designer: dto.designer ?? null,
          version: dto.version ?? 1,
          metadata: (dto.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
        },
      });
      return toDesignView(design);
    } catch (error) {
      if (isUniqueViolation(error)) await this.assertNewArtwork(fingerprint); // lost a race with the same upload
      throw error;
    }
  }

  async list(caller: CallerIdentity, query: PageQuery & DesignFilter): Promise<Page<DesignView>> {
    requirePermission(caller, 'designs:read');
    const limit = pageLimit(query);
    const where: Prisma.DesignWhereInput = {
      ...teamScope(caller),
      ...(query.status ? { status: query.status } : {}),
      ...newestFirstAfter(query.cursor),
    };
    const rows = await this.db.design.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toDesignView), limit, (r) => timeKeyOf(r.createdAt, r.id));
  }

  async get(caller: CallerIdentity, id: string): Promise<DesignView> {
    requirePermission(caller, 'designs:read');
    return toDesignView(await loadDesign(this.db, caller, id));
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateDesignDto): Promise<DesignView> {
    requirePermission(caller, 'designs:update');
    const design = await loadDesign(this.db, caller, id);
    const content = CONTENT_FIELDS.some((f) => dto[f] !== undefined);
    if (content && design.status !== 'DRAFT')
      throw conflict('CATALOG.DESIGN_NOT_EDITABLE', 'Only a DRAFT design can be edited.', { currentStatus: design.status });
    if (dto.isAutoFulfillmentReady === true && design.status !== 'APPROVED') {
      throw invalid('CATALOG.DESIGN_NOT_APPROVED', 'Only an APPROVED design can be ready for auto-fulfillment.', {
        errors: [{ field: 'isAutoFulfillmentReady', messages: ['the design is not APPROVED'] }],
      });
    }
    const fingerprint = dto.artworkUrl !== undefined ? artworkFingerprint(dto.artworkUrl) : undefined;
    if (fingerprint && fingerprint !== design.fingerprint) await this.assertNewArtwork(fingerprint);
    const data: Prisma.DesignUpdateManyMutationInput = {
      ...(dto.name !== undefined ? { name: dto.name } : {}),
      ...(dto.artworkUrl !== undefined ? { artworkUrl: dto.artworkUrl.trim(), fingerprint } : {}),
      ...(dto.tags !== undefined ? { tags: dto.tags } : {}),
      ...(dto.designer !== undefined ? { designer: dto.designer } : {}),
      ...(dto.version !== undefined ? { version: dto.version } : {}),
      ...(dto.metadata !== undefined ? { metadata: dto.metadata as Prisma.InputJsonValue } : {}),
      ...(dto.isAutoFulfillmentReady !== undefined ? { isAutoFulfillmentReady: dto.isAutoFulfillmentReady } : {}),
    };
    try {
      // Conditional on the status read above: a concurrent submit/approve wins and this edit is refused.
      const { count } = await this.db.design.updateMany({ where: { id, status: design.status }, data });
      if (count === 0) throw conflict('CATALOG.DESIGN_CHANGED', 'The design changed status meanwhile; read it again.');
    } catch (error) {
      if (isUniqueViolation(error) && fingerprint) await this.assertNewArtwork(fingerprint);
      throw error;
    }
    return toDesignView(await loadDesign(this.db, caller, id));
  }

  async transition(caller: CallerIdentity, id: string, action: DesignAction, reason?: string): Promise<DesignView> {
    if (!isStaff(caller)) requirePermission(caller, ACTION_PERMISSION[action]);
    const to = ACTION_TARGET[action];
    const view = await this.uow.run(async (tx) => {
      const design = await loadDesign(tx, caller, id);
      assertTransition(design.status, to);
      const { count } = await tx.design.updateMany({
        where: { id, status: design.status },
        data: {
          status: to,
          ...(action === 'reject' ? { rejectionReason: reason ?? null } : {}),
          ...(action === 'submit' ? { rejectionReason: null } : {}),
          ...(action === 'archive' ? { isAutoFulfillmentReady: false } : {}),
        },
      });
      if (count === 0) assertTransition((await loadDesign(tx, caller, id)).status, to); // someone moved it first
      const updated = toDesignView(await loadDesign(tx, caller, id));
      if (to === 'APPROVED') {
        const event: DesignApprovedEvent = {
          designId: id,
          teamId: updated.teamId,
          fingerprint: updated.fingerprint,
          approvedBy: caller.userId ?? null,
        };
        await enqueueEvent(tx, CatalogEvents.DesignApproved, event);
      }
      return updated;
    });
    return view;
  }

  /** The fingerprint is unique across teams; the 409 names the design already holding it. */
  private async assertNewArtwork(fingerprint: string): Promise<void> {
    const existing = await this.db.design.findUnique({ where: { fingerprint }, select: { id: true } });
    if (existing)
      throw conflict('CATALOG.DUPLICATE_DESIGN', 'This artwork has already been uploaded.', {
        existingDesignId: existing.id,
        errors: [{ field: 'artworkUrl', messages: ['artwork already uploaded'] }],
      });
  }
}
