import { forbidden, unauthorized } from '../errors/app-error';
import { CallerIdentity, hasPermission } from './caller';

export interface AccessKitOptions {
  /** Prefix of the service's error codes: `ORDERS` answers an anonymous caller with ORDERS.NOT_SIGNED_IN. */
  errorPrefix: string;
  /** Holders see every team's and every user's records; declared in the contracts, next to the roles. */
  staffRoles: readonly string[];
}

export interface AccessKit<P extends string> {
  /** The caller's user id; anonymous callers (and API keys without a user) are 401. */
  requireSignedIn: (caller: CallerIdentity) => string;
  /** 403 AUTH.PERMISSION_DENIED naming every permission the caller lacks. */
  requirePermission: (caller: CallerIdentity, ...permissions: [P, ...P[]]) => void;
  isStaff: (caller: CallerIdentity) => boolean;
}

export function hasAnyRole(caller: CallerIdentity, roles: readonly string[]): boolean {
  return caller.roles.some((r) => roles.includes(r));
}

/**
 * The checks a service makes again although the gateway made them: any service on the bus could send
 * the request, and a check missing here would be silent. Generic because the platform may not import
 * the contracts: each app binds it once to the contracts' PermissionName and staff roles.
 */
export function accessKit<P extends string>(options: AccessKitOptions): AccessKit<P> {
  return {
    requireSignedIn: (caller) => {
      if (!caller.userId) throw unauthorized(`${options.errorPrefix}.NOT_SIGNED_IN`, 'Sign in first.');
      return caller.userId;
    },
    requirePermission: (caller, ...permissions) => {
      const missing = permissions.filter((p) => !hasPermission(caller, p));
      if (missing.length > 0) throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${missing.join(', ')}.`, { missing });
    },
    isStaff: (caller) => hasAnyRole(caller, options.staffRoles),
  };
}
