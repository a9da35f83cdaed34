/**
 * The permission catalog: resource x action, covering every service. The gateway names the
 * permission a route needs (`orders:read`); identity decides who has it. Includes every value of
 * the documents' PermissionResource (USER, ROLE, PERMISSION, STORE, ...) and PermissionAction enums.
 */
export const PERMISSION_RESOURCES = [
  'users',
  'roles',
  'permissions',
  'teams',
  'api-keys',
  'audit-logs',
  'settings',
  'stores',
  'products',
  'categories',
  'designs',
  'reviews',
  'customers',
  'carts',
  'orders',
  'payments',
  'factories',
  'fulfillments',
  'shipments',
  'returns',
  'tickets',
  'deliveries',
  'devices',
  'alerts',
  'notifications',
  'reports',
  'analytics',
  'imports',
  'exports',
  'api-usage',
] as const;
export const PERMISSION_ACTIONS = ['create', 'read', 'update', 'delete', 'execute'] as const;

export type PermissionResource = (typeof PERMISSION_RESOURCES)[number];
export type PermissionAction = (typeof PERMISSION_ACTIONS)[number];
export type PermissionName = `${PermissionResource}:${PermissionAction}`;

export const permission = (resource: PermissionResource, action: PermissionAction): PermissionName => `${resource}:${action}`;

export const ALL_PERMISSIONS: PermissionName[] = PERMISSION_RESOURCES.flatMap((r) => PERMISSION_ACTIONS.map((a) => permission(r, a)));

export function isPermissionName(value: string): value is PermissionName {
  return (ALL_PERMISSIONS as string[]).includes(value);
}

/** The system roles: the union of both documents' UserRole enums. Seeded, never deleted. */
export const SYSTEM_ROLES = [
  'SUPER_ADMIN',
  'ADMIN',
  'LEADER',
  'SELLER',
  'DESIGNER',
  'FULFILLER',
  'FINANCE',
  'SUPPORT',
  'GROWER',
  'BUYER',
  'USER',
] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];
