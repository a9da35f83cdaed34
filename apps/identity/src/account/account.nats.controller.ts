import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
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
import { Caller, CallerIdentity } from '@suite/platform';
import { EmailVerificationService } from './email-verification.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService } from './password-reset.service';
import { ProfileService } from './profile.service';

/** Request bodies as they cross NATS: the gateway adds where the call came from, for the security log. */
class WithClient {
  @IsOptional() @ValidateNested() @Type(() => ClientInfo) client?: ClientInfo;
}
class VerifyEmailRequest extends WithClient {
  @ValidateNested() @Type(() => VerifyEmailDto) body: VerifyEmailDto;
}
class EmailRequest extends WithClient {
  @ValidateNested() @Type(() => EmailDto) body: EmailDto;
}
class ResetPasswordRequest extends WithClient {
  @ValidateNested() @Type(() => ResetPasswordDto) body: ResetPasswordDto;
}
class ChangePasswordRequest extends WithClient {
  @ValidateNested() @Type(() => ChangePasswordDto) body: ChangePasswordDto;
}

@Controller()
export class AccountNatsController {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly reset: PasswordResetService,
    private readonly change: PasswordChangeService,
    private readonly profile: ProfileService,
  ) {}

  @MessagePattern(IdentitySubjects.EmailVerify)
  verifyEmail(@Payload() request: VerifyEmailRequest): Promise<EmailVerifiedView> {
    return this.verification.verify(request.body, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.EmailVerificationResend)
  resendVerification(@Payload() request: EmailRequest): Promise<AcceptedView> {
    return this.verification.resend(request.body);
  }

  @MessagePattern(IdentitySubjects.PasswordForgot)
  forgotPassword(@Payload() request: EmailRequest): Promise<AcceptedView> {
    return this.reset.forgot(request.body, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.PasswordReset)
  resetPassword(@Payload() request: ResetPasswordRequest): Promise<{ passwordReset: true }> {
    return this.reset.reset(request.body, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.PasswordChange)
  changePassword(@Payload() request: ChangePasswordRequest, @Caller() caller: CallerIdentity): Promise<{ passwordChanged: true }> {
    return this.change.change(caller, request.body, request.client ?? {});
  }

  @MessagePattern(IdentitySubjects.ProfileGet)
  getProfile(@Caller() caller: CallerIdentity): Promise<ProfileView> {
    return this.profile.get(caller);
  }

  @MessagePattern(IdentitySubjects.ProfileUpdate)
  updateProfile(@Payload() dto: UpdateProfileDto, @Caller() caller: CallerIdentity): Promise<ProfileView> {
    return this.profile.update(caller, dto);
  }
}
