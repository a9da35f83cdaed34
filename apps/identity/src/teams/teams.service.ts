import { Injectable } from '@nestjs/common';
import { AccessChanged, ClientInfo, CreateTeamDto, TeamView, UpdateTeamDto } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import {
  CallerIdentity,
  enqueueEvent,
  InjectDb,
  newestFirstAfter,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
  UnitOfWork,
} from '@suite/platform';
import { AuditLog } from '../audit/audit-log';
import { requirePermission, requireSignedIn } from '../roles/access-checks';
import { isTeamAdmin } from './team-rules';
import { loadTeam, toTeamView } from './team-view';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

@Injectable()
export class TeamsService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  /** The creator is the team's one leader and its first member. */
  async create(caller: CallerIdentity, dto: CreateTeamDto, client: ClientInfo): Promise<TeamView> {
    const userId = requireSignedIn(caller);
    requirePermission(caller, 'teams:create');
    return this.uow.run(async (tx) => {
      const team = await tx.team.create({
        data: { name: dto.name, description: dto.description ?? null, leaderId: userId, members: { create: { userId, isLeader: true } } },
      });
      const view = toTeamView(team);
      await enqueueEvent(tx, AccessChanged, { userIds: [userId], reason: 'team_joined' });
      await this.audit.record(tx, { actor: caller, action: 'team.create', entity: 'Team', entityId: team.id, newValues: view, client });
      return view;
    }, PUBLISH_BEFORE_REPLY);
  }

  /** Teams the caller belongs to; admins see every team. Newest first. */
  async list(caller: CallerIdentity, query: PageQuery): Promise<Page<TeamView>> {
    const userId = requireSignedIn(caller);
    requirePermission(caller, 'teams:read');
    const limit = pageLimit(query);
    const where: Prisma.TeamWhereInput = {
      ...(isTeamAdmin(caller) ? {} : { members: { some: { userId } } }),
      ...newestFirstAfter(query.cursor),
    };
    const rows = await this.db.team.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toTeamView), limit, (t) => timeKeyOf(t.createdAt, t.id));
  }

  async get(caller: CallerIdentity, teamId: string): Promise<TeamView> {
    requireSignedIn(caller);
    requirePermission(caller, 'teams:read');
    return toTeamView(await loadTeam(this.db, caller, teamId, 'view'));
  }

  async update(caller: CallerIdentity, teamId: string, dto: UpdateTeamDto, client: ClientInfo): Promise<TeamView> {
    requireSignedIn(caller);
    requirePermission(caller, 'teams:update');
    return this.db.$transaction(async (tx) => {
      const before = toTeamView(await loadTeam(tx, caller, teamId, 'manage', true));
      const after = toTeamView(
        await tx.team.update({
          where: { id: teamId },
          data: {
            ...(dto.name !== undefined ? { name: dto.name } : {}),
            ...(dto.description !== undefined ? { description: dto.description } : {}),
          },
        }),
      );
      await this.audit.record(tx, {
        actor: caller,
        action: 'team.update',
        entity: 'Team',
        entityId: teamId,
        oldValues: { name: before.name, description: before.description },
        newValues: { name: after.name, description: after.description },
        client,
      });
      return after;
    });
  }

  async remove(caller: CallerIdentity, teamId: string, client: ClientInfo): Promise<{ deleted: true }> {
    requireSignedIn(caller);
    requirePermission(caller, 'teams:delete');
    await this.uow.run(async (tx) => {
      const before = toTeamView(await loadTeam(tx, caller, teamId, 'manage', true));
      const members = await tx.teamMember.findMany({ where: { teamId }, select: { userId: true } });
      await tx.team.delete({ where: { id: teamId } }); // memberships go with it (ON DELETE CASCADE)
      await enqueueEvent(tx, AccessChanged, { userIds: members.map((m) => m.userId), reason: 'team_deleted' });
      await this.audit.record(tx, {
        actor: caller,
        action: 'team.delete',
        entity: 'Team',
        entityId: teamId,
        oldValues: { ...before, memberIds: members.map((m) => m.userId) },
        client,
      });
    }, PUBLISH_BEFORE_REPLY);
    return { deleted: true };
  }
}
