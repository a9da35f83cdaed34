import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ALL_PERMISSIONS, PermissionName } from './permissions';

// ----- Two-factor authentication (TOTP) -----

export class TwoFactorSetupView {
  @ApiProperty({
    description: 'For the QR code the authenticator app scans',
    example: 'otpauth://totp/Suite:grower%40example.com?secret=...&issuer=Suite',
  })
  otpauthUri: string;

  @ApiProperty({ description: 'The same secret, base32, for typing it in by hand; shown only here' })
  secret: string;
}

export class EnableTwoFactorDto {
  @ApiProperty({ description: 'The current 6-digit code of the authenticator app', example: '042917' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits shown by the authenticator app' })
  code: string;
}

export class TwoFactorBackupCodesView {
  @ApiProperty({
    type: [String],
    description: 'Ten single-use codes such as ab12-cd34, shown once: keep them somewhere safe',
    example: ['ab12-cd34'],
  })
  backupCodes: string[];
}

export class DisableTwoFactorDto {
  @ApiProperty() @IsString() @MaxLength(128) password: string;

  @ApiProperty({ description: 'A code of the authenticator app or an unused backup code' })
  @IsString()
  @Length(6, 9)
  code: string;
}

// ----- API keys -----

/** `sk_<prefix>_<secret>`: the prefix (8 characters) is what lists show; the secret is 32 random bytes, base64url. */
export const API_KEY_PATTERN = /^sk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** The request header that carries an API key (HTTP headers are case-insensitive; Node lower-cases them). */
export const API_KEY_HEADER = 'x-api-key';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Shopify sync' })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({ description: 'Permissions the key may use; only ones you have yourself', example: ['orders:read', 'products:read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALL_PERMISSIONS.length)
  @IsIn(ALL_PERMISSIONS, { each: true, message: 'each scope must be a permission such as orders:read' })
  scopes: PermissionName[];

  @ApiPropertyOptional({
    description: 'When the key stops working (ISO 8601, in the future); never when absent',
    example: '2027-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class ApiKeyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The characters after sk_, to tell keys apart' }) prefix: string;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Updated at most once a minute' }) lastUsedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The key, sk_<prefix>_<secret>, for the X-API-Key header. Shown only in this answer: store it now' })
  key: string;
}

export class ApiKeyPage {
  @ApiProperty({ type: [ApiKeyView] }) items: ApiKeyView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
