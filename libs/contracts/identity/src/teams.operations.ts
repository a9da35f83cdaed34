import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, pageOf, PageQuery } from '@suite/contracts/core';
import { AddTeamMemberDto, CreateTeamDto, RemoveTeamMemberQuery, TeamMemberView, TeamView, UpdateTeamDto } from './admin.dto';
import { ClientAware } from './client-aware';
import { operation } from './operation';
import { IdentitySubjects } from './subjects';

export class TeamRef extends ClientAware {
  @IsUUID() teamId: string;
}
export class CreateTeamRequest extends ClientAware {
  @ValidateNested() @Type(() => CreateTeamDto) body: CreateTeamDto;
}
export class UpdateTeamRequest extends TeamRef {
  @ValidateNested() @Type(() => UpdateTeamDto) body: UpdateTeamDto;
}
export class AddTeamMemberRequest extends TeamRef {
  @ValidateNested() @Type(() => AddTeamMemberDto) body: AddTeamMemberDto;
}
/** The path's team and member, and RemoveTeamMemberQuery's newLeaderId. */
export class RemoveTeamMemberRequest extends TeamRef {
  @IsUUID() userId: string;
  @IsOptional() @IsUUID() newLeaderId?: string;
}

/** Teams: visibility, the leader rule and ownership are decided by identity; a team the caller cannot see is 404. */
export const TeamCreate = operation({
  subject: IdentitySubjects.TeamCreate,
  request: CreateTeamRequest,
  response: TeamView,
  permissions: ['teams:create'],
  http: {
    method: 'POST',
    path: 'teams',
    body: CreateTeamDto,
    client: true,
    summary: 'Create a team; the creator is its leader and first member',
  },
});

export const TeamList = operation({
  subject: IdentitySubjects.TeamList,
  request: PageQuery,
  response: pageOf(TeamView),
  permissions: ['teams:read'],
  http: { method: 'GET', path: 'teams', query: PageQuery, summary: "The caller's teams (every team for admins), newest first" },
});

export const TeamGet = operation({
  subject: IdentitySubjects.TeamGet,
  request: TeamRef,
  response: TeamView,
  permissions: ['teams:read'],
  http: { method: 'GET', path: 'teams/:teamId', summary: 'One team' },
});

export const TeamUpdate = operation({
  subject: IdentitySubjects.TeamUpdate,
  request: UpdateTeamRequest,
  response: TeamView,
  permissions: ['teams:update'],
  http: {
    method: 'PATCH',
    path: 'teams/:teamId',
    body: UpdateTeamDto,
    client: true,
    summary: 'Rename or describe the team (leader or admin)',
  },
});

export const TeamDelete = operation({
  subject: IdentitySubjects.TeamDelete,
  request: TeamRef,
  response: DeletedView,
  permissions: ['teams:delete'],
  http: { method: 'DELETE', path: 'teams/:teamId', client: true, summary: 'Delete the team and its memberships (leader or admin)' },
});

export const TeamMemberList = operation({
  subject: IdentitySubjects.TeamMemberList,
  request: TeamRef,
  response: [TeamMemberView],
  permissions: ['teams:read'],
  http: { method: 'GET', path: 'teams/:teamId/members', summary: "The team's members" },
});

export const TeamMemberAdd = operation({
  subject: IdentitySubjects.TeamMemberAdd,
  request: AddTeamMemberRequest,
  response: [TeamMemberView],
  permissions: ['teams:update'],
  http: {
    method: 'POST',
    path: 'teams/:teamId/members',
    body: AddTeamMemberDto,
    client: true,
    summary: 'Add a member, or with isLeader hand the lead over (the previous leader stays a member)',
  },
});

export const TeamMemberRemove = operation({
  subject: IdentitySubjects.TeamMemberRemove,
  request: RemoveTeamMemberRequest,
  response: [TeamMemberView],
  permissions: ['teams:update'],
  http: {
    method: 'DELETE',
    path: 'teams/:teamId/members/:userId',
    query: RemoveTeamMemberQuery,
    client: true,
    summary: 'Remove a member; removing the leader needs newLeaderId',
  },
});

export const TeamOperations = [TeamCreate, TeamList, TeamGet, TeamUpdate, TeamDelete, TeamMemberList, TeamMemberAdd, TeamMemberRemove];
