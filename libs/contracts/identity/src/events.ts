import { IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUUID } from 'class-validator';
import { IdentityEvents } from './subjects';

/** Event payloads of the identity service (see the note in orders' events.ts on versions). */
export class UserRegisteredPayload {
  @IsUUID() userId: string;
  @IsEmail() email: string;
  /** The roles the account starts with (added later: older events carry none), so readers can address role holders. */
  @IsOptional() @IsArray() @IsString({ each: true }) roles?: string[];
}

/** The account's email at the moment it was verified (by link or code). */
export class EmailVerifiedPayload {
  @IsUUID() userId: string;
  @IsEmail() email: string;
}

export class SessionRevokedPayload {
  @IsUUID() sessionId: string;
  @IsUUID() userId: string;
  @IsOptional() @IsString() reason?: string;
}

/**
 * What a user may do changed: their roles, a role they hold, or their teams. Holders of a cached
 * session (the gateway) drop what they know about these users, or about everyone.
 */
export class AccessChangedPayload {
  @IsArray() @IsUUID('all', { each: true }) userIds: string[];
  /** A change that reaches users not listed (a role's permissions, a deleted team). */
  @IsOptional() @IsBoolean() everyone?: boolean;
  @IsString() reason: string;
}

export const UserRegistered = { subject: IdentityEvents.UserRegistered, payload: UserRegisteredPayload, version: 1 } as const;
export const EmailVerified = { subject: IdentityEvents.EmailVerified, payload: EmailVerifiedPayload, version: 1 } as const;
export const SessionRevoked = { subject: IdentityEvents.SessionRevoked, payload: SessionRevokedPayload, version: 1 } as const;
export const AccessChanged = { subject: IdentityEvents.AccessChanged, payload: AccessChangedPayload, version: 1 } as const;
