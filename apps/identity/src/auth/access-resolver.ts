import { Injectable } from '@nestjs/common';
import { IdentityDb } from '@suite/db/identity';
import { CallerIdentity, InjectDb } from '@suite/platform';

/** What a user may do right now: their roles, the union of those roles' permissions, their teams. */
@Injectable()
export class AccessResolver {
  constructor(@InjectDb() private readonly db: IdentityDb) {}

  async forUser(userId: string): Promise<Pick<CallerIdentity, 'roles' | 'permissions' | 'teamIds'>> {
    const [assignments, memberships] = await Promise.all([
      this.db.userRoleAssignment.findMany({
        where: { userId },
        select: { role: { select: { name: true, permissions: { select: { permission: { select: { resource: true, action: true } } } } } } },
      }),
      this.db.teamMember.findMany({ where: { userId }, select: { teamId: true } }),
    ]);
    const permissions = new Set<string>();
    for (const { role } of assignments)
      for (const { permission } of role.permissions) permissions.add(`${permission.resource}:${permission.action}`);
    return {
      roles: assignments.map((a) => a.role.name).sort(),
      permissions: [...permissions].sort(),
      teamIds: memberships.map((m) => m.teamId).sort(),
    };
  }
}
