import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddTeamMemberDto,
  ClientInfo,
  CreateTeamDto,
  IdentitySubjects,
  RemoveTeamMemberQuery,
  TeamMemberView,
  TeamView,
  UpdateTeamDto,
} from '@suite/contracts/identity';
import { CallerIdentity, NatsClient, Page, PageQuery } from '@suite/platform';
import { ClientContext, CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Teams: visibility, the leader rule and ownership are decided by identity; a team the caller cannot see is 404. */
@ApiTags('teams')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly nats: NatsClient) {}

  @Post()
  @RequirePermissions('teams:create')
  @ApiOperation({ summary: 'Create a team; the creator is its leader and first member' })
  create(@Body() body: CreateTeamDto, @CurrentCaller() caller: CallerIdentity, @ClientContext() client: ClientInfo): Promise<TeamView> {
    return this.nats.request(IdentitySubjects.TeamCreate, { body, client }, { caller });
  }

  @Get()
  @RequirePermissions('teams:read')
  @ApiOperation({ summary: "The caller's teams (every team for admins), newest first" })
  list(@Query() query: PageQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<TeamView>> {
    return this.nats.request(IdentitySubjects.TeamList, query, { caller });
  }

  @Get(':id')
  @RequirePermissions('teams:read')
  @ApiOkResponse({ type: TeamView })
  get(@Param('id', ParseUUIDPipe) teamId: string, @CurrentCaller() caller: CallerIdentity): Promise<TeamView> {
    return this.nats.request(IdentitySubjects.TeamGet, { teamId }, { caller });
  }

  @Patch(':id')
  @RequirePermissions('teams:update')
  @ApiOperation({ summary: 'Rename or describe the team (leader or admin)' })
  update(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Body() body: UpdateTeamDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<TeamView> {
    return this.nats.request(IdentitySubjects.TeamUpdate, { teamId, body, client }, { caller });
  }

  @Delete(':id')
  @RequirePermissions('teams:delete')
  @ApiOperation({ summary: 'Delete the team and its memberships (leader or admin)' })
  remove(
    @Param('id', ParseUUIDPipe) teamId: string,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<{ deleted: true }> {
    return this.nats.request(IdentitySubjects.TeamDelete, { teamId, client }, { caller });
  }

  @Get(':id/members')
  @RequirePermissions('teams:read')
  @ApiOkResponse({ type: TeamMemberView, isArray: true })
  members(@Param('id', ParseUUIDPipe) teamId: string, @CurrentCaller() caller: CallerIdentity): Promise<TeamMemberView[]> {
    return this.nats.request(IdentitySubjects.TeamMemberList, { teamId }, { caller });
  }

  @Post(':id/members')
  @RequirePermissions('teams:update')
  @ApiOperation({ summary: 'Add a member, or with isLeader hand the lead over (the previous leader stays a member)' })
  @ApiOkResponse({ type: TeamMemberView, isArray: true })
  addMember(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Body() body: AddTeamMemberDto,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<TeamMemberView[]> {
    return this.nats.request(IdentitySubjects.TeamMemberAdd, { teamId, body, client }, { caller });
  }

  @Delete(':id/members/:userId')
  @RequirePermissions('teams:update')
  @ApiOperation({ summary: 'Remove a member; removing the leader needs newLeaderId' })
  @ApiOkResponse({ type: TeamMemberView, isArray: true })
  removeMember(
    @Param('id', ParseUUIDPipe) teamId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query() query: RemoveTeamMemberQuery,
    @CurrentCaller() caller: CallerIdentity,
    @ClientContext() client: ClientInfo,
  ): Promise<TeamMemberView[]> {
    return this.nats.request(IdentitySubjects.TeamMemberRemove, { teamId, userId, newLeaderId: query.newLeaderId, client }, { caller });
  }
}
