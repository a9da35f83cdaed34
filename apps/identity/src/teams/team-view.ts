import { TeamMemberView, TeamView } from '@suite/contracts/identity';
import { Prisma } from '@suite/db/identity';
import { CallerIdentity } from '@suite/platform';
import { assertCanManage, assertCanView, teamNotFound } from './team-rules';

type Tx = Prisma.TransactionClient;

interface TeamRow {
  id: string;
  name: string;
  description: string | null;
  leaderId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const toTeamView = (t: TeamRow): TeamView => ({
  id: t.id,
  name: t.name,
  description: t.description,
  leaderId: t.leaderId,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export const MEMBER_SELECT = {
  userId: true,
  isLeader: true,
  joinedAt: true,
  user: { select: { email: true, firstName: true, lastName: true } },
} as const;

interface MemberRow {
  userId: string;
  isLeader: boolean;
  joinedAt: Date;
  user: { email: string; firstName: string | null; lastName: string | null };
}

export const toMemberView = (m: MemberRow): TeamMemberView => ({
  userId: m.userId,
  email: m.user.email,
  firstName: m.user.firstName,
  lastName: m.user.lastName,
  isLeader: m.isLeader,
  joinedAt: m.joinedAt.toISOString(),
});

/**
 * The team as the caller may see or change it. With `lock`, the team row is locked until the
 * transaction ends, so concurrent membership changes of one team run one after the other and the
 * one-leader rule cannot be raced.
 */
export async function loadTeam(tx: Tx, caller: CallerIdentity, teamId: string, need: 'view' | 'manage', lock = false): Promise<TeamRow> {
  if (lock) await tx.$queryRaw`SELECT id FROM teams WHERE id = ${teamId}::uuid FOR UPDATE`;
  const team = await tx.team.findUnique({ where: { id: teamId } });
  const membership =
    team && caller.userId
      ? await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: caller.userId } }, select: { isLeader: true } })
      : null;
  if (!team) throw teamNotFound();
  if (need === 'manage') assertCanManage(caller, membership);
  else assertCanView(caller, membership);
  return team;
}
