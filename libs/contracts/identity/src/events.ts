import { IsEmail, IsOptional, IsString, IsUUID } from 'class-validator';
import { IdentityEvents } from './subjects';

/** Event payloads of the identity service (see the note in orders' events.ts on versions). */
export class UserRegisteredPayload {
  @IsUUID() userId: string;
  @IsEmail() email: string;
}

export class SessionRevokedPayload {
  @IsUUID() sessionId: string;
  @IsUUID() userId: string;
  @IsOptional() @IsString() reason?: string;
}

export const UserRegistered = { subject: IdentityEvents.UserRegistered, payload: UserRegisteredPayload, version: 1 } as const;
export const SessionRevoked = { subject: IdentityEvents.SessionRevoked, payload: SessionRevokedPayload, version: 1 } as const;
