import { Type } from 'class-transformer';
import { IsUUID, ValidateNested } from 'class-validator';
import { DeletedView, EmptyRequest } from '@suite/contracts/core';
import { operation } from '@suite/contracts/identity';
import { AddressView, CreateAddressDto, UpdateAddressDto } from './customers.dto';
import { OrdersSubjects } from './subjects';

/**
 * Addresses: /customers/me/... for any signed-in user (their customer record is created on first
 * use), /customers/:customerId/... for staff. One default per type; setting one unsets the previous.
 * The two are separate operations: each route has its own permissions.
 */
export class AddressRef {
  @IsUUID() addressId: string;
}
export class CreateAddressRequest {
  @ValidateNested() @Type(() => CreateAddressDto) body: CreateAddressDto;
}
export class UpdateAddressRequest extends AddressRef {
  @ValidateNested() @Type(() => UpdateAddressDto) body: UpdateAddressDto;
}
export class CustomerAddressOwner {
  @IsUUID() customerId: string;
}
export class CustomerAddressRef extends CustomerAddressOwner {
  @IsUUID() addressId: string;
}
export class CreateCustomerAddressRequest extends CustomerAddressOwner {
  @ValidateNested() @Type(() => CreateAddressDto) body: CreateAddressDto;
}
export class UpdateCustomerAddressRequest extends CustomerAddressRef {
  @ValidateNested() @Type(() => UpdateAddressDto) body: UpdateAddressDto;
}

/** The caller's own address book (any signed-in user). */
export const AddressList = operation({
  subject: OrdersSubjects.AddressList,
  request: EmptyRequest,
  response: [AddressView],
  http: { method: 'GET', path: 'customers/me/addresses' },
});

export const AddressCreate = operation({
  subject: OrdersSubjects.AddressCreate,
  request: CreateAddressRequest,
  response: AddressView,
  http: { method: 'POST', path: 'customers/me/addresses', body: CreateAddressDto },
});

export const AddressUpdate = operation({
  subject: OrdersSubjects.AddressUpdate,
  request: UpdateAddressRequest,
  response: AddressView,
  http: { method: 'PATCH', path: 'customers/me/addresses/:addressId', body: UpdateAddressDto },
});

export const AddressDelete = operation({
  subject: OrdersSubjects.AddressDelete,
  request: AddressRef,
  response: DeletedView,
  http: { method: 'DELETE', path: 'customers/me/addresses/:addressId' },
});

/** Staff on a customer's address book. */
export const CustomerAddressList = operation({
  subject: OrdersSubjects.CustomerAddressList,
  request: CustomerAddressOwner,
  response: [AddressView],
  permissions: ['customers:read'],
  http: { method: 'GET', path: 'customers/:customerId/addresses' },
});

export const CustomerAddressCreate = operation({
  subject: OrdersSubjects.CustomerAddressCreate,
  request: CreateCustomerAddressRequest,
  response: AddressView,
  permissions: ['customers:update'],
  http: {
    method: 'POST',
    path: 'customers/:customerId/addresses',
    body: CreateAddressDto,
    summary: "Staff: add an address to a customer's book",
  },
});

export const CustomerAddressUpdate = operation({
  subject: OrdersSubjects.CustomerAddressUpdate,
  request: UpdateCustomerAddressRequest,
  response: AddressView,
  permissions: ['customers:update'],
  http: { method: 'PATCH', path: 'customers/:customerId/addresses/:addressId', body: UpdateAddressDto },
});

export const CustomerAddressDelete = operation({
  subject: OrdersSubjects.CustomerAddressDelete,
  request: CustomerAddressRef,
  response: DeletedView,
  permissions: ['customers:update'],
  http: { method: 'DELETE', path: 'customers/:customerId/addresses/:addressId' },
});

export const AddressOperations = [
  AddressList,
  AddressCreate,
  AddressUpdate,
  AddressDelete,
  CustomerAddressList,
  CustomerAddressCreate,
  CustomerAddressUpdate,
  CustomerAddressDelete,
];
