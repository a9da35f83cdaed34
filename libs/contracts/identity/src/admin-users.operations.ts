import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { AdminUserView, SetUserRolesDto, UpdateUserStatusDto, UserListFilter } from './admin.dto';
import { PageQuery, pageOf } from '@suite/contracts/core';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class UserListQuery extends IntersectionType(UserListFilter, PageQuery) {}
export class AdminUserRef extends ClientAware {
  @IsUUID() userId: string;
}
export class SetUserRolesRequest extends AdminUserRef {
  @ValidateNested() @Type(() => SetUserRolesDto) body: SetUserRolesDto;
}
export class UpdateUserStatusRequest extends AdminUserRef {
  @ValidateNested() @Type(() => UpdateUserStatusDto) body: UpdateUserStatusDto;
}

/**
 * Administration of accounts. A UUID-only `:userId` (validated by identity), because the account
 * routes own `users/me` and `me` must never reach these handlers.
 */
export const AdminUserList = operation({
  subject: IdentitySubjects.AdminUserList,
  request: UserListQuery,
  response: pageOf(AdminUserView),
  permissions: ['users:read'],
  http: {
    method: 'GET',
    path: 'users',
    query: UserListQuery,
    summary: 'Accounts, newest first; filter by part of the email, role and status',
  },
});

export const AdminUserGet = operation({
  subject: IdentitySubjects.AdminUserGet,
  request: AdminUserRef,
  response: AdminUserView,
  permissions: ['users:read'],
  http: { method: 'GET', path: 'users/:userId', summary: 'One account' },
});

export const AdminUserSetRoles = operation({
  subject: IdentitySubjects.AdminUserSetRoles,
  request: SetUserRolesRequest,
  response: AdminUserView,
  permissions: ['users:update', 'roles:read'],
  http: {
    method: 'PUT',
    path: 'users/:userId/roles',
    body: SetUserRolesDto,
    client: true,
    summary: "Replace the user's roles; applies from their next request. Only a SUPER_ADMIN grants or removes SUPER_ADMIN",
  },
});

export const AdminUserUpdate = operation({
  subject: IdentitySubjects.AdminUserUpdate,
  request: UpdateUserStatusRequest,
  response: AdminUserView,
  permissions: ['users:update'],
  http: {
    method: 'PATCH',
    path: 'users/:userId',
    body: UpdateUserStatusDto,
    client: true,
    summary: 'Enable or disable an account; disabling ends all its sessions',
  },
});

export const AdminUserOperations = [AdminUserList, AdminUserGet, AdminUserSetRoles, AdminUserUpdate];
