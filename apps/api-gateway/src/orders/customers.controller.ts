import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateCustomerDto, CustomerListQuery, CustomerView, OrdersSubjects, UpdateCustomerDto } from '@suite/contracts/orders';
import { CallerIdentity, NatsClient, Page } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';

/** Customers for staff; a shop role holding customers:* sees only its own record (others are 404). */
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers')
export class CustomersController {
  constructor(private readonly nats: NatsClient) {}

  @Get()
  @RequirePermissions('customers:read')
  @ApiOperation({ summary: 'Customers, newest first; filters status and email (contains)' })
  list(@Query() query: CustomerListQuery, @CurrentCaller() caller: CallerIdentity): Promise<Page<CustomerView>> {
    return this.nats.request(OrdersSubjects.CustomerList, query, { caller });
  }

  @Get(':id')
  @RequirePermissions('customers:read')
  @ApiOkResponse({ type: CustomerView })
  get(@Param('id', ParseUUIDPipe) customerId: string, @CurrentCaller() caller: CallerIdentity): Promise<CustomerView> {
    return this.nats.request(OrdersSubjects.CustomerGet, { customerId }, { caller });
  }

  @Post()
  @RequirePermissions('customers:create')
  @ApiOkResponse({ type: CustomerView })
  create(@Body() body: CreateCustomerDto, @CurrentCaller() caller: CallerIdentity): Promise<CustomerView> {
    return this.nats.request(OrdersSubjects.CustomerCreate, { body }, { caller });
  }

  @Patch(':id')
  @RequirePermissions('customers:update')
  @ApiOperation({ summary: 'Change details or status (ACTIVE, INACTIVE, BLOCKED, VIP)' })
  @ApiOkResponse({ type: CustomerView })
  update(
    @Param('id', ParseUUIDPipe) customerId: string,
    @Body() body: UpdateCustomerDto,
    @CurrentCaller() caller: CallerIdentity,
  ): Promise<CustomerView> {
    return this.nats.request(OrdersSubjects.CustomerUpdate, { customerId, body }, { caller });
  }
}
