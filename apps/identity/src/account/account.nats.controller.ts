import { Controller } from '@nestjs/common';
import { EmptyRequest } from '@suite/contracts/core';
import {
  ChangePasswordRequest,
  EmailRequest,
  EmailVerificationResend,
  EmailVerify,
  PasswordChange,
  PasswordForgot,
  PasswordReset,
  ProfileGet,
  ProfileUpdate,
  ResetPasswordRequest,
  UpdateProfileRequest,
  VerifyEmailRequest,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { EmailVerificationService } from './email-verification.service';
import { PasswordChangeService } from './password-change.service';
import { PasswordResetService } from './password-reset.service';
import { ProfileService } from './profile.service';

@Controller()
export class AccountNatsController {
  constructor(
    private readonly verification: EmailVerificationService,
    private readonly reset: PasswordResetService,
    private readonly change: PasswordChangeService,
    private readonly profile: ProfileService,
  ) {}

  @Handles(EmailVerify)
  verifyEmail(request: VerifyEmailRequest) {
    return this.verification.verify(request.body, request.client ?? {});
  }

  @Handles(EmailVerificationResend)
  resendVerification(request: EmailRequest) {
    return this.verification.resend(request.body);
  }

  @Handles(PasswordForgot)
  forgotPassword(request: EmailRequest) {
    return this.reset.forgot(request.body, request.client ?? {});
  }

  @Handles(PasswordReset)
  resetPassword(request: ResetPasswordRequest) {
    return this.reset.reset(request.body, request.client ?? {});
  }

  @Handles(PasswordChange)
  changePassword(request: ChangePasswordRequest, caller: CallerIdentity) {
    return this.change.change(caller, request.body, request.client ?? {});
  }

  @Handles(ProfileGet)
  getProfile(_: EmptyRequest, caller: CallerIdentity) {
    return this.profile.get(caller);
  }

  @Handles(ProfileUpdate)
  updateProfile(request: UpdateProfileRequest, caller: CallerIdentity) {
    return this.profile.update(caller, request.body);
  }
}
