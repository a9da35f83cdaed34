import { ADMIN_ROLES, PermissionName } from '@suite/contracts/identity';
import { accessKit } from '@suite/platform';

/** The admins see every grower's devices. */
export const { requireSignedIn, isStaff } = accessKit<PermissionName>({ errorPrefix: 'IOT', staffRoles: ADMIN_ROLES });
