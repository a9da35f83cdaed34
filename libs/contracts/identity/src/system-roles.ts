import { ALL_PERMISSIONS, PermissionName, PermissionResource, SystemRole } from './permissions';

const all = (...resources: PermissionResource[]): PermissionName[] =>
  ALL_PERMISSIONS.filter((p) => resources.includes(p.split(':')[0] as PermissionResource));
const only = (...names: PermissionName[]): PermissionName[] => names;
/** Every signed-in user reads and marks their own notifications and keeps their preferences and push subscriptions. */
const OWN_NOTIFICATIONS = only('notifications:read', 'notifications:update');
/** Seller teams import and export their own catalog and orders in bulk (scoped to the team by the owner). */
const BULK_DATA = only('imports:create', 'imports:read', 'imports:update', 'exports:create', 'exports:read');

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
      ...OWN_NOTIFICATIONS,
      ...all('teams', 'stores', 'products', 'categories', 'designs', 'reviews', 'alerts'),
      ...only(
        'users:read',
        'orders:read',
        'orders:update',
        'fulfillments:read',
        'shipments:read',
        'returns:read',
        'tickets:create',
        'tickets:read',
        'reports:read',
        'analytics:read',
        'api-keys:create',
        'api-keys:read',
        'api-keys:delete',
        'api-usage:read',
      ),
      ...BULK_DATA,
    ],
  },
  SELLER: {
    description: 'Sells through their team stores',
    permissions: [
      ...OWN_NOTIFICATIONS,
      ...only(
        'stores:create',
        'stores:read',
        'stores:update',
        'teams:read',
        'alerts:create',
        'alerts:read',
        'alerts:update',
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
        'tickets:create',
        'tickets:read',
        'reports:read',
        'analytics:read',
        'api-keys:create',
        'api-keys:read',
        'api-keys:delete',
        'api-usage:read',
      ),
      ...all('products', 'reviews'),
      ...BULK_DATA,
    ],
  },
  DESIGNER: {
    description: 'Creates and submits designs',
    permissions: [...OWN_NOTIFICATIONS, ...all('designs'), ...only('products:read', 'stores:read', 'teams:read')],
  },
  FULFILLER: {
    description: 'Produces and ships orders at a factory',
    permissions: [
      ...OWN_NOTIFICATIONS,
      ...all('fulfillments'),
      ...only('orders:read', 'factories:read', 'shipments:create', 'shipments:read', 'shipments:update', 'returns:read', 'returns:update'),
      ...only('deliveries:create', 'deliveries:read', 'deliveries:update'),
    ],
  },
  FINANCE: {
    description: 'Payments, refunds and reports',
    permissions: [
      ...OWN_NOTIFICATIONS,
      ...all('payments', 'reports'),
      ...only('orders:read', 'customers:read', 'analytics:read', 'exports:create', 'exports:read'),
    ],
  },
  SUPPORT: {
    description: 'Helps customers',
    permissions: [
      ...all('customers', 'returns', 'tickets'),
      ...only('users:read', 'orders:read', 'orders:update', 'shipments:read', 'shipments:update', 'deliveries:read', 'alerts:read'),
      ...OWN_NOTIFICATIONS,
    ],
  },
  GROWER: {
    description: 'Runs growing chambers',
    permissions: [
      ...all('devices', 'alerts'),
      ...OWN_NOTIFICATIONS,
      ...only('reports:read', 'analytics:read', 'api-keys:create', 'api-keys:read', 'api-keys:delete', 'api-usage:read'),
    ],
  },
  BUYER: {
    description: 'Business buyer in the shop',
    permissions: [
      ...OWN_NOTIFICATIONS,
      ...all('carts'),
      ...only(
        'products:read',
        'categories:read',
        'reviews:create',
        'reviews:read',
        'orders:create',
        'orders:read',
        'fulfillments:read',
        'shipments:read',
        'returns:create',
        'returns:read',
        'tickets:create',
        'tickets:read',
        'customers:read',
        'customers:update',
      ),
    ],
  },
  USER: {
    description: 'Shop customer',
    permissions: [
      ...OWN_NOTIFICATIONS,
      ...all('carts'),
      ...only('products:read', 'categories:read', 'reviews:create', 'reviews:read', 'orders:create', 'orders:read', 'fulfillments:read'),
      ...only('shipments:read', 'returns:create', 'returns:read', 'tickets:create', 'tickets:read'),
    ],
  },
};
