import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { EmptyRequest } from '@suite/contracts/core';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';
import { DisableTwoFactorDto, EnableTwoFactorDto, TwoFactorBackupCodesView, TwoFactorSetupView } from './two-factor-api-keys.dto';

export class EnableTwoFactorRequest extends ClientAware {
  @ValidateNested() @Type(() => EnableTwoFactorDto) body: EnableTwoFactorDto;
}
export class DisableTwoFactorRequest extends ClientAware {
  @ValidateNested() @Type(() => DisableTwoFactorDto) body: DisableTwoFactorDto;
}

export class TwoFactorDisabledView {
  @ApiProperty({ enum: [true] }) disabled: true;
}

/** TOTP two-factor authentication of the signed-in user (not with an API key, not while impersonating). */
export const TwoFactorSetup = operation({
  subject: IdentitySubjects.TwoFactorSetup,
  request: EmptyRequest,
  response: TwoFactorSetupView,
  http: {
    method: 'POST',
    path: 'auth/2fa/setup',
    status: 200,
    summary: 'Start set-up: a new secret for the authenticator app (pending until enabled)',
  },
});

export const TwoFactorEnable = operation({
  subject: IdentitySubjects.TwoFactorEnable,
  request: EnableTwoFactorRequest,
  response: TwoFactorBackupCodesView,
  http: {
    method: 'POST',
    path: 'auth/2fa/enable',
    body: EnableTwoFactorDto,
    client: true,
    status: 200,
    summary: "Turn two-factor on with the app's current code; answers ten backup codes, once",
  },
});

export const TwoFactorDisable = operation({
  subject: IdentitySubjects.TwoFactorDisable,
  request: DisableTwoFactorRequest,
  response: TwoFactorDisabledView,
  http: {
    method: 'POST',
    path: 'auth/2fa/disable',
    body: DisableTwoFactorDto,
    client: true,
    status: 200,
    summary: 'Turn two-factor off with the password and a code (authenticator or backup)',
  },
});

export const TwoFactorOperations = [TwoFactorSetup, TwoFactorEnable, TwoFactorDisable];
