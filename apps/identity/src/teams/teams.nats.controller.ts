import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AddTeamMemberDto, CreateTeamDto, IdentitySubjects, TeamMemberView, TeamView, UpdateTeamDto } from '@suite/contracts/identity';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { ClientAware } from '../audit/client-aware';
import { TeamMembersService } from './team-members.service';
import { TeamsService } from './teams.service';

class TeamRef extends ClientAware {
  @IsUUID() teamId: string;
}
class CreateTeamRequest extends ClientAware {
  @ValidateNested() @Type(() => CreateTeamDto) body: CreateTeamDto;
}
class UpdateTeamRequest extends TeamRef {
  @ValidateNested() @Type(() => UpdateTeamDto) body: UpdateTeamDto;
}
class AddMemberRequest extends TeamRef {
  @ValidateNested() @Type(() => AddTeamMemberDto) body: AddTeamMemberDto;
}
class RemoveMemberRequest extends TeamRef {
  @IsUUID() userId: string;
  @IsOptional() @IsUUID() newLeaderId?: string;
}

@Controller()
export class TeamsNatsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly members: TeamMembersService,
  ) {}

  @MessagePattern(IdentitySubjects.TeamCreate)
  create(@Payload() r: CreateTeamRequest, @Caller() caller: CallerIdentity): Promise<TeamView> {
    return this.teams.create(caller, r.body, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.TeamList)
  list(@Payload() query: PageQuery, @Caller() caller: CallerIdentity): Promise<Page<TeamView>> {
    return this.teams.list(caller, query);
  }

  @MessagePattern(IdentitySubjects.TeamGet)
  get(@Payload() r: TeamRef, @Caller() caller: CallerIdentity): Promise<TeamView> {
    return this.teams.get(caller, r.teamId);
  }

  @MessagePattern(IdentitySubjects.TeamUpdate)
  update(@Payload() r: UpdateTeamRequest, @Caller() caller: CallerIdentity): Promise<TeamView> {
    return this.teams.update(caller, r.teamId, r.body, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.TeamDelete)
  remove(@Payload() r: TeamRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.teams.remove(caller, r.teamId, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.TeamMemberList)
  listMembers(@Payload() r: TeamRef, @Caller() caller: CallerIdentity): Promise<TeamMemberView[]> {
    return this.members.list(caller, r.teamId);
  }

  @MessagePattern(IdentitySubjects.TeamMemberAdd)
  addMember(@Payload() r: AddMemberRequest, @Caller() caller: CallerIdentity): Promise<TeamMemberView[]> {
    return this.members.add(caller, r.teamId, r.body, r.client ?? {});
  }

  @MessagePattern(IdentitySubjects.TeamMemberRemove)
  removeMember(@Payload() r: RemoveMemberRequest, @Caller() caller: CallerIdentity): Promise<TeamMemberView[]> {
    return this.members.remove(caller, r.teamId, r.userId, r.newLeaderId, r.client ?? {});
  }
}
