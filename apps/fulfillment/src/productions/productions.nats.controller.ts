import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CreateProductionRequest,
  CreateQualityCheckRequest,
  ProductionCreate,
  ProductionGet,
  ProductionList,
  ProductionListQuery,
  ProductionRef,
  ProductionStatusChange,
  ProductionStatusRequest,
  ProductionTimeline,
  QualityCheckCreate,
  QualityCheckList,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import { ChangeProductionStatusCommand, CreateProductionCommand } from './commands/production.commands';
import { RecordQualityCheckCommand } from './commands/record-quality-check.command';
import { ProductionsService } from './productions.service';

@Controller()
export class ProductionsNatsController {
  constructor(
    private readonly productions: ProductionsService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(ProductionCreate)
  create(r: CreateProductionRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateProductionCommand(caller, r.body));
  }

  @Handles(ProductionList)
  list(query: ProductionListQuery, caller: CallerIdentity) {
    return this.productions.list(caller, query);
  }

  @Handles(ProductionGet)
  get(r: ProductionRef, caller: CallerIdentity) {
    return this.productions.get(caller, r.productionId);
  }

  @Handles(ProductionTimeline)
  timeline(r: ProductionRef, caller: CallerIdentity) {
    return this.productions.timeline(caller, r.productionId);
  }

  @Handles(ProductionStatusChange)
  changeStatus(r: ProductionStatusRequest, caller: CallerIdentity) {
    return this.commands.execute(new ChangeProductionStatusCommand(caller, r.productionId, r.body.status));
  }

  @Handles(QualityCheckCreate)
  recordCheck(r: CreateQualityCheckRequest, caller: CallerIdentity) {
    return this.commands.execute(new RecordQualityCheckCommand(caller, r.productionId, r.body));
  }

  @Handles(QualityCheckList)
  checks(r: ProductionRef, caller: CallerIdentity) {
    return this.productions.qualityChecks(caller, r.productionId);
  }
}
