import { Controller } from '@nestjs/common';
import {
  AddressCreate,
  AddressDelete,
  AddressList,
  AddressRef,
  AddressUpdate,
  CreateAddressRequest,
  CreateCustomerAddressRequest,
  CustomerAddressCreate,
  CustomerAddressDelete,
  CustomerAddressList,
  CustomerAddressOwner,
  CustomerAddressRef,
  CustomerAddressUpdate,
  UpdateAddressRequest,
  UpdateCustomerAddressRequest,
} from '@suite/contracts/orders';
import { EmptyRequest } from '@suite/contracts/core';
import { CallerIdentity, Handles } from '@suite/platform';
import { AddressesService } from './addresses.service';
import { CustomersService } from './customers.service';

/** Address* operations: the caller's own addresses (/customers/me). CustomerAddress*: staff on a customer's. */
@Controller()
export class AddressesNatsController {
  constructor(
    private readonly customers: CustomersService,
    private readonly addresses: AddressesService,
  ) {}

  @Handles(AddressList)
  async list(_: EmptyRequest, caller: CallerIdentity) {
    return this.addresses.list(await this.customers.ensureOwn(caller));
  }

  @Handles(AddressCreate)
  async create(r: CreateAddressRequest, caller: CallerIdentity) {
    return this.addresses.create(await this.customers.ensureOwn(caller), r.body);
  }

  @Handles(AddressUpdate)
  async update(r: UpdateAddressRequest, caller: CallerIdentity) {
    return this.addresses.update(await this.customers.ensureOwn(caller), r.addressId, r.body);
  }

  @Handles(AddressDelete)
  async remove(r: AddressRef, caller: CallerIdentity) {
    return this.addresses.remove(await this.customers.ensureOwn(caller), r.addressId);
  }

  @Handles(CustomerAddressList)
  async listOf(r: CustomerAddressOwner, caller: CallerIdentity) {
    return this.addresses.list(await this.customers.find(caller, r.customerId, 'customers:read'));
  }

  @Handles(CustomerAddressCreate)
  async createFor(r: CreateCustomerAddressRequest, caller: CallerIdentity) {
    return this.addresses.create(await this.customers.find(caller, r.customerId, 'customers:update'), r.body);
  }

  @Handles(CustomerAddressUpdate)
  async updateOf(r: UpdateCustomerAddressRequest, caller: CallerIdentity) {
    return this.addresses.update(await this.customers.find(caller, r.customerId, 'customers:update'), r.addressId, r.body);
  }

  @Handles(CustomerAddressDelete)
  async removeOf(r: CustomerAddressRef, caller: CallerIdentity) {
    return this.addresses.remove(await this.customers.find(caller, r.customerId, 'customers:update'), r.addressId);
  }
}
