import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CreateRoleDto, IdentitySubjects, PermissionView, RoleView, UpdateRoleDto } from '@suite/contracts/identity';
import { Caller, CallerIdentity } from '@suite/platform';
import { ClientAware } from '../audit/client-aware';
import { RolesService } from './roles.service';

class RoleRef extends ClientAware {
  @IsUUID() roleId: string;
}
class CreateRoleRequest extends ClientAware {
  @ValidateNested() @Type(() => CreateRoleDto) body: CreateRoleDto;
}
class UpdateRoleRequest extends RoleRef {
  @ValidateNested() @Type(() => UpdateRoleDto) body: UpdateRoleDto;
}

@Controller()
export class RolesNatsController {
  constructor(private readonly roles: RolesService) {}

  @MessagePattern(IdentitySubjects.RoleList)
  list(@Caller() caller: CallerIdentity): Promise<RoleView[]> {
    return this.roles.list(caller);
  }

  @MessagePattern(IdentitySubjects.PermissionList)
  permissions(@Caller() caller: CallerIdentity): Promise<PermissionView[]> {
    return this.roles.permissions(caller);
  }

  @MessagePattern(IdentitySubjects.RoleCreate)
  create(@Payload() r: CreateRoleRequest, @Caller() caller: CallerIdentity): Promise<RoleView> {
    return this.roles.create(caller, r.body, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.RoleUpdate)
  update(@Payload() r: UpdateRoleRequest, @Caller() caller: CallerIdentity): Promise<RoleView> {
    return this.roles.update(caller, r.roleId, r.body, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.RoleDelete)
  remove(@Payload() r: RoleRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.roles.remove(caller, r.roleId, r.client ?? {});
  }
}
