import { UserView } from '@suite/contracts/identity';

interface UserRow {
  id: string;
  email: string;
  username: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  createdAt: Date;
}

/** The only shape in which a user leaves the service: no hashes, secrets or codes. */
export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    firstName: u.firstName,
    lastName: u.lastName,
    role: u.role,
    emailVerified: u.emailVerified,
    twoFactorEnabled: u.twoFactorEnabled,
    createdAt: u.createdAt.toISOString(),
  };
}

export const USER_VIEW_SELECT = {
  id: true,
  email: true,
  username: true,
  firstName: true,
  lastName: true,
  role: true,
  emailVerified: true,
  twoFactorEnabled: true,
  createdAt: true,
} as const;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
