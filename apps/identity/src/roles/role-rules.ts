import { UpdateRoleDto } from '@suite/contracts/identity';
import { AppError, conflict, invalid } from '@suite/platform';

export const systemRoleConflict = (message: string) => conflict('IDENTITY.SYSTEM_ROLE', message);

/** Requested permission names that do not exist, each named, as a 400 on the `permissions` field. */
export function unknownPermissions(requested: string[], known: string[]): AppError | undefined {
  const unknown = requested.filter((p) => !known.includes(p));
  if (unknown.length === 0) return undefined;
  return invalid('IDENTITY.UNKNOWN_PERMISSION', `Unknown permission: ${unknown.join(', ')}.`, {
    errors: [{ field: 'permissions', messages: unknown.map((p) => `unknown permission: ${p}`) }],
  });
}

/**
 * System roles keep their names (User.role and the seeder refer to them by name) and their
 * default permissions (the seeder would silently add removed ones back at the next start, so a
 * removal would not last): only the description changes and permissions are added.
 */
export function systemRoleRefusal(role: { isSystem: boolean; name: string }, dto: UpdateRoleDto, current: string[]): AppError | undefined {
  if (!role.isSystem) return undefined;
  if (dto.name !== undefined && dto.name !== role.name) return systemRoleConflict(`${role.name} is a system role and cannot be renamed.`);
  const removed = dto.permissions ? current.filter((p) => !dto.permissions!.includes(p)) : [];
  if (removed.length > 0)
    return systemRoleConflict(`${role.name} is a system role; permissions can be added but not removed (${removed.join(', ')}).`);
  return undefined;
}

export function permissionDiff(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return { added: after.filter((p) => !before.includes(p)), removed: before.filter((p) => !after.includes(p)) };
}
