import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { TokenPair, UserView } from './auth.dto';

/** Query strings arrive as text: `?isActive=false` must mean false, not a truthy string. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const ROLE_NAME = /^[A-Za-z][A-Za-z0-9_-]{1,49}$/;
const PERMISSION_FORMAT = /^[a-z-]+:[a-z]+$/;

// ---- Audit log ---------------------------------------------------------------------------------

export class AuditLogFilter {
  @ApiPropertyOptional({ description: 'Who acted (the impersonated user during impersonation)' }) @IsOptional() @IsUUID() userId?: string;
  @ApiPropertyOptional({ example: 'role.create' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ example: 'Role' }) @IsOptional() @IsString() @MaxLength(100) entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) entityId?: string;
  @ApiPropertyOptional({ description: 'Inclusive lower bound (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: 'Exclusive upper bound (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class AuditLogView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true }) userId: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The admin really acting, during impersonation' }) impersonatorId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entity: string;
  @ApiPropertyOptional({ nullable: true }) entityId: string | null;
  @ApiPropertyOptional({ nullable: true }) oldValues: unknown;
  @ApiPropertyOptional({ nullable: true }) newValues: unknown;
  @ApiPropertyOptional({ nullable: true }) ipAddress: string | null;
  @ApiPropertyOptional({ nullable: true }) userAgent: string | null;
  @ApiPropertyOptional({ nullable: true }) requestId: string | null;
  @ApiProperty() timestamp: string;
}

/** Gateway -> identity, after a mutating request made under impersonation has been answered. */
export class ImpersonatedRequestRecord {
  @IsIn(['POST', 'PUT', 'PATCH', 'DELETE']) method: string;
  @IsString() @MaxLength(300) route: string;
  @IsInt() @Min(100) @Max(599) status: number;
}

// ---- Teams -------------------------------------------------------------------------------------

export class CreateTeamDto {
  @ApiProperty({ example: 'Shiitake sellers' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

export class AddTeamMemberDto {
  @ApiProperty() @IsUUID() userId: string;
  @ApiPropertyOptional({ description: 'Make this member the leader; the current leader becomes a member' })
  @IsOptional()
  @IsBoolean()
  isLeader?: boolean;
}

export class RemoveTeamMemberQuery {
  @ApiPropertyOptional({ description: 'Required to remove the leader: the member who leads from now on' })
  @IsOptional()
  @IsUUID()
  newLeaderId?: string;
}

export class TeamView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiPropertyOptional({ nullable: true }) leaderId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class TeamMemberView {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true }) firstName: string | null;
  @ApiPropertyOptional({ nullable: true }) lastName: string | null;
  @ApiProperty() isLeader: boolean;
  @ApiProperty() joinedAt: string;
}

// ---- Users (administration) --------------------------------------------------------------------

export class UserListFilter {
  @ApiPropertyOptional({ description: 'Part of the email, any case' }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: 'SELLER', description: 'Users holding this role' }) @IsOptional() @Matches(ROLE_NAME) role?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBoolean) @IsBoolean() isActive?: boolean;
}

export class SetUserRolesDto {
  @ApiProperty({ type: [String], example: ['SELLER'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(ROLE_NAME, { each: true, message: 'each role must be a role name' })
  roles: string[];
}

export class UpdateUserStatusDto {
  @ApiProperty({ description: 'false disables the account and ends all its sessions' }) @IsBoolean() isActive: boolean;
}

export class AdminUserView extends UserView {
  @ApiProperty() isActive: boolean;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiPropertyOptional({ nullable: true }) lastLoginAt: string | null;
}

// ---- Roles and permissions ---------------------------------------------------------------------

export class CreateRoleDto {
  @ApiProperty({ example: 'CHAMBER_AUDITOR' })
  @Matches(ROLE_NAME, { message: 'name must be 2 to 50 letters, digits, dashes or underscores, starting with a letter' })
  name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiProperty({ type: [String], example: ['devices:read'] })
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(PERMISSION_FORMAT, { each: true, message: 'each permission must look like resource:action' })
  permissions: string[];
}

export class UpdateRoleDto {
  @ApiPropertyOptional({ description: 'Custom roles only' })
  @IsOptional()
  @Matches(ROLE_NAME, { message: 'name must be 2 to 50 letters, digits, dashes or underscores, starting with a letter' })
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ type: [String], description: 'The complete new set; system roles may only gain permissions' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(PERMISSION_FORMAT, { each: true, message: 'each permission must look like resource:action' })
  permissions?: string[];
}

export class RoleView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
  @ApiProperty() isSystem: boolean;
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class PermissionView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'orders:read' }) name: string;
  @ApiProperty() resource: string;
  @ApiProperty() action: string;
  @ApiPropertyOptional({ nullable: true }) description: string | null;
}

// ---- Impersonation -----------------------------------------------------------------------------

export class StartImpersonationDto {
  @ApiPropertyOptional({ example: 'Ticket 4711: seller cannot see their orders' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ImpersonationStarted extends TokenPair {
  @ApiProperty() impersonationId: string;
  @ApiProperty() targetUserId: string;
  @ApiProperty() startedAt: string;
}
