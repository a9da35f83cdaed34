import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientInfo, CreateRoleDto, IdentitySubjects, PermissionView, RoleView, UpdateRoleDto } from '@suite/contracts/identity';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { ClientContext, CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

@ApiTags('roles')
@ApiBearerAuth()
@Controller()
export class RolesController {
  constructor(private readonly nats: NatsClient) {}

  @Get('roles')
  @RequirePermissions('roles:read')
  @ApiOkResponse({ type: RoleView, isArray: true })
  list(@CurrentCaller() caller: CallerIdentity): Promise<RoleView[]> {
    return this.nats.request(IdentitySubjects.RoleList, {}, { caller });
  }

  @Post('roles')
  @RequirePermissions('roles:create')
  @ApiOperation({ summary: 'Create a custom role from permissions the caller holds' })
  create(@Body() body: CreateRoleDto, @CurrentCaller() caller: CallerIdentity, @ClientContext() client: ClientInfo): Promise<RoleView> {
    return this.nats.request(IdentitySubjects.RoleCreate, { body, client }, { caller });
  }

  @Patch('roles/:id')
  @RequirePermissions('roles:update')
  @ApiOperation({ summary: 'Change a role; system roles keep their name and may only gain permissions' })
  @ApiOkResponse({ type: RoleView })
  update(
    @Param('id', ParseUUIDPipe) roleId: string,
    @Body() body: UpdateRoleDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<RoleView> {
    return this.nats.request(IdentitySubjects.RoleUpdate, { roleId, body, client }, { caller });
  }

  @Delete('roles/:id')
  @RequirePermissions('roles:delete')
  @ApiOperation({ summary: 'Delete a custom role (system roles: 409 IDENTITY.SYSTEM_ROLE)' })
  remove(
    @Param('id', ParseUUIDPipe) roleId: string,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<{ deleted: true }> {
    return this.nats.request(IdentitySubjects.RoleDelete, { roleId, client }, { caller });
  }

  @Get('permissions')
  @RequirePermissions('permissions:read')
  @ApiOkResponse({ type: PermissionView, isArray: true })
  permissions(@CurrentCaller() caller: CallerIdentity): Promise<PermissionView[]> {
    return this.nats.request(IdentitySubjects.PermissionList, {}, { caller });
  }
}
