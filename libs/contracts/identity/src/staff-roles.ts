import { SystemRole } from './permissions';

/*
 * Who sees every team's and every user's records where others see only their own. Roles, not
 * permissions: a custom role holding many permissions is not staff. Services bind these to the
 * platform's access kit.
 */

/** Run the platform: every team's stores, designs and products, every grower's devices, identity's admin-only rules. */
export const ADMIN_ROLES = ['SUPER_ADMIN', 'ADMIN'] as const satisfies readonly SystemRole[];

/** Work on every customer's orders, payments and customer records: the admins, finance and support. */
export const STAFF_ROLES = [...ADMIN_ROLES, 'FINANCE', 'SUPPORT'] as const satisfies readonly SystemRole[];
