import { Injectable } from '@nestjs/common';
import { AccessChanged, AddTeamMemberDto, ClientInfo, TeamMemberView } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { CallerIdentity, conflict, enqueueEvent, InjectDb, invalid, notFound, UnitOfWork } from '@suite/platform';
import { AuditLog } from '../audit/audit-log';
import { requirePermission } from '../roles/access-checks';
import { loadTeam, MEMBER_SELECT, toMemberView } from './team-view';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

type Tx = Prisma.TransactionClient;
const memberNotFound = () => notFound('IDENTITY.TEAM_MEMBER_NOT_FOUND', 'This user is not a member of the team.');

/**
 * Memberships and the one-leader rule: every change runs with the team row locked, and handing
 * over the lead demotes the previous leader in the same transaction, so a team never has two.
 */
@Injectable()
export class TeamMembersService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async list(caller: CallerIdentity, teamId: string): Promise<TeamMemberView[]> {
    requirePermission(caller, 'teams:read');
    await loadTeam(this.db, caller, teamId, 'view');
    return this.members(this.db, teamId);
  }

  async add(caller: CallerIdentity, teamId: string, dto: AddTeamMemberDto, client: ClientInfo): Promise<TeamMemberView[]> {
    requirePermission(caller, 'teams:update');
    return this.uow.run(async (tx) => {
      const team = await loadTeam(tx, caller, teamId, 'manage', true);
      if (!(await tx.user.findUnique({ where: { id: dto.userId }, select: { id: true } })))
        throw notFound('IDENTITY.USER_NOT_FOUND', 'No such user.');
      const existing = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: dto.userId } } });
      if (existing && (!dto.isLeader || existing.isLeader))
        throw conflict('IDENTITY.ALREADY_TEAM_MEMBER', 'This user is already a member of the team.', {
          errors: [{ field: 'userId', messages: ['userId is already a member'] }],
        });
      if (!existing) {
        await tx.teamMember.create({ data: { teamId, userId: dto.userId } });
        await enqueueEvent(tx, AccessChanged, { userIds: [dto.userId], reason: 'team_joined' });
      }
      if (dto.isLeader) await this.makeLeader(tx, teamId, dto.userId);
      await this.audit.record(tx, {
        actor: caller,
        action: existing ? 'team.leader.change' : 'team.member.add',
        entity: 'Team',
        entityId: teamId,
        oldValues: dto.isLeader ? { leaderId: team.leaderId } : null,
        newValues: { userId: dto.userId, isLeader: dto.isLeader ?? false, ...(dto.isLeader ? { leaderId: dto.userId } : {}) },
        client,
      });
      return this.members(tx, teamId);
    }, PUBLISH_BEFORE_REPLY);
  }

  /** The leader leaves only by naming a member who leads from now on. */
  async remove(
    caller: CallerIdentity,
    teamId: string,
    userId: string,
    newLeaderId: string | undefined,
    client: ClientInfo,
  ): Promise<TeamMemberView[]> {
    requirePermission(caller, 'teams:update');
    return this.uow.run(async (tx) => {
      await loadTeam(tx, caller, teamId, 'manage', true);
      const member = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } } });
      if (!member) throw memberNotFound();
      if (member.isLeader && !newLeaderId) {
        throw conflict('IDENTITY.TEAM_NEEDS_LEADER', 'The leader cannot be removed without naming the next one (newLeaderId).', {
          errors: [{ field: 'newLeaderId', messages: ['newLeaderId is required to remove the leader'] }],
        });
      }
      if (newLeaderId) {
        const fieldError = (message: string) =>
          invalid('IDENTITY.INVALID_NEW_LEADER', message, { errors: [{ field: 'newLeaderId', messages: [message] }] });
        if (!member.isLeader) throw fieldError('newLeaderId is only accepted when removing the leader');
        if (newLeaderId === userId) throw fieldError('newLeaderId must be another member');
        if (!(await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: newLeaderId } } })))
          throw fieldError('newLeaderId must be a member of the team');
        await this.makeLeader(tx, teamId, newLeaderId);
      }
      await tx.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
      await enqueueEvent(tx, AccessChanged, { userIds: [userId], reason: 'team_left' });
      await this.audit.record(tx, {
        actor: caller,
        action: 'team.member.remove',
        entity: 'Team',
        entityId: teamId,
        oldValues: { userId, isLeader: member.isLeader },
        newValues: newLeaderId ? { leaderId: newLeaderId } : null,
        client,
      });
      return this.members(tx, teamId);
    }, PUBLISH_BEFORE_REPLY);
  }

  private async makeLeader(tx: Tx, teamId: string, userId: string): Promise<void> {
    await tx.teamMember.updateMany({ where: { teamId, isLeader: true, NOT: { userId } }, data: { isLeader: false } });
    await tx.teamMember.update({ where: { teamId_userId: { teamId, userId } }, data: { isLeader: true } });
    await tx.team.update({ where: { id: teamId }, data: { leaderId: userId } });
  }

  private async members(db: Tx, teamId: string): Promise<TeamMemberView[]> {
    const rows = await db.teamMember.findMany({
      where: { teamId },
      select: MEMBER_SELECT,
      orderBy: [{ isLeader: 'desc' }, { joinedAt: 'asc' }],
    });
    return rows.map(toMemberView);
  }
}
