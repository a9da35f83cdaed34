import { AdminUserView } from '@suite/contracts/identity';
import { toUserView, USER_VIEW_SELECT } from '../auth/user-view';

/** What an admin sees of an account: the public view plus status and roles; never hashes, secrets or codes. */
export const ADMIN_USER_SELECT = {
  ...USER_VIEW_SELECT,
  isActive: true,
  lastLoginAt: true,
  roleAssignments: { select: { role: { select: { name: true } } } },
} as const;

type AdminUserRow = Parameters<typeof toUserView>[0] & {
  isActive: boolean;
  lastLoginAt: Date | null;
  roleAssignments: { role: { name: string } }[];
};

export function toAdminUserView(u: AdminUserRow): AdminUserView {
  return {
    ...toUserView(u),
    isActive: u.isActive,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roles: u.roleAssignments.map((a) => a.role.name).sort(),
  };
}
