import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { EmptyRequest } from '@suite/contracts/core';
import {
  AcceptedView,
  ChangePasswordDto,
  EmailDto,
  EmailVerifiedView,
  ProfileView,
  ResetPasswordDto,
  UpdateProfileDto,
  VerifyEmailDto,
} from './account.dto';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class VerifyEmailRequest extends ClientAware {
  @ValidateNested() @Type(() => VerifyEmailDto) body: VerifyEmailDto;
}
export class EmailRequest extends ClientAware {
  @ValidateNested() @Type(() => EmailDto) body: EmailDto;
}
export class ResetPasswordRequest extends ClientAware {
  @ValidateNested() @Type(() => ResetPasswordDto) body: ResetPasswordDto;
}
export class ChangePasswordRequest extends ClientAware {
  @ValidateNested() @Type(() => ChangePasswordDto) body: ChangePasswordDto;
}
export class UpdateProfileRequest {
  @ValidateNested() @Type(() => UpdateProfileDto) body: UpdateProfileDto;
}

export class PasswordResetView {
  @ApiProperty({ enum: [true] }) passwordReset: true;
}

export class PasswordChangedView {
  @ApiProperty({ enum: [true] }) passwordChanged: true;
}

/**
 * Account flows: email verification, password reset and change, the caller's own profile.
 * Full paths: `users/me` is the caller's own profile, beside the admin `users/:userId` routes.
 */
export const EmailVerify = operation({
  subject: IdentitySubjects.EmailVerify,
  request: VerifyEmailRequest,
  response: EmailVerifiedView,
  http: {
    method: 'POST',
    path: 'auth/verify-email',
    public: true,
    body: VerifyEmailDto,
    client: true,
    status: 200,
    summary: 'Verify the email address with the link token, or with the email and the 6-digit code',
  },
});

export const EmailVerificationResend = operation({
  subject: IdentitySubjects.EmailVerificationResend,
  request: EmailRequest,
  response: AcceptedView,
  http: {
    method: 'POST',
    path: 'auth/verify-email/resend',
    public: true,
    body: EmailDto,
    client: true,
    status: 202,
    summary: 'Mail a new verification link and code (same answer whether or not the email has an account)',
  },
});

export const PasswordForgot = operation({
  subject: IdentitySubjects.PasswordForgot,
  request: EmailRequest,
  response: AcceptedView,
  http: {
    method: 'POST',
    path: 'auth/password/forgot',
    public: true,
    body: EmailDto,
    client: true,
    status: 202,
    summary: 'Mail a 6-digit password reset code (same answer whether or not the email has an account)',
  },
});

export const PasswordReset = operation({
  subject: IdentitySubjects.PasswordReset,
  request: ResetPasswordRequest,
  response: PasswordResetView,
  http: {
    method: 'POST',
    path: 'auth/password/reset',
    public: true,
    body: ResetPasswordDto,
    client: true,
    status: 200,
    summary: 'Set a new password with the mailed code; signs out every session',
  },
});

export const PasswordChange = operation({
  subject: IdentitySubjects.PasswordChange,
  request: ChangePasswordRequest,
  response: PasswordChangedView,
  http: {
    method: 'POST',
    path: 'auth/password/change',
    body: ChangePasswordDto,
    client: true,
    status: 200,
    summary: 'Change the password (current one required); signs out every other session',
  },
});

export const ProfileGet = operation({
  subject: IdentitySubjects.ProfileGet,
  request: EmptyRequest,
  response: ProfileView,
  http: { method: 'GET', path: 'users/me', summary: "The caller's profile" },
});

export const ProfileUpdate = operation({
  subject: IdentitySubjects.ProfileUpdate,
  request: UpdateProfileRequest,
  response: ProfileView,
  http: {
    method: 'PATCH',
    path: 'users/me',
    body: UpdateProfileDto,
    summary: 'Update names, username, image, phone number or preferences (null clears a field)',
  },
});

export const AccountOperations = [
  EmailVerify,
  EmailVerificationResend,
  PasswordForgot,
  PasswordReset,
  PasswordChange,
  ProfileGet,
  ProfileUpdate,
];
