import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit, CallerIdentity, hasAnyRole, notFound } from '@suite/platform';
import type { Prisma } from '@suite/db/analytics';

/** Admins and finance see every report; anyone else the reports of their own teams only. */
export const REPORT_STAFF_ROLES = [...ADMIN_ROLES, 'FINANCE'] as const;

export const { requireSignedIn, requirePermission } = accessKit<PermissionName>({
  errorPrefix: 'ANALYTICS',
  staffRoles: REPORT_STAFF_ROLES,
});
export const isReportStaff = (caller: CallerIdentity) => hasAnyRole(caller, REPORT_STAFF_ROLES);

/** The reports a caller may see: another team's (or a platform-wide one, for a non-staff caller) does not exist for them. */
export function reportScope(caller: CallerIdentity): Prisma.ReportWhereInput {
  return isReportStaff(caller) ? {} : { teamId: { in: caller.teamIds } };
}

/** A report over a team the caller is not in: 404, as if the team's data did not exist. */
export function assertTeamVisible(caller: CallerIdentity, teamId: string | null | undefined): void {
  if (isReportStaff(caller)) return;
  if (!teamId || !caller.teamIds.includes(teamId)) throw notFound('ANALYTICS.TEAM_NOT_FOUND', 'No such team.', { teamId: teamId ?? null });
}

export const reportNotFound = () => notFound('ANALYTICS.REPORT_NOT_FOUND', 'No such report.');
export const executionNotFound = () => notFound('ANALYTICS.EXECUTION_NOT_FOUND', 'No such execution.');
export const subscriptionNotFound = () => notFound('ANALYTICS.SUBSCRIPTION_NOT_FOUND', 'No such subscription.');
