import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { AdminUserView, IdentitySubjects, SetUserRolesDto, UpdateUserStatusDto, UserListFilter } from '@suite/contracts/identity';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { ClientAware } from '../audit/client-aware';
import { AdminUsersService } from './admin-users.service';

class UserListRequest extends IntersectionType(UserListFilter, PageQuery) {}
class UserRef extends ClientAware {
  @IsUUID() userId: string;
}
class SetRolesRequest extends UserRef {
  @ValidateNested() @Type(() => SetUserRolesDto) body: SetUserRolesDto;
}
class UpdateUserRequest extends UserRef {
  @ValidateNested() @Type(() => UpdateUserStatusDto) body: UpdateUserStatusDto;
}

/** Administration of other accounts; the caller's own profile is the account feature's. */
@Controller()
export class AdminUsersNatsController {
  constructor(private readonly users: AdminUsersService) {}

  @MessagePattern(IdentitySubjects.AdminUserList)
  list(@Payload() query: UserListRequest, @Caller() caller: CallerIdentity): Promise<Page<AdminUserView>> {
    return this.users.list(caller, query);
  }

  @MessagePattern(IdentitySubjects.AdminUserGet)
  get(@Payload() r: UserRef, @Caller() caller: CallerIdentity): Promise<AdminUserView> {
    return this.users.get(caller, r.userId);
  }

  @MessagePattern(IdentitySubjects.AdminUserSetRoles)
  setRoles(@Payload() r: SetRolesRequest, @Caller() caller: CallerIdentity): Promise<AdminUserView> {
    return this.users.setRoles(caller, r.userId, r.body.roles, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.AdminUserUpdate)
  update(@Payload() r: UpdateUserRequest, @Caller() caller: CallerIdentity): Promise<AdminUserView> {
    return this.users.setActive(caller, r.userId, r.body.isActive, r.client ?? {});
  }
}
