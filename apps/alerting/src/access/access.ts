import { PermissionName, STAFF_ROLES } from '@suite/contracts/identity';
import { AlertingDb, Prisma } from '@suite/db/alerting';
import { accessKit, CallerIdentity, notFound } from '@suite/platform';

/** Staff (admins, finance, support) see every rule and alert; growers their own devices', team members their team's. */
export const { requireSignedIn, requirePermission, isStaff } = accessKit<PermissionName>({
  errorPrefix: 'ALERTING',
  staffRoles: STAFF_ROLES,
});

export type Tx = Prisma.TransactionClient;
export type Db = AlertingDb | Tx;

/** Rows a caller owns: created by them, or belonging to one of their teams. */
export function ownedScope(caller: CallerIdentity): { OR: object[] } | object {
  if (isStaff(caller)) return {};
  return { OR: [{ createdBy: caller.userId ?? '-' }, { teamId: { in: caller.teamIds } }] };
}

/** Alerts a caller may see: their devices', their teams' and those of rules they own. */
export function alertScope(caller: CallerIdentity): Prisma.AlertWhereInput {
  if (isStaff(caller)) return {};
  const me = caller.userId ?? '-';
  return {
    OR: [
      { ownerUserId: me },
      { teamId: { in: caller.teamIds } },
      { rule: { createdBy: me } },
      { rule: { teamId: { in: caller.teamIds } } },
    ],
  };
}

/** A team the caller names must be theirs (staff name any). */
export function checkTeam(caller: CallerIdentity, teamId: string | null | undefined, code: string): void {
  if (!teamId || isStaff(caller) || caller.teamIds.includes(teamId)) return;
  throw notFound(code, 'No such team.', { errors: [{ field: 'teamId', messages: ['team not found'] }] });
}
