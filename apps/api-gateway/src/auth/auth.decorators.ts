import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { PermissionName } from '@suite/contracts/identity';
import { ANONYMOUS, CallerIdentity } from '@suite/platform';

export { Public } from '@suite/platform';
export const REQUIRED_PERMISSIONS = 'auth:permissions';

/** The permissions (all of them) a route needs; ownership is still checked by the owning service. */
export const RequirePermissions = (...permissions: PermissionName[]) => SetMetadata(REQUIRED_PERMISSIONS, permissions);

/** The authenticated caller (anonymous on public routes), to forward with every NATS request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): CallerIdentity => {
  return context.switchToHttp().getRequest<{ user?: CallerIdentity }>().user ?? ANONYMOUS;
});

/** Where the request came from, for security and audit logs in the services. */
export const ClientContext = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ ip?: string; headers: Record<string, string | undefined> }>();
  return { ipAddress: request.ip, userAgent: request.headers['user-agent']?.slice(0, 512) };
});
