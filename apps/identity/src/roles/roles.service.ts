import { Injectable } from '@nestjs/common';
import { AccessChanged, ClientInfo, CreateRoleDto, PermissionView, RoleView, UpdateRoleDto } from '@suite/contracts/identity';
import { IdentityDb, Prisma } from '@suite/db/identity';
import { CallerIdentity, conflict, enqueueEvent, forbidden, InjectDb, isUniqueViolation, notFound, UnitOfWork } from '@suite/platform';
import { AuditLog } from '../audit/audit-log';
import { permissionsBeyond, requirePermission } from './access-checks';
import { permissionDiff, systemRoleConflict, systemRoleRefusal, unknownPermissions } from './role-rules';
import { PUBLISH_BEFORE_REPLY } from '../rbac/publish-before-reply';

type Tx = Prisma.TransactionClient;
const ROLE_INCLUDE = { permissions: { select: { permission: { select: { resource: true, action: true } } } } } as const;
type RoleRow = Prisma.RoleGetPayload<{ include: typeof ROLE_INCLUDE }>;

const toRoleView = (r: RoleRow): RoleView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  isSystem: r.isSystem,
  permissions: r.permissions.map(({ permission: p }) => `${p.resource}:${p.action}`).sort(),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
const audited = (v: RoleView) => ({ name: v.name, description: v.description, permissions: v.permissions });
const roleNotFound = () => notFound('IDENTITY.ROLE_NOT_FOUND', 'No such role.');

@Injectable()
export class RolesService {
  constructor(
    @InjectDb() private readonly db: IdentityDb,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
  ) {}

  async list(caller: CallerIdentity): Promise<RoleView[]> {
    requirePermission(caller, 'roles:read');
    const roles = await this.db.role.findMany({ include: ROLE_INCLUDE, orderBy: [{ isSystem: 'desc' }, { name: 'asc' }] });
    return roles.map(toRoleView);
  }

  async permissions(caller: CallerIdentity): Promise<PermissionView[]> {
    requirePermission(caller, 'permissions:read');
    const rows = await this.db.permission.findMany({ orderBy: [{ resource: 'asc' }, { action: 'asc' }] });
    return rows.map((p) => ({
      id: p.id,
      name: `${p.resource}:${p.action}`,
      resource: p.resource,
      action: p.action,
      description: p.description,
    }));
  }

  async create(caller: CallerIdentity, dto: CreateRoleDto, client: ClientInfo): Promise<RoleView> {
    requirePermission(caller, 'roles:create');
    try {
      return await this.db.$transaction(async (tx) => {
        const ids = await this.grantable(tx, caller, dto.permissions, dto.permissions);
        const role = await tx.role.create({
          data: {
            name: dto.name,
            description: dto.description ?? null,
            isSystem: false,
            permissions: { create: ids.map((permissionId) => ({ permissionId })) },
          },
          include: ROLE_INCLUDE,
        });
        const view = toRoleView(role);
        await this.audit.record(tx, {
          actor: caller,
          action: 'role.create',
          entity: 'Role',
          entityId: role.id,
          newValues: audited(view),
          client,
        });
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.nameTaken();
      throw error;
    }
  }

  async update(caller: CallerIdentity, roleId: string, dto: UpdateRoleDto, client: ClientInfo): Promise<RoleView> {
    requirePermission(caller, 'roles:update');
    try {
      return await this.uow.run(async (tx) => {
        const before = toRoleView(await this.locked(tx, roleId));
        const refusal = systemRoleRefusal(before, dto, before.permissions);
        if (refusal) throw refusal;
        const { added, removed } = permissionDiff(before.permissions, dto.permissions ?? before.permissions);
        const addedIds = await this.grantable(tx, caller, dto.permissions ?? [], added);
        if (removed.length > 0)
          await tx.rolePermission.deleteMany({
            where: { roleId, permission: { OR: removed.map((p) => ({ resource: p.split(':')[0], action: p.split(':')[1] })) } },
          });
        const role = await tx.role.update({
          where: { id: roleId },
          data: {
            ...(dto.name !== undefined ? { name: dto.name } : {}),
            ...(dto.description !== undefined ? { description: dto.description } : {}),
            permissions: { create: addedIds.map((permissionId) => ({ permissionId })) },
          },
          include: ROLE_INCLUDE,
        });
        const after = toRoleView(role);
        // Every holder's permissions (or role name) changed; which users hold it is not worth a query.
        await enqueueEvent(tx, AccessChanged, { userIds: [], everyone: true, reason: 'role_changed' });
        await this.audit.record(tx, {
          actor: caller,
          action: 'role.update',
          entity: 'Role',
          entityId: roleId,
          oldValues: audited(before),
          newValues: audited(after),
          client,
        });
        return after;
      }, PUBLISH_BEFORE_REPLY);
    } catch (error) {
      if (isUniqueViolation(error)) throw this.nameTaken();
      throw error;
    }
  }

  /** Custom roles only; their assignments go with them (ON DELETE CASCADE) and are counted in the audit row. */
  async remove(caller: CallerIdentity, roleId: string, client: ClientInfo): Promise<{ deleted: true }> {
    requirePermission(caller, 'roles:delete');
    await this.uow.run(async (tx) => {
      const before = toRoleView(await this.locked(tx, roleId));
      if (before.isSystem) throw systemRoleConflict(`${before.name} is a system role and cannot be deleted.`);
      const assignedUsers = await tx.userRoleAssignment.count({ where: { roleId } });
      await tx.role.delete({ where: { id: roleId } });
      if (assignedUsers > 0) await enqueueEvent(tx, AccessChanged, { userIds: [], everyone: true, reason: 'role_deleted' });
      await this.audit.record(tx, {
        actor: caller,
        action: 'role.delete',
        entity: 'Role',
        entityId: roleId,
        oldValues: { ...audited(before), assignedUsers },
        client,
      });
    }, PUBLISH_BEFORE_REPLY);
    return { deleted: true };
  }

  private async locked(tx: Tx, roleId: string): Promise<RoleRow> {
    await tx.$queryRaw`SELECT id FROM roles WHERE id = ${roleId}::uuid FOR UPDATE`;
    const role = await tx.role.findUnique({ where: { id: roleId }, include: ROLE_INCLUDE });
    if (!role) throw roleNotFound();
    return role;
  }

  /**
   * Ids of `granted` after checking that every requested name exists (400 naming the unknown ones)
   * and that the caller holds each newly granted permission (403): a role can't be a way to more rights.
   */
  private async grantable(tx: Tx, caller: CallerIdentity, requested: string[], granted: string[]): Promise<string[]> {
    const rows = await tx.permission.findMany({ select: { id: true, resource: true, action: true } });
    const byName = new Map(rows.map((p) => [`${p.resource}:${p.action}`, p.id]));
    const unknown = unknownPermissions(requested, [...byName.keys()]);
    if (unknown) throw unknown;
    const beyond = permissionsBeyond(caller, granted);
    if (beyond.length > 0)
      throw forbidden('IDENTITY.PERMISSION_ESCALATION', `You cannot grant permissions you do not have: ${beyond.join(', ')}.`, {
        permissions: beyond,
      });
    return granted.map((p) => byName.get(p)!);
  }

  private nameTaken() {
    return conflict('IDENTITY.ROLE_NAME_TAKEN', 'A role with this name already exists.', {
      errors: [{ field: 'name', messages: ['name is already taken'] }],
    });
  }
}
