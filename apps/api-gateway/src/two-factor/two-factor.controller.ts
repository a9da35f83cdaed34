import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ClientInfo,
  DisableTwoFactorDto,
  EnableTwoFactorDto,
  IdentitySubjects,
  TwoFactorBackupCodesView,
  TwoFactorSetupView,
} from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { ClientContext, CurrentCaller } from '../auth/auth.decorators';

/** TOTP two-factor authentication of the signed-in user (not with an API key, not while impersonating). */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/2fa')
export class TwoFactorController {
  constructor(private readonly nats: NatsClient) {}

  @Post('setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start set-up: a new secret for the authenticator app (pending until enabled)' })
  @ApiOkResponse({ type: TwoFactorSetupView })
  setup(@CurrentCaller() caller: CallerIdentity): Promise<TwoFactorSetupView> {
    return this.nats.request(IdentitySubjects.TwoFactorSetup, {}, { caller });
  }

  @Post('enable')
  @HttpCode(200)
  @ApiOperation({ summary: "Turn two-factor on with the app's current code; answers ten backup codes, once" })
  @ApiOkResponse({ type: TwoFactorBackupCodesView })
  enable(
    @Body() body: EnableTwoFactorDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<TwoFactorBackupCodesView> {
    return this.nats.request(IdentitySubjects.TwoFactorEnable, { body, client }, { caller });
  }

  @Post('disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Turn two-factor off with the password and a code (authenticator or backup)' })
  disable(
    @Body() body: DisableTwoFactorDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<{ disabled: true }> {
    return this.nats.request(IdentitySubjects.TwoFactorDisable, { body, client }, { caller });
  }
}
