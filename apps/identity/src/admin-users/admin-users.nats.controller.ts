import { Controller } from '@nestjs/common';
import {
  AdminUserGet,
  AdminUserList,
  AdminUserRef,
  AdminUserSetRoles,
  AdminUserUpdate,
  SetUserRolesRequest,
  UpdateUserStatusRequest,
  UserListQuery,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { AdminUsersService } from './admin-users.service';

/** Administration of other accounts; the caller's own profile is the account feature's. */
@Controller()
export class AdminUsersNatsController {
  constructor(private readonly users: AdminUsersService) {}

  @Handles(AdminUserList)
  list(query: UserListQuery, caller: CallerIdentity) {
    return this.users.list(caller, query);
  }

  @Handles(AdminUserGet)
  get(r: AdminUserRef, caller: CallerIdentity) {
    return this.users.get(caller, r.userId);
  }

  @Handles(AdminUserSetRoles)
  setRoles(r: SetUserRolesRequest, caller: CallerIdentity) {
    return this.users.setRoles(caller, r.userId, r.body.roles, r.client ?? {});
  }

  @Handles(AdminUserUpdate)
  update(r: UpdateUserStatusRequest, caller: CallerIdentity) {
    return this.users.setActive(caller, r.userId, r.body.isActive, r.client ?? {});
  }
}
