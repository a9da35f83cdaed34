import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateInventoryMovementRequest,
  InventoryList,
  InventoryListQuery,
  InventoryMovementCreate,
  InventoryMovementList,
  InventoryMovementListQuery,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import { RecordMovementCommand } from './commands/record-movement.command';
import { InventoryService } from './inventory.service';

@Controller()
export class InventoryNatsController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(InventoryList)
  list(query: InventoryListQuery, caller: CallerIdentity) {
    return this.inventory.list(caller, query);
  }

  @Handles(InventoryMovementCreate)
  move(r: CreateInventoryMovementRequest, caller: CallerIdentity) {
    return this.commands.execute(new RecordMovementCommand(caller, r.body));
  }

  @Handles(InventoryMovementList)
  movements(query: InventoryMovementListQuery, caller: CallerIdentity) {
    return this.inventory.movements(caller, query);
  }
}
