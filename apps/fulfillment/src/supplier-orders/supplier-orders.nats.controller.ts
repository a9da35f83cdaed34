import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CancelSupplierOrderRequest,
  CreateSupplierOrderRequest,
  RejectSupplierOrderRequest,
  SupplierOrderAccept,
  SupplierOrderCancel,
  SupplierOrderCreate,
  SupplierOrderGet,
  SupplierOrderList,
  SupplierOrderListQuery,
  SupplierOrderReceive,
  SupplierOrderRef,
  SupplierOrderReject,
  SupplierOrderSubmit,
  SupplierOrderUpdate,
  SupplierWebhook,
  SupplierWebhookRequest,
  UpdateSupplierOrderRequest,
} from '@suite/contracts/fulfillment';
import { CallerIdentity, Handles } from '@suite/platform';
import {
  CreateSupplierOrderCommand,
  MoveSupplierOrderCommand,
  SubmitSupplierOrderCommand,
  SupplierOrderMove,
} from './commands/supplier-order.commands';
import { SupplierOrdersService } from './supplier-orders.service';
import { SupplierWebhooksService } from './supplier-webhooks.service';

@Controller()
export class SupplierOrdersNatsController {
  constructor(
    private readonly orders: SupplierOrdersService,
    private readonly webhooks: SupplierWebhooksService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(SupplierOrderList)
  list(query: SupplierOrderListQuery, caller: CallerIdentity) {
    return this.orders.list(caller, query);
  }

  @Handles(SupplierOrderGet)
  get(r: SupplierOrderRef, caller: CallerIdentity) {
    return this.orders.get(caller, r.supplierOrderId);
  }

  @Handles(SupplierOrderCreate)
  create(r: CreateSupplierOrderRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateSupplierOrderCommand(caller, r.body));
  }

  @Handles(SupplierOrderSubmit)
  submit(r: SupplierOrderRef, caller: CallerIdentity) {
    return this.commands.execute(new SubmitSupplierOrderCommand(caller, r.supplierOrderId));
  }

  @Handles(SupplierOrderCancel)
  cancel(r: CancelSupplierOrderRequest, caller: CallerIdentity) {
    return this.move(caller, r.supplierOrderId, { kind: 'cancel', reason: r.body?.reason });
  }

  @Handles(SupplierOrderReceive)
  receive(r: SupplierOrderRef, caller: CallerIdentity) {
    return this.move(caller, r.supplierOrderId, { kind: 'receive' });
  }

  @Handles(SupplierOrderAccept)
  accept(r: SupplierOrderRef, caller: CallerIdentity) {
    return this.move(caller, r.supplierOrderId, { kind: 'accept' });
  }

  @Handles(SupplierOrderReject)
  reject(r: RejectSupplierOrderRequest, caller: CallerIdentity) {
    return this.move(caller, r.supplierOrderId, { kind: 'reject', reason: r.body.reason });
  }

  @Handles(SupplierOrderUpdate)
  update(r: UpdateSupplierOrderRequest, caller: CallerIdentity) {
    return this.move(caller, r.supplierOrderId, { kind: 'update', ...r.body });
  }

  @Handles(SupplierWebhook)
  webhook(r: SupplierWebhookRequest) {
    return this.webhooks.handle(r.provider, r.rawBody, r.headers);
  }

  private move(caller: CallerIdentity, id: string, move: SupplierOrderMove) {
    return this.commands.execute(new MoveSupplierOrderCommand(caller, id, move));
  }
}
