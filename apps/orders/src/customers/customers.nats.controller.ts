import { Controller } from '@nestjs/common';
import {
  CreateCustomerRequest,
  CustomerCreate,
  CustomerGet,
  CustomerList,
  CustomerListQuery,
  CustomerRef,
  CustomerUpdate,
  UpdateCustomerRequest,
} from '@suite/contracts/orders';
import { CallerIdentity, Handles } from '@suite/platform';
import { CustomersService } from './customers.service';

@Controller()
export class CustomersNatsController {
  constructor(private readonly customers: CustomersService) {}

  @Handles(CustomerList)
  list(query: CustomerListQuery, caller: CallerIdentity) {
    return this.customers.list(caller, query);
  }

  @Handles(CustomerGet)
  get(r: CustomerRef, caller: CallerIdentity) {
    return this.customers.get(caller, r.customerId);
  }

  @Handles(CustomerCreate)
  create(r: CreateCustomerRequest, caller: CallerIdentity) {
    return this.customers.create(caller, r.body);
  }

  @Handles(CustomerUpdate)
  update(r: UpdateCustomerRequest, caller: CallerIdentity) {
    return this.customers.update(caller, r.customerId, r.body);
  }
}
