import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** Where a request came from, added by the gateway (never taken from the client's body). */
export class ClientInfo {
  @IsOptional() @IsString() @MaxLength(64) ipAddress?: string;
  @IsOptional() @IsString() @MaxLength(512) userAgent?: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'grower@example.com' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ description: '10 to 128 characters with lower and upper case letters, a digit and a symbol' })
  @IsString()
  @MaxLength(128)
  password: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) firstName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) lastName?: string;

  @ApiPropertyOptional({ example: 'mushroom_maria' })
  @IsOptional()
  @Matches(/^[a-zA-Z0-9_.-]{3,40}$/, { message: 'username must be 3 to 40 letters, digits, dots, dashes or underscores' })
  username?: string;
}

export class LoginDto {
  @ApiProperty() @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MaxLength(128) password: string;

  @ApiPropertyOptional({ description: 'TOTP or backup code, when two-factor authentication is on' })
  @IsOptional()
  @IsString()
  @Length(6, 9)
  twoFactorCode?: string;
}

export class RefreshDto {
  @ApiProperty() @IsString() @MaxLength(200) refreshToken: string;
}

export class TokenPair {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ description: 'Lifetime of the access token in seconds' }) expiresIn: number;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true }) username: string | null;
  @ApiPropertyOptional({ nullable: true }) firstName: string | null;
  @ApiPropertyOptional({ nullable: true }) lastName: string | null;
  @ApiProperty() role: string;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() twoFactorEnabled: boolean;
  @ApiProperty() createdAt: string;
}

export class MeView {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty({ type: [String] }) teamIds: string[];
  @ApiPropertyOptional({ description: 'Set while an admin acts as this user' }) impersonatorId?: string;
}

/** Claims of the access token. `sid` names the session so revocation takes effect at once. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  /** RFC 8693 actor: the admin really acting during impersonation */
  act?: { sub: string };
}
