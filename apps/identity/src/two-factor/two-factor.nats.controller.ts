import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import {
  ClientInfo,
  DisableTwoFactorDto,
  EnableTwoFactorDto,
  IdentitySubjects,
  TwoFactorBackupCodesView,
  TwoFactorSetupView,
} from '@suite/contracts/identity';
import { Caller, CallerIdentity } from '@suite/platform';
import { TwoFactorSettingsService } from './two-factor-settings.service';

/** Request bodies as they cross NATS: the gateway adds where the call came from, for the security log. */
class WithClient {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
class EnableRequest extends WithClient {
  @ValidateNested() @Type(() => EnableTwoFactorDto) body: EnableTwoFactorDto;
}
class DisableRequest extends WithClient {
  @ValidateNested() @Type(() => DisableTwoFactorDto) body: DisableTwoFactorDto;
}

@Controller()
export class TwoFactorNatsController {
  constructor(private readonly settings: TwoFactorSettingsService) {}

  @MessagePattern(IdentitySubjects.TwoFactorSetup)
  setup(@Caller() caller: CallerIdentity): Promise<TwoFactorSetupView> {
    return this.settings.setup(caller);
  }

  @MessagePattern(IdentitySubjects.TwoFactorEnable)
  enable(@Payload() request: EnableRequest, @Caller() caller: CallerIdentity): Promise<TwoFactorBackupCodesView> {
    return this.settings.enable(caller, request.body, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.TwoFactorDisable)
  disable(@Payload() request: DisableRequest, @Caller() caller: CallerIdentity): Promise<{ disabled: true }> {
    return this.settings.disable(caller, request.body, request.client ?? {});
  }
}
