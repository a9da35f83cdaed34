import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ImportOrderRequest, OrdersSubjects, OrderView } from '@suite/contracts/orders';
import { Caller, CallerIdentity } from '@suite/platform';
import { ImportService } from './import.service';

@Controller()
export class ImportNatsController {
  constructor(private readonly imports: ImportService) {}

  @MessagePattern(OrdersSubjects.OrderImport)
  import(@Payload() r: ImportOrderRequest, @Caller() caller: CallerIdentity): Promise<OrderView> {
    return this.imports.import(caller, r.storeId, r.order);
  }
}
