import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { ImpersonationStarted, StartImpersonationDto } from './admin.dto';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class StartImpersonationRequest extends ClientAware {
  @IsUUID() userId: string;
  @ValidateNested() @Type(() => StartImpersonationDto) body: StartImpersonationDto;
}
/** Ending carries nothing but where the call came from: the impersonation is the caller's own. */
export class EndImpersonationRequest extends ClientAware {}

export class ImpersonationEnded {
  @ApiProperty({ enum: [true] }) ended: true;
  @ApiProperty() impersonationId: string;
}

/** Acting as another user; identity checks the admin roles, the gateway audits every change made meanwhile. */
export const ImpersonationStart = operation({
  subject: IdentitySubjects.ImpersonationStart,
  request: StartImpersonationRequest,
  response: ImpersonationStarted,
  permissions: ['users:execute'],
  http: {
    method: 'POST',
    path: 'admin/impersonate/:userId',
    body: StartImpersonationDto,
    client: true,
    summary: 'ADMIN or SUPER_ADMIN: tokens for a new one-hour session of the user, with you as actor',
  },
});

/** Signed in (with the impersonation token), no permission needed. */
export const ImpersonationEnd = operation({
  subject: IdentitySubjects.ImpersonationEnd,
  request: EndImpersonationRequest,
  response: ImpersonationEnded,
  http: {
    method: 'DELETE',
    path: 'admin/impersonate',
    client: true,
    summary: 'With the impersonation token: end it (the session is revoked)',
  },
});

export const ImpersonationOperations = [ImpersonationStart, ImpersonationEnd];
