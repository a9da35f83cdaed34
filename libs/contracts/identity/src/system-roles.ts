import { ALL_PERMISSIONS, PermissionName, PermissionResource, SystemRole } from './permissions';

const all = (...resources: PermissionResource[]): PermissionName[] =>
  ALL_PERMISSIONS.filter((p) => resources.includes(p.split(':')[0] as PermissionResource));
const only = (...names: PermissionName[]): PermissionName[] => names;

/**
 * What each system role may do by default (identity seeds it; tests and frontends read it). Ownership is checked by the owning service on top of
 * this (a SELLER with orders:read sees only their team's stores' orders). Seeded additively:
 * permissions an admin later adds to a system role are kept across restarts.
 */
export const SYSTEM_ROLE_PERMISSIONS: Record<SystemRole, { description: string; permissions: PermissionName[] }> = {
  SUPER_ADMIN: { description: 'Everything, including roles and settings', permissions: ALL_PERMISSIONS },
  ADMIN: {
    description: 'Runs the platform; cannot delete roles or settings',
    permissions: ALL_PERMISSIONS.filter((p) => p !== 'roles:delete' && p !== 'settings:delete'),
  },
  LEADER: {
    description: "Leads a seller team: the team's stores, catalog, designs and orders",
    permissions: [
      ...all('teams', 'stores', 'products', 'categories', 'designs', 'reviews'),
      ...only(
        'users:read',
        'orders:read',
        'orders:update',
        'fulfillments:read',
        'shipments:read',
        'returns:read',
        'reports:read',
        'analytics:read',
        'api-keys:create',
        'api-keys:read',
        'api-keys:delete',
      ),
    ],
  },
  SELLER: {
    description: 'Sells through their team stores',
    permissions: [
      ...only(
        'stores:create',
        'stores:read',
        'stores:update',
        'teams:read',
        'designs:create',
        'designs:read',
        'designs:update',
        'orders:create',
        'orders:read',
        'orders:update',
        'fulfillments:read',
        'shipments:read',
        'returns:create',
        'returns:read',
        'reports:read',
        'analytics:read',
        'api-keys:create',
        'api-keys:read',
        'api-keys:delete',
      ),
      ...all('products', 'reviews'),
    ],
  },
  DESIGNER: {
    description: 'Creates and submits designs',
    permissions: [...all('designs'), ...only('products:read', 'stores:read', 'teams:read')],
  },
  FULFILLER: {
    description: 'Produces and ships orders at a factory',
    permissions: [
      ...all('fulfillments'),
      ...only('orders:read', 'factories:read', 'shipments:create', 'shipments:read', 'shipments:update', 'returns:read', 'returns:update'),
    ],
  },
  FINANCE: {
    description: 'Payments, refunds and reports',
    permissions: [...all('payments', 'reports'), ...only('orders:read', 'customers:read', 'analytics:read')],
  },
  SUPPORT: {
    description: 'Helps customers',
    permissions: [
      ...all('customers', 'returns'),
      ...only('users:read', 'orders:read', 'orders:update', 'shipments:read', 'alerts:read', 'notifications:read'),
    ],
  },
  GROWER: {
    description: 'Runs growing chambers',
    permissions: [
      ...all('devices', 'alerts'),
      ...only('notifications:read', 'reports:read', 'analytics:read', 'api-keys:create', 'api-keys:read', 'api-keys:delete'),
    ],
  },
  BUYER: {
    description: 'Business buyer in the shop',
    permissions: [
      ...all('carts'),
      ...only(
        'products:read',
        'categories:read',
        'reviews:create',
        'reviews:read',
        'orders:create',
        'orders:read',
        'customers:read',
        'customers:update',
      ),
    ],
  },
  USER: {
    description: 'Shop customer',
    permissions: [
      ...all('carts'),
      ...only('products:read', 'categories:read', 'reviews:create', 'reviews:read', 'orders:create', 'orders:read'),
    ],
  },
};
