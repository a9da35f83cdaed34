import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { CreateCustomerDto, CustomerListQuery, CustomerView, OrdersSubjects, UpdateCustomerDto } from '@suite/contracts/orders';
import { Caller, CallerIdentity, Page } from '@suite/platform';
import { CustomersService } from './customers.service';

class CustomerRef {
  @IsUUID() customerId: string;
}
class CreateCustomerRequest {
  @ValidateNested() @Type(() => CreateCustomerDto) body: CreateCustomerDto;
}
class UpdateCustomerRequest extends CustomerRef {
  @ValidateNested() @Type(() => UpdateCustomerDto) body: UpdateCustomerDto;
}

@Controller()
export class CustomersNatsController {
  constructor(private readonly customers: CustomersService) {}

  @MessagePattern(OrdersSubjects.CustomerList)
  list(@Payload() query: CustomerListQuery, @Caller() caller: CallerIdentity): Promise<Page<CustomerView>> {
    return this.customers.list(caller, query);
  }

  @MessagePattern(OrdersSubjects.CustomerGet)
  get(@Payload() r: CustomerRef, @Caller() caller: CallerIdentity): Promise<CustomerView> {
    return this.customers.get(caller, r.customerId);
  }

  @MessagePattern(OrdersSubjects.CustomerCreate)
  create(@Payload() r: CreateCustomerRequest, @Caller() caller: CallerIdentity): Promise<CustomerView> {
    return this.customers.create(caller, r.body);
  }

  @MessagePattern(OrdersSubjects.CustomerUpdate)
  update(@Payload() r: UpdateCustomerRequest, @Caller() caller: CallerIdentity): Promise<CustomerView> {
    return this.customers.update(caller, r.customerId, r.body);
  }
}
