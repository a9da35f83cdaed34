import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit, CallerIdentity, hasAnyRole, notFound } from '@suite/platform';

/** Admins see every import job and template; anyone else their own jobs, and may change their own templates only. */
export const { requirePermission } = accessKit<PermissionName>({ errorPrefix: 'ANALYTICS', staffRoles: ADMIN_ROLES });
export const isImportStaff = (caller: CallerIdentity) => hasAnyRole(caller, ADMIN_ROLES);

export const importNotFound = () => notFound('ANALYTICS.IMPORT_NOT_FOUND', 'No such import job.');
export const templateNotFound = (field = 'templateId') =>
  notFound('ANALYTICS.TEMPLATE_NOT_FOUND', 'No such import template.', { errors: [{ field, messages: ['template not found'] }] });
