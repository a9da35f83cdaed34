import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateFactoryLocationRequest,
  CreateFactoryRequest,
  FactoryCreate,
  FactoryDelete,
  FactoryGet,
  FactoryList,
  FactoryListQuery,
  FactoryLocationCreate,
  FactoryLocationDelete,
  FactoryLocationList,
  FactoryLocationRef,
  FactoryLocationUpdate,
  FactoryRef,
  FactoryUpdate,
  FactoryUserLink,
  FactoryUserList,
  FactoryUserRef,
  FactoryUserUnlink,
  LinkFactoryUserRequest,
  UpdateFactoryLocationRequest,
  UpdateFactoryRequest,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import { CreateFactoryCommand, DeleteFactoryCommand, UpdateFactoryCommand } from './commands/factory.commands';
import { LinkFactoryUserCommand, UnlinkFactoryUserCommand } from './commands/factory-user.commands';
import { CreateLocationCommand, DeleteLocationCommand, UpdateLocationCommand } from './commands/location.commands';
import { FactoriesService } from './factories.service';

@Controller()
export class FactoriesNatsController {
  constructor(
    private readonly factories: FactoriesService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(FactoryCreate)
  create(r: CreateFactoryRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateFactoryCommand(caller, r.body));
  }

  @Handles(FactoryList)
  list(query: FactoryListQuery, caller: CallerIdentity) {
    return this.factories.list(caller, query);
  }

  @Handles(FactoryGet)
  get(r: FactoryRef, caller: CallerIdentity) {
    return this.factories.get(caller, r.factoryId);
  }

  @Handles(FactoryUpdate)
  update(r: UpdateFactoryRequest, caller: CallerIdentity) {
    return this.commands.execute(new UpdateFactoryCommand(caller, r.factoryId, r.body));
  }

  @Handles(FactoryDelete)
  delete(r: FactoryRef, caller: CallerIdentity) {
    return this.commands.execute(new DeleteFactoryCommand(caller, r.factoryId));
  }

  @Handles(FactoryLocationList)
  locations(r: FactoryRef, caller: CallerIdentity) {
    return this.factories.locations(caller, r.factoryId);
  }

  @Handles(FactoryLocationCreate)
  createLocation(r: CreateFactoryLocationRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateLocationCommand(caller, r.factoryId, r.body));
  }

  @Handles(FactoryLocationUpdate)
  updateLocation(r: UpdateFactoryLocationRequest, caller: CallerIdentity) {
    return this.commands.execute(new UpdateLocationCommand(caller, r.factoryId, r.locationId, r.body));
  }

  @Handles(FactoryLocationDelete)
  deleteLocation(r: FactoryLocationRef, caller: CallerIdentity) {
    return this.commands.execute(new DeleteLocationCommand(caller, r.factoryId, r.locationId));
  }

  @Handles(FactoryUserList)
  users(r: FactoryRef, caller: CallerIdentity) {
    return this.factories.users(caller, r.factoryId);
  }

  @Handles(FactoryUserLink)
  link(r: LinkFactoryUserRequest, caller: CallerIdentity) {
    return this.commands.execute(new LinkFactoryUserCommand(caller, r.factoryId, r.body.userId));
  }

  @Handles(FactoryUserUnlink)
  unlink(r: FactoryUserRef, caller: CallerIdentity) {
    return this.commands.execute(new UnlinkFactoryUserCommand(caller, r.factoryId, r.userId));
  }
}
