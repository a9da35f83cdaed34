import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateReturnRequest,
  ReturnCreate,
  ReturnGet,
  ReturnList,
  ReturnListQuery,
  ReturnRef,
  ReturnStatusChange,
  ReturnStatusRequest,
} from '@suite/contracts/logistics';
import { CallerIdentity, Handles } from '@suite/platform';
import { ChangeReturnStatusCommand } from './commands/change-return-status.command';
import { CreateReturnCommand } from './commands/create-return.command';
import { ReturnsService } from './returns.service';

@Controller()
export class ReturnsNatsController {
  constructor(
    private readonly returns: ReturnsService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(ReturnCreate)
  create(r: CreateReturnRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateReturnCommand(caller, r.body));
  }

  @Handles(ReturnList)
  list(query: ReturnListQuery, caller: CallerIdentity) {
    return this.returns.list(caller, query);
  }

  @Handles(ReturnGet)
  get(r: ReturnRef, caller: CallerIdentity) {
    return this.returns.get(caller, r.returnId);
  }

  @Handles(ReturnStatusChange)
  changeStatus(r: ReturnStatusRequest, caller: CallerIdentity) {
    return this.commands.execute(new ChangeReturnStatusCommand(caller, r.returnId, r.body));
  }
}
