import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CancelOrderDto, OrderFilter, OrdersSubjects, OrderView } from '@suite/contracts/orders';
import { Caller, CallerIdentity, Page, PageQuery } from '@suite/platform';
import { OrdersService } from './orders.service';

class OrderRef {
  @IsUUID() orderId: string;
}
class CancelOrderRequest extends OrderRef {
  @ValidateNested() @Type(() => CancelOrderDto) body: CancelOrderDto;
}
class OrderListRequest extends IntersectionType(OrderFilter, PageQuery) {}

@Controller()
export class OrdersNatsController {
  constructor(private readonly orders: OrdersService) {}

  @MessagePattern(OrdersSubjects.OrderList)
  list(@Payload() query: OrderListRequest, @Caller() caller: CallerIdentity): Promise<Page<OrderView>> {
    return this.orders.list(caller, query);
  }

  @MessagePattern(OrdersSubjects.OrderGet)
  get(@Payload() r: OrderRef, @Caller() caller: CallerIdentity): Promise<OrderView> {
    return this.orders.get(caller, r.orderId);
  }

  @MessagePattern(OrdersSubjects.OrderCancel)
  cancel(@Payload() r: CancelOrderRequest, @Caller() caller: CallerIdentity): Promise<OrderView> {
    return this.orders.cancel(caller, r.orderId, r.body.reason);
  }
}
