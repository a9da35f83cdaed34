import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddressView, CreateAddressDto, OrdersSubjects, UpdateAddressDto } from '@suite/contracts/orders';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/**
 * Addresses: /customers/me/... for any signed-in user (their customer record is created on first
 * use), /customers/:id/... for staff. One default per type; setting one unsets the previous.
 */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class AddressesController {
  constructor(private readonly nats: NatsClient) {}

  @Get('me/addresses')
  @ApiOkResponse({ type: AddressView, isArray: true })
  listMine(@CurrentCaller() caller: CallerIdentity): Promise<AddressView[]> {
    return this.nats.request(OrdersSubjects.AddressList, {}, { caller });
  }

  @Post('me/addresses')
  @ApiOkResponse({ type: AddressView })
  createMine(@Body() body: CreateAddressDto, @CurrentCaller() caller: CallerIdentity): Promise<AddressView> {
    return this.nats.request(OrdersSubjects.AddressCreate, { body }, { caller });
  }

  @Patch('me/addresses/:addressId')
  @ApiOkResponse({ type: AddressView })
  updateMine(
    @Param('addressId', ParseUUIDPipe) addressId: string,
    @Body() body: UpdateAddressDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<AddressView> {
    return this.nats.request(OrdersSubjects.AddressUpdate, { addressId, body }, { caller });
  }

  @Delete('me/addresses/:addressId')
  removeMine(@Param('addressId', ParseUUIDPipe) addressId: string, @CurrentCaller() caller: CallerIdentity): Promise<{ deleted: true }> {
    return this.nats.request(OrdersSubjects.AddressDelete, { addressId }, { caller });
  }

  @Get(':id/addresses')
  @RequirePermissions('customers:read')
  @ApiOkResponse({ type: AddressView, isArray: true })
  list(@Param('id', ParseUUIDPipe) customerId: string, @CurrentCaller() caller: CallerIdentity): Promise<AddressView[]> {
    return this.nats.request(OrdersSubjects.AddressList, { customerId }, { caller });
  }

  @Post(':id/addresses')
  @RequirePermissions('customers:update')
  @ApiOperation({ summary: "Staff: add an address to a customer's book" })
  @ApiOkResponse({ type: AddressView })
  create(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Body() body: CreateAddressDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<AddressView> {
    return this.nats.request(OrdersSubjects.AddressCreate, { customerId, body }, { caller });
  }

  @Patch(':id/addresses/:addressId')
  @RequirePermissions('customers:update')
  @ApiOkResponse({ type: AddressView })
  update(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Param('addressId', ParseUUIDPipe) addressId: string,
    @Body() body: UpdateAddressDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<AddressView> {
    return this.nats.request(OrdersSubjects.AddressUpdate, { customerId, addressId, body }, { caller });
  }

  @Delete(':id/addresses/:addressId')
  @RequirePermissions('customers:update')
  remove(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Param('addressId', ParseUUIDPipe) addressId: string,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<{ deleted: true }> {
    return this.nats.request(OrdersSubjects.AddressDelete, { customerId, addressId }, { caller });
  }
}
