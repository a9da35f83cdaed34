import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { AddressView, CreateAddressDto, OrdersSubjects, UpdateAddressDto } from '@suite/contracts/orders';
import { Caller, CallerIdentity } from '@suite/platform';
import { AddressesService } from './addresses.service';
import { CustomersService } from './customers.service';

/** Without customerId: the caller's own addresses (/customers/me). With it: staff on a customer's. */
class AddressOwner {
  @IsOptional() @IsUUID() customerId?: string;
}
class AddressRef extends AddressOwner {
  @IsUUID() addressId: string;
}
class CreateAddressRequest extends AddressOwner {
  @ValidateNested() @Type(() => CreateAddressDto) body: CreateAddressDto;
}
class UpdateAddressRequest extends AddressRef {
  @ValidateNested() @Type(() => UpdateAddressDto) body: UpdateAddressDto;
}

@Controller()
export class AddressesNatsController {
  constructor(
    private readonly customers: CustomersService,
    private readonly addresses: AddressesService,
  ) {}

  @MessagePattern(OrdersSubjects.AddressList)
  async list(@Payload() r: AddressOwner, @Caller() caller: CallerIdentity): Promise<AddressView[]> {
    return this.addresses.list(await this.owner(caller, r.customerId, 'customers:read'));
  }

  @MessagePattern(OrdersSubjects.AddressCreate)
  async create(@Payload() r: CreateAddressRequest, @Caller() caller: CallerIdentity): Promise<AddressView> {
    return this.addresses.create(await this.owner(caller, r.customerId, 'customers:update'), r.body);
  }

  @MessagePattern(OrdersSubjects.AddressUpdate)
  async update(@Payload() r: UpdateAddressRequest, @Caller() caller: CallerIdentity): Promise<AddressView> {
    return this.addresses.update(await this.owner(caller, r.customerId, 'customers:update'), r.addressId, r.body);
  }

  @MessagePattern(OrdersSubjects.AddressDelete)
  async remove(@Payload() r: AddressRef, @Caller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.addresses.remove(await this.owner(caller, r.customerId, 'customers:update'), r.addressId);
  }

  private owner(caller: CallerIdentity, customerId: string | undefined, permission: 'customers:read' | 'customers:update') {
    return customerId ? this.customers.find(caller, customerId, permission) : this.customers.ensureOwn(caller);
  }
}
