import { Controller } from '@nestjs/common';
import { EmptyRequest } from '@suite/contracts/core';
import {
  DisableTwoFactorRequest,
  EnableTwoFactorRequest,
  TwoFactorDisable,
  TwoFactorEnable,
  TwoFactorSetup,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { TwoFactorSettingsService } from './two-factor-settings.service';

@Controller()
export class TwoFactorNatsController {
  constructor(private readonly settings: TwoFactorSettingsService) {}

  @Handles(TwoFactorSetup)
  setup(_: EmptyRequest, caller: CallerIdentity) {
    return this.settings.setup(caller);
  }

  @Handles(TwoFactorEnable)
  enable(request: EnableTwoFactorRequest, caller: CallerIdentity) {
    return this.settings.enable(caller, request.body, request.client ?? {});
  }

  @Handles(TwoFactorDisable)
  disable(request: DisableTwoFactorRequest, caller: CallerIdentity) {
    return this.settings.disable(caller, request.body, request.client ?? {});
  }
}
