import { Controller } from '@nestjs/common';
import { PageQuery } from '@suite/contracts/core';
import {
  AddTeamMemberRequest,
  CreateTeamRequest,
  RemoveTeamMemberRequest,
  TeamCreate,
  TeamDelete,
  TeamGet,
  TeamList,
  TeamMemberAdd,
  TeamMemberList,
  TeamMemberRemove,
  TeamRef,
  TeamUpdate,
  UpdateTeamRequest,
} from '@suite/contracts/identity';
import { CallerIdentity, Handles } from '@suite/platform';
import { TeamMembersService } from './team-members.service';
import { TeamsService } from './teams.service';

@Controller()
export class TeamsNatsController {
  constructor(
    private readonly teams: TeamsService,
    private readonly members: TeamMembersService,
  ) {}

  @Handles(TeamCreate)
  create(r: CreateTeamRequest, caller: CallerIdentity) {
    return this.teams.create(caller, r.body, r.client ?? {});
  }

  @Handles(TeamList)
  list(query: PageQuery, caller: CallerIdentity) {
    return this.teams.list(caller, query);
  }

  @Handles(TeamGet)
  get(r: TeamRef, caller: CallerIdentity) {
    return this.teams.get(caller, r.teamId);
  }

  @Handles(TeamUpdate)
  update(r: UpdateTeamRequest, caller: CallerIdentity) {
    return this.teams.update(caller, r.teamId, r.body, r.client ?? {});
  }

  @Handles(TeamDelete)
  remove(r: TeamRef, caller: CallerIdentity) {
    return this.teams.remove(caller, r.teamId, r.client ?? {});
  }

  @Handles(TeamMemberList)
  listMembers(r: TeamRef, caller: CallerIdentity) {
    return this.members.list(caller, r.teamId);
  }

  @Handles(TeamMemberAdd)
  addMember(r: AddTeamMemberRequest, caller: CallerIdentity) {
    return this.members.add(caller, r.teamId, r.body, r.client ?? {});
  }

  @Handles(TeamMemberRemove)
  removeMember(r: RemoveTeamMemberRequest, caller: CallerIdentity) {
    return this.members.remove(caller, r.teamId, r.userId, r.newLeaderId, r.client ?? {});
  }
}
