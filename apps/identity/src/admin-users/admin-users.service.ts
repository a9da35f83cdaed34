import { Injectable } from '@nestjs/common';
import { AccessChanged, AdminUserView, ClientInfo, IdentityEvents, UserListFilter } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import {
  CallerIdentity,
  conflict,
  enqueueEvent,
  forbidden,
  InjectDb,
  newestFirstAfter,
  notFound,
  UnitOfWork,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
} from '@suite/platform';
import { AuditLog } from '../audit/audit-log';
import { isSuperAdmin, requirePermission } from '../roles/access-checks';
import { ADMIN_USER_SELECT, toAdminUserView } from './admin-user-view';
import { grantRefusal, primaryRoleOf, roleChange, unknownRoles } from './role-grants';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

type Tx = Prisma.TransactionClient;
const userNotFound = () => notFound('IDENTITY.USER_NOT_FOUND', 'No such user.');

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async list(caller: CallerIdentity, query: UserListFilter & PageQuery): Promise<Page<AdminUserView>> {
    requirePermission(caller, 'users:read');
    const limit = pageLimit(query);
    const where: Prisma.UserWhereInput = {
      ...(query.email ? { email: { contains: query.email.trim().toLowerCase(), mode: 'insensitive' } } : {}),
      ...(query.role ? { roleAssignments: { some: { role: { name: query.role } } } } : {}),
      ...(query.isActive !== undefined ? { isActive: query.isActive } : {}),
      ...newestFirstAfter(query.cursor),
    };
    const rows = await this.db.user.findMany({
      where,
      select: ADMIN_USER_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    return toPage(rows.map(toAdminUserView), limit, (u) => timeKeyOf(u.createdAt, u.id));
  }

  async get(caller: CallerIdentity, userId: string): Promise<AdminUserView> {
    requirePermission(caller, 'users:read');
    const user = await this.db.user.findUnique({ where: { id: userId }, select: ADMIN_USER_SELECT });
    if (!user) throw userNotFound();
    return toAdminUserView(user);
  }

  /**
   * Replaces the user's roles. Nothing is revoked: AccessChanged tells the gateway to drop what it
   * cached about the user, so the new set applies from their next request.
   */
  async setRoles(caller: CallerIdentity, userId: string, roles: string[], client: ClientInfo): Promise<AdminUserView> {
    requirePermission(caller, 'users:update', 'roles:read');
    return this.uow.run(async (tx) => {
      const before = await this.lockedUser(tx, userId);
      const known = await tx.role.findMany({
        where: { name: { in: roles } },
        select: { id: true, name: true, permissions: { select: { permission: { select: { resource: true, action: true } } } } },
      });
      const unknown = unknownRoles(
        roles,
        known.map((r) => r.name),
      );
      if (unknown) throw unknown;
      const change = roleChange(before.roles, roles);
      const addedPermissions = known
        .filter((r) => change.added.includes(r.name))
        .flatMap((r) => r.permissions.map(({ permission: p }) => `${p.resource}:${p.action}`));
      const refusal = grantRefusal(caller, change, addedPermissions);
      if (refusal) throw refusal;
      if (change.removed.includes('SUPER_ADMIN')) await this.keepOneSuperAdmin(tx, userId);
      await tx.userRoleAssignment.deleteMany({ where: { userId, role: { name: { in: change.removed } } } });
      await tx.userRoleAssignment.createMany({
        data: known
          .filter((r) => change.added.includes(r.name))
          .map((r) => ({ userId, roleId: r.id, assignedById: caller.userId ?? null })),
      });
      const after = await tx.user.update({ where: { id: userId }, data: { role: primaryRoleOf(roles) }, select: ADMIN_USER_SELECT });
      const view = toAdminUserView(after);
      await enqueueEvent(tx, AccessChanged, { userIds: [userId], reason: 'roles_changed' });
      await this.audit.record(tx, {
        actor: caller,
        action: 'user.roles.set',
        entity: 'User',
        entityId: userId,
        oldValues: { roles: before.roles },
        newValues: { roles: view.roles },
        client,
      });
      return view;
    }, PUBLISH_BEFORE_REPLY);
  }

  /** Enables or disables an account; disabling ends every session it has at once. */
  async setActive(caller: CallerIdentity, userId: string, isActive: boolean, client: ClientInfo): Promise<AdminUserView> {
    requirePermission(caller, 'users:update');
    const view = await this.uow.run(async (tx) => {
      const before = await this.lockedUser(tx, userId);
      if (!isActive && userId === caller.userId) throw conflict('IDENTITY.CANNOT_DEACTIVATE_SELF', 'You cannot disable your own account.');
      if (before.roles.includes('SUPER_ADMIN') && !isSuperAdmin(caller))
        throw forbidden('IDENTITY.SUPER_ADMIN_REQUIRED', 'Only a SUPER_ADMIN can enable or disable a SUPER_ADMIN.');
      const after = await tx.user.update({ where: { id: userId }, data: { isActive }, select: ADMIN_USER_SELECT });
      const revoked = isActive ? [] : await this.revokeAllSessions(tx, userId);
      await this.audit.record(tx, {
        actor: caller,
        action: isActive ? 'user.activate' : 'user.deactivate',
        entity: 'User',
        entityId: userId,
        oldValues: { isActive: before.isActive },
        newValues: { isActive, revokedSessions: revoked.length },
        client,
      });
      return toAdminUserView(after);
    }, PUBLISH_BEFORE_REPLY);
    return view;
  }

  /** Locks the user row so concurrent role or status changes of one user apply one after the other. */
  private async lockedUser(tx: Tx, userId: string): Promise<{ isActive: boolean; roles: string[] }> {
    await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { isActive: true, roleAssignments: { select: { role: { select: { name: true } } } } },
    });
    if (!user) throw userNotFound();
    return { isActive: user.isActive, roles: user.roleAssignments.map((a) => a.role.name).sort() };
  }

  /** The platform must keep an active SUPER_ADMIN; the role row lock serialises two admins demoting each other. */
  private async keepOneSuperAdmin(tx: Tx, userId: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM roles WHERE name = 'SUPER_ADMIN' FOR UPDATE`;
    const others = await tx.userRoleAssignment.count({
      where: { role: { name: 'SUPER_ADMIN' }, userId: { not: userId }, user: { isActive: true } },
    });
    if (others === 0) throw conflict('IDENTITY.LAST_SUPER_ADMIN', 'The last active SUPER_ADMIN cannot lose the role.');
  }

  private async revokeAllSessions(tx: Tx, userId: string): Promise<string[]> {
    const sessions = await tx.session.findMany({ where: { userId, status: 'ACTIVE' }, select: { id: true } });
    if (sessions.length === 0) return [];
    await tx.session.updateMany({
      where: { id: { in: sessions.map((s) => s.id) } },
      data: { status: 'REVOKED', revokedAt: new Date(), revokedReason: 'account_disabled' },
    });
    for (const { id } of sessions)
      await enqueueEvent(tx, IdentityEvents.SessionRevoked, { sessionId: id, userId, reason: 'account_disabled' });
    return sessions.map((s) => s.id);
  }
}
