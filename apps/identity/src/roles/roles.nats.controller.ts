import { Controller } from '@nestjs/common';
import {
  CreateRoleRequest,
  PermissionList,
  RoleCreate,
  RoleDelete,
  RoleList,
  RoleRef,
  RoleUpdate,
  UpdateRoleRequest,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { RolesService } from './roles.service';

@Controller()
export class RolesNatsController {
  constructor(private readonly roles: RolesService) {}

  @Handles(RoleList)
  list(_: unknown, caller: CallerIdentity) {
    return this.roles.list(caller);
  }

  @Handles(PermissionList)
  permissions(_: unknown, caller: CallerIdentity) {
    return this.roles.permissions(caller);
  }

  @Handles(RoleCreate)
  create(r: CreateRoleRequest, caller: CallerIdentity) {
    return this.roles.create(caller, r.body, r.client ?? {});
  }

  @Handles(RoleUpdate)
  update(r: UpdateRoleRequest, caller: CallerIdentity) {
    return this.roles.update(caller, r.roleId, r.body, r.client ?? {});
  }

  @Handles(RoleDelete)
  remove(r: RoleRef, caller: CallerIdentity) {
    return this.roles.remove(caller, r.roleId, r.client ?? {});
  }
}
