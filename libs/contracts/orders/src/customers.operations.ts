import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { operation } from '@suite/contracts/identity';
import { CreateCustomerDto, CustomerListQuery, CustomerView, UpdateCustomerDto } from './customers.dto';
import { OrdersSubjects } from './subjects';

export class CustomerRef {
  @IsUUID() customerId: string;
}
export class CreateCustomerRequest {
  @ValidateNested() @Type(() => CreateCustomerDto) body: CreateCustomerDto;
}
export class UpdateCustomerRequest extends CustomerRef {
  @ValidateNested() @Type(() => UpdateCustomerDto) body: UpdateCustomerDto;
}

/** One page of customers (the platform's Page). */
export class CustomerPage {
  @ApiProperty({ type: [CustomerView] }) items: CustomerView[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` to get the next page; null on the last page' })
  nextCursor: string | null;
}

/** Customers for staff; a shop role holding customers:* sees only its own record (others are 404). */
export const CustomerList = operation({
  subject: OrdersSubjects.CustomerList,
  request: CustomerListQuery,
  response: CustomerPage,
  permissions: ['customers:read'],
  http: {
    method: 'GET',
    path: 'customers',
    query: CustomerListQuery,
    summary: 'Customers, newest first; filters status and email (contains)',
  },
});

export const CustomerGet = operation({
  subject: OrdersSubjects.CustomerGet,
  request: CustomerRef,
  response: CustomerView,
  permissions: ['customers:read'],
  http: { method: 'GET', path: 'customers/:customerId' },
});

export const CustomerCreate = operation({
  subject: OrdersSubjects.CustomerCreate,
  request: CreateCustomerRequest,
  response: CustomerView,
  permissions: ['customers:create'],
  http: { method: 'POST', path: 'customers', body: CreateCustomerDto },
});

export const CustomerUpdate = operation({
  subject: OrdersSubjects.CustomerUpdate,
  request: UpdateCustomerRequest,
  response: CustomerView,
  permissions: ['customers:update'],
  http: {
    method: 'PATCH',
    path: 'customers/:customerId',
    body: UpdateCustomerDto,
    summary: 'Change details or status (ACTIVE, INACTIVE, BLOCKED, VIP)',
  },
});

export const CustomerOperations = [CustomerList, CustomerGet, CustomerCreate, CustomerUpdate];
