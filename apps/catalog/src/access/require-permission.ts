import { CallerIdentity, forbidden, hasPermission } from '@suite/platform';

/**
 * The gateway already checks the route's permissions; the catalog checks again because any service
 * on the bus could send the request, and a missing check here would be silent.
 */
export function requirePermission(caller: CallerIdentity, permission: string): void {
  if (!hasPermission(caller, permission)) throw forbidden('AUTH.PERMISSION_DENIED', `Missing permission: ${permission}.`, { missing: [permission] });
}
