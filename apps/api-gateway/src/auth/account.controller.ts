import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptedView,
  ChangePasswordDto,
  ClientInfo,
  EmailDto,
  EmailVerifiedView,
  IdentitySubjects,
  ProfileView,
  ResetPasswordDto,
  UpdateProfileDto,
  VerifyEmailDto,
} from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { ClientContext, CurrentCaller, Public } from './auth.decorators';

/**
 * Account flows: email verification, password reset and change, the caller's own profile.
 * Explicit full paths (no controller prefix): `users/me` must not fall under an admin `users` controller.
 */
@ApiTags('account')
@Controller()
export class AccountController {
  constructor(private readonly nats: NatsClient) {}

  @Post('auth/verify-email')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the email address with the link token, or with the email and the 6-digit code' })
  @ApiOkResponse({ type: EmailVerifiedView })
  verifyEmail(@Body() body: VerifyEmailDto, @ClientContext() client: ClientInfo): Promise<EmailVerifiedView> {
    return this.nats.request(IdentitySubjects.EmailVerify, { body, client });
  }

  @Post('auth/verify-email/resend')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a new verification link and code (same answer whether or not the email has an account)' })
  @ApiAcceptedResponse({ type: AcceptedView })
  resendVerification(@Body() body: EmailDto, @ClientContext() client: ClientInfo): Promise<AcceptedView> {
    return this.nats.request(IdentitySubjects.EmailVerificationResend, { body, client });
  }

  @Post('auth/password/forgot')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a 6-digit password reset code (same answer whether or not the email has an account)' })
  @ApiAcceptedResponse({ type: AcceptedView })
  forgotPassword(@Body() body: EmailDto, @ClientContext() client: ClientInfo): Promise<AcceptedView> {
    return this.nats.request(IdentitySubjects.PasswordForgot, { body, client });
  }

  @Post('auth/password/reset')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the mailed code; signs out every session' })
  resetPassword(@Body() body: ResetPasswordDto, @ClientContext() client: ClientInfo): Promise<{ passwordReset: true }> {
    return this.nats.request(IdentitySubjects.PasswordReset, { body, client });
  }

  @Post('auth/password/change')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the password (current one required); signs out every other session' })
  changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<{ passwordChanged: true }> {
    return this.nats.request(IdentitySubjects.PasswordChange, { body, client }, { caller });
  }

  @Get('users/me')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caller's profile" })
  @ApiOkResponse({ type: ProfileView })
  profile(@CurrentCaller() caller: CallerIdentity): Promise<ProfileView> {
    return this.nats.request(IdentitySubjects.ProfileGet, {}, { caller });
  }

  @Patch('users/me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Update names, username, image, phone number or preferences (null clears a field)' })
  @ApiOkResponse({ type: ProfileView })
  updateProfile(@Body() dto: UpdateProfileDto, @CurrentCaller() caller: CallerIdentity): Promise<ProfileView> {
    return this.nats.request(IdentitySubjects.ProfileUpdate, dto, { caller });
  }
}
