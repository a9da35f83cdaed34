import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, EmptyRequest } from '@suite/contracts/core';
import { CreateRoleDto, PermissionView, RoleView, UpdateRoleDto } from './admin.dto';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class RoleRef extends ClientAware {
  @IsUUID() roleId: string;
}
export class CreateRoleRequest extends ClientAware {
  @ValidateNested() @Type(() => CreateRoleDto) body: CreateRoleDto;
}
export class UpdateRoleRequest extends RoleRef {
  @ValidateNested() @Type(() => UpdateRoleDto) body: UpdateRoleDto;
}

export const RoleList = operation({
  subject: IdentitySubjects.RoleList,
  request: EmptyRequest,
  response: [RoleView],
  permissions: ['roles:read'],
  http: { method: 'GET', path: 'roles', summary: 'Roles with their permissions' },
});

export const RoleCreate = operation({
  subject: IdentitySubjects.RoleCreate,
  request: CreateRoleRequest,
  response: RoleView,
  permissions: ['roles:create'],
  http: {
    method: 'POST',
    path: 'roles',
    body: CreateRoleDto,
    client: true,
    summary: 'Create a custom role from permissions the caller holds',
  },
});

export const RoleUpdate = operation({
  subject: IdentitySubjects.RoleUpdate,
  request: UpdateRoleRequest,
  response: RoleView,
  permissions: ['roles:update'],
  http: {
    method: 'PATCH',
    path: 'roles/:roleId',
    body: UpdateRoleDto,
    client: true,
    summary: 'Change a role; system roles keep their name and may only gain permissions',
  },
});

export const RoleDelete = operation({
  subject: IdentitySubjects.RoleDelete,
  request: RoleRef,
  response: DeletedView,
  permissions: ['roles:delete'],
  http: { method: 'DELETE', path: 'roles/:roleId', client: true, summary: 'Delete a custom role (system roles: 409 IDENTITY.SYSTEM_ROLE)' },
});

export const PermissionList = operation({
  subject: IdentitySubjects.PermissionList,
  request: EmptyRequest,
  response: [PermissionView],
  permissions: ['permissions:read'],
  http: { method: 'GET', path: 'permissions', summary: 'Every permission a role can hold' },
});

/** Roles and the permissions they are made of (tag `roles`). */
export const RoleOperations = [RoleList, RoleCreate, RoleUpdate, RoleDelete, PermissionList];
