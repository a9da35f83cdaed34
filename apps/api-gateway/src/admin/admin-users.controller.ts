import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, IntersectionType } from '@nestjs/swagger';
import {
  AdminUserView,
  ClientInfo,
  IdentitySubjects,
  SetUserRolesDto,
  UpdateUserStatusDto,
  UserListFilter,
} from '@suite/contracts/identity';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { ClientContext, CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

class UserListQuery extends IntersectionType(UserListFilter, PageQuery) {}

/**
 * Administration of accounts. Explicit `users/...` paths and a UUID-only `:id`, because the
 * account controller owns `users/me` and `me` must never reach these handlers.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class AdminUsersController {
  constructor(private readonly nats: NatsClient) {}

  @Get('users')
  @RequirePermissions('users:read')
  @ApiOperation({ summary: 'Accounts, newest first; filter by part of the email, role and status' })
  list(@Query() query: UserListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<AdminUserView>> {
    return this.nats.request(IdentitySubjects.AdminUserList, query, { caller });
  }

  @Get('users/:id')
  @RequirePermissions('users:read')
  @ApiOkResponse({ type: AdminUserView })
  get(@Param('id', ParseUUIDPipe) userId: string, @CurrentCaller() caller: CallerIdentity): Promise<AdminUserView> {
    return this.nats.request(IdentitySubjects.AdminUserGet, { userId }, { caller });
  }

  @Put('users/:id/roles')
  @RequirePermissions('users:update', 'roles:read')
  @ApiOperation({ summary: "Replace the user's roles; applies from their next request. Only a SUPER_ADMIN grants or removes SUPER_ADMIN" })
  @ApiOkResponse({ type: AdminUserView })
  setRoles(
    @Param('id', ParseUUIDPipe) userId: string,
    @Body() body: SetUserRolesDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<AdminUserView> {
    return this.nats.request(IdentitySubjects.AdminUserSetRoles, { userId, body, client }, { caller });
  }

  @Patch('users/:id')
  @RequirePermissions('users:update')
  @ApiOperation({ summary: 'Enable or disable an account; disabling ends all its sessions' })
  @ApiOkResponse({ type: AdminUserView })
  update(
    @Param('id', ParseUUIDPipe) userId: string,
    @Body() body: UpdateUserStatusDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<AdminUserView> {
    return this.nats.request(IdentitySubjects.AdminUserUpdate, { userId, body, client }, { caller });
  }
}
