import { Injectable } from '@nestjs/common';
import { AccessChanged, IdentityEvents, ImportUserRowDto } from '@suite/contracts/identity';
import { ImportBatchRequest, ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import { Prisma } from '@suite/db/identity';
import { asBoolean, asList, CallerIdentity, enqueueEvent, failed, problem, runImportBatch, UnitOfWork, validateRow } from '@suite/platform';
import { AuditLog } from '../audit/audit-log';
import { grantRefusal, primaryRoleOf } from '../admin-users/role-grants';
import { requirePermission } from '../roles/access-checks';

type Tx = Prisma.TransactionClient;

/** Which import a batch belongs to: SELLER and BUYER files give every row that role; USER files name roles per row. */
export type PeopleImportKind = 'USER' | 'SELLER' | 'BUYER';

export const USER_IMPORT_FIELDS = ['email', 'firstName', 'lastName', 'username', 'phoneNumber', 'roles', 'isActive'] as const;

interface Checked {
  rowNumber: number;
  email: string;
  dto: ImportUserRowDto;
  roles: string[];
  isActive?: boolean;
}

interface Existing {
  id: string;
  email: string;
  roles: string[];
}

/**
 * People upserted by email (lower-cased, as registration stores it). A new account has no password: its owner
 * sets one through "forgot password", so no password ever travels in a file. Roles are only ever added (an
 * import never takes access away) and under the same rules as PUT /admin/users/:id/roles: only a SUPER_ADMIN
 * grants SUPER_ADMIN, nobody grants permissions they do not hold. isActive applies to new accounts only;
 * disabling an existing one (which ends its sessions) stays a deliberate admin action.
 */
@Injectable()
export class UserImportService {
  constructor(
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly audit: AuditLog,
  ) {}

  async upsert(caller: CallerIdentity, kind: PeopleImportKind, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    requirePermission(caller, 'users:update', 'roles:read');
    return runImportBatch(this.uow, request, {
      check: (rowNumber, values) => check(rowNumber, values, kind),
      keyField: 'email',
      key: (row) => row.email,
      write: (tx, rows) => this.write(tx, caller, rows),
    });
  }

  private async write(tx: Tx, caller: CallerIdentity, rows: Checked[]): Promise<ImportRowResult[]> {
    if (!rows.length) return [];
    const existing = await lockedByEmail(
      tx,
      rows.map((r) => r.email),
    );
    const roleNames = [...new Set(rows.flatMap((r) => r.roles))];
    const roles = new Map(
      (
        await tx.role.findMany({
          where: { name: { in: roleNames } },
          select: { id: true, name: true, permissions: { select: { permission: { select: { resource: true, action: true } } } } },
        })
      ).map((r) => [r.name, { id: r.id, permissions: r.permissions.map(({ permission: p }) => `${p.resource}:${p.action}`) }]),
    );
    const usernames = rows.map((r) => r.dto.username).filter((u): u is string => !!u);
    const takenUsernames = new Map(
      (await tx.user.findMany({ where: { username: { in: usernames } }, select: { username: true, email: true } })).map((u) => [
        u.username!,
        u.email,
      ]),
    );
    const results: ImportRowResult[] = [];
    const changedAccess: string[] = [];
    for (const row of rows) {
      const before = existing.get(row.email);
      const added = row.roles.filter((r) => !before?.roles.includes(r));
      const problems = refusals(caller, row, added, roles, takenUsernames);
      if (problems.length) {
        results.push(failed(row.rowNumber, problems));
        continue;
      }
      const id = before ? await this.update(tx, caller, row, before, added) : await this.create(tx, caller, row);
      if (before && added.length) changedAccess.push(before.id);
      await tx.userRoleAssignment.createMany({
        data: added.map((name) => ({ userId: id, roleId: roles.get(name)!.id, assignedById: caller.userId ?? null })),
      });
      results.push({ rowNumber: row.rowNumber, outcome: before ? 'updated' : 'created', id, problems: [] });
    }
    // The gateway caches what a user may do: it drops the entries of those whose roles grew.
    if (changedAccess.length) await enqueueEvent(tx, AccessChanged, { userIds: changedAccess, reason: 'roles_changed' });
    return results;
  }

  private async create(tx: Tx, caller: CallerIdentity, row: Checked): Promise<string> {
    const { id } = await tx.user.create({
      data: { ...profileOf(row.dto), email: row.email, role: primaryRoleOf(row.roles), isActive: row.isActive ?? true },
      select: { id: true },
    });
    // Announced like a registration, so orders, alerting and analytics learn of the account the same way.
    await enqueueEvent(tx, IdentityEvents.UserRegistered, { userId: id, email: row.email, roles: row.roles });
    await this.audit.record(tx, {
      actor: caller,
      action: 'user.import.create',
      entity: 'User',
      entityId: id,
      newValues: { roles: row.roles },
    });
    return id;
  }

  private async update(tx: Tx, caller: CallerIdentity, row: Checked, before: Existing, added: string[]): Promise<string> {
    const all = [...before.roles, ...added];
    await tx.user.update({ where: { id: before.id }, data: { ...profileOf(row.dto), role: primaryRoleOf(all) } });
    await this.audit.record(tx, {
      actor: caller,
      action: 'user.import.update',
      entity: 'User',
      entityId: before.id,
      oldValues: { roles: before.roles },
      newValues: { roles: all.sort() },
    });
    return before.id;
  }
}

/** The batch's existing accounts, locked so a concurrent role change or import of the same person waits. */
async function lockedByEmail(tx: Tx, emails: string[]): Promise<Map<string, Existing>> {
  await tx.$queryRaw`SELECT id FROM users WHERE email = ANY(${emails}::text[]) ORDER BY id FOR UPDATE`;
  const users = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true, roleAssignments: { select: { role: { select: { name: true } } } } },
  });
  return new Map(users.map((u) => [u.email, { id: u.id, email: u.email, roles: u.roleAssignments.map((a) => a.role.name) }]));
}

/** Only the columns a row carries: an empty cell leaves the stored value alone. */
const profileOf = (dto: ImportUserRowDto) =>
  Object.fromEntries(
    Object.entries({ firstName: dto.firstName, lastName: dto.lastName, username: dto.username, phoneNumber: dto.phoneNumber }).filter(
      ([, v]) => v !== undefined,
    ),
  );

function refusals(
  caller: CallerIdentity,
  row: Checked,
  added: string[],
  roles: Map<string, { id: string; permissions: string[] }>,
  takenUsernames: Map<string, string>,
): ImportRowProblem[] {
  const unknown = row.roles.filter((r) => !roles.has(r));
  if (unknown.length) return [problem('roles', 'CONSTRAINT', 'UNKNOWN_ROLE', `Unknown role: ${unknown.join(', ')}`)];
  const refusal = grantRefusal(
    caller,
    { added, removed: [] },
    added.flatMap((r) => roles.get(r)!.permissions),
  );
  if (refusal) return [problem('roles', 'BUSINESS_RULE', refusal.code.replace(/^IDENTITY\./, ''), refusal.message)];
  const holder = row.dto.username ? takenUsernames.get(row.dto.username) : undefined;
  if (holder && holder !== row.email) return [problem('username', 'CONSTRAINT', 'USERNAME_TAKEN', 'Another account has this username')];
  return [];
}

function check(rowNumber: number, v: Record<string, string>, kind: PeopleImportKind): Checked | ImportRowResult {
  const email = v.email?.trim().toLowerCase();
  const plain = { email, firstName: v.firstName, lastName: v.lastName, username: v.username, phoneNumber: v.phoneNumber };
  const { dto, problems } = validateRow(ImportUserRowDto, plain, ['email']);
  const isActive = asBoolean(v.isActive);
  if (typeof isActive === 'string')
    problems.push(problem('isActive', 'FORMAT', 'NOT_A_BOOLEAN', 'isActive must be a boolean value', { expectedFormat: 'true or false' }));
  if (kind !== 'USER' && v.roles)
    problems.push(problem('roles', 'BUSINESS_RULE', 'ROLES_NOT_ALLOWED', `A ${kind} import gives every row the ${kind} role`));
  if (problems.length) return failed(rowNumber, problems);
  const named = (asList(v.roles) ?? []).map((r) => r.toUpperCase());
  // Every account holds USER (registration gives it); a SELLER or BUYER file adds its own role.
  const roles = [...new Set(['USER', ...(kind === 'USER' ? named : [kind])])].sort();
  return { rowNumber, email: email!, dto, roles, isActive: isActive as boolean | undefined };
}
