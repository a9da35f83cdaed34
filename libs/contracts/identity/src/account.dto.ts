import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsObject, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { UserView } from './auth.dto';

const SIX_DIGITS = /^\d{6}$/;
const sixDigits = (field: string) => Matches(SIX_DIGITS, { message: `${field} must be 6 digits` });

/**
 * Either the link token or the email and the typed code. The token is only checked when neither
 * email nor code was sent, and email and code are required together as soon as one of them is.
 */
export class VerifyEmailDto {
  @ApiPropertyOptional({ description: 'The token from the verification link (valid 24 hours)' })
  @ValidateIf((o: VerifyEmailDto) => o.email === undefined && o.code === undefined)
  @IsString()
  @Length(20, 200)
  token?: string;

  @ApiPropertyOptional({ example: 'grower@example.com' })
  @ValidateIf((o: VerifyEmailDto) => o.token === undefined || o.email !== undefined || o.code !== undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'The 6-digit code from the verification mail (valid 15 minutes)', example: '042917' })
  @ValidateIf((o: VerifyEmailDto) => o.token === undefined || o.email !== undefined || o.code !== undefined)
  @sixDigits('code')
  code?: string;
}

export class EmailDto {
  @ApiProperty({ example: 'grower@example.com' }) @IsEmail() @MaxLength(254) email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ example: 'grower@example.com' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ description: 'The 6-digit code from the reset mail (valid 15 minutes)' }) @sixDigits('code') code: string;
  @ApiProperty({ description: 'Same policy as at registration' }) @IsString() @MaxLength(128) newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(128) currentPassword: string;
  @ApiProperty({ description: 'Same policy as at registration' }) @IsString() @MaxLength(128) newPassword: string;
}

/** Every field optional; `null` clears one. Email, role and account flags are not changed here. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) firstName?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) lastName?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'mushroom_maria' })
  @IsOptional()
  @Matches(/^[a-zA-Z0-9_.-]{3,40}$/, { message: 'username must be 3 to 40 letters, digits, dots, dashes or underscores' })
  username?: string | null;

  @ApiPropertyOptional({ nullable: true, example: 'https://cdn.example.com/u/42.png' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'imageUrl must be an http(s) URL' })
  @MaxLength(2048)
  imageUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'E.164', example: '+4915112345678' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phoneNumber must be in E.164 form, e.g. +4915112345678' })
  phoneNumber?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'Free-form settings of the client (at most 8 KiB as JSON)',
  })
  @IsOptional()
  @IsObject()
  preferences?: Record<string, unknown> | null;
}

export class ProfileView extends UserView {
  @ApiPropertyOptional({ nullable: true }) imageUrl: string | null;
  @ApiPropertyOptional({ nullable: true }) phoneNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) preferences: Record<string, unknown> | null;
}

export class EmailVerifiedView {
  @ApiProperty({ example: true }) emailVerified: true;
}

/** The answer to requests whose outcome must not tell whether the email has an account. */
export class AcceptedView {
  @ApiProperty({ example: true }) accepted: true;
}
