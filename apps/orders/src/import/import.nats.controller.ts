import { Controller } from '@nestjs/common';
import { ImportOrderRequest, OrderImport } from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { ImportService } from './import.service';

@Controller()
export class ImportNatsController {
  constructor(private readonly imports: ImportService) {}

  @Handles(OrderImport)
  import(r: ImportOrderRequest, caller: CallerIdentity) {
    return this.imports.import(caller, r.storeId, r.body);
  }
}
