import { Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  AddShipmentLegRequest,
  CreateShipmentRequest,
  ProofOfDeliveryRequest,
  PublicTracking,
  RaiseShipmentExceptionRequest,
  ResolveShipmentExceptionRequest,
  ShipmentCreate,
  ShipmentExceptionList,
  ShipmentExceptionRaise,
  ShipmentExceptionResolve,
  ShipmentGet,
  ShipmentLegAdd,
  ShipmentList,
  ShipmentListQuery,
  ShipmentProofOfDelivery,
  ShipmentRef,
  ShipmentStatusUpdate,
  ShipmentTracking,
  ShipmentUpdate,
  TrackingNumberRef,
  TrackingWebhook,
  TrackingWebhookRequest,
  UpdateShipmentRequest,
  UpdateShipmentStatusRequest,
} from '@suite/contracts/logistics';
import { CallerIdentity, Handles } from '@suite/platform';
import { TrackingWebhooksService } from '../tracking/tracking-webhooks.service';
import { RaiseExceptionCommand, ResolveExceptionCommand } from './commands/exception.commands';
import { ShipmentProgress, ShipmentProgressCommand } from './commands/shipment-progress.commands';
import { CreateShipmentCommand, UpdateShipmentCommand } from './commands/shipment.commands';
import { ShipmentsService } from './shipments.service';

@Controller()
export class ShipmentsNatsController {
  constructor(
    private readonly shipments: ShipmentsService,
    private readonly webhooks: TrackingWebhooksService,
    private readonly commands: CommandBus,
  ) {}

  @Handles(ShipmentList)
  list(query: ShipmentListQuery, caller: CallerIdentity) {
    return this.shipments.list(caller, query);
  }

  @Handles(ShipmentGet)
  get(r: ShipmentRef, caller: CallerIdentity) {
    return this.shipments.get(caller, r.shipmentId);
  }

  @Handles(ShipmentCreate)
  create(r: CreateShipmentRequest, caller: CallerIdentity) {
    return this.commands.execute(new CreateShipmentCommand(caller, r.body));
  }

  @Handles(ShipmentUpdate)
  update(r: UpdateShipmentRequest, caller: CallerIdentity) {
    return this.commands.execute(new UpdateShipmentCommand(caller, r.shipmentId, r.body));
  }

  @Handles(ShipmentStatusUpdate)
  status(r: UpdateShipmentStatusRequest, caller: CallerIdentity) {
    return this.progress(caller, r.shipmentId, { kind: 'status', body: r.body });
  }

  @Handles(ShipmentLegAdd)
  addLeg(r: AddShipmentLegRequest, caller: CallerIdentity) {
    return this.progress(caller, r.shipmentId, { kind: 'leg', body: r.body });
  }

  @Handles(ShipmentProofOfDelivery)
  proofOfDelivery(r: ProofOfDeliveryRequest, caller: CallerIdentity) {
    return this.progress(caller, r.shipmentId, { kind: 'proof', body: r.body });
  }

  @Handles(ShipmentTracking)
  tracking(r: ShipmentRef, caller: CallerIdentity) {
    return this.shipments.tracking(caller, r.shipmentId);
  }

  @Handles(PublicTracking)
  publicTracking(r: TrackingNumberRef) {
    return this.shipments.publicTracking(r.trackingNumber);
  }

  @Handles(ShipmentExceptionList)
  exceptions(r: ShipmentRef, caller: CallerIdentity) {
    return this.shipments.exceptions(caller, r.shipmentId);
  }

  @Handles(ShipmentExceptionRaise)
  raise(r: RaiseShipmentExceptionRequest, caller: CallerIdentity) {
    return this.commands.execute(new RaiseExceptionCommand(caller, r.shipmentId, r.body));
  }

  @Handles(ShipmentExceptionResolve)
  resolve(r: ResolveShipmentExceptionRequest, caller: CallerIdentity) {
    return this.commands.execute(new ResolveExceptionCommand(caller, r.shipmentId, r.exceptionId, r.body.resolution));
  }

  @Handles(TrackingWebhook)
  webhook(r: TrackingWebhookRequest) {
    return this.webhooks.handle(r.provider, r.rawBody, r.headers);
  }

  private progress(caller: CallerIdentity, id: string, progress: ShipmentProgress) {
    return this.commands.execute(new ShipmentProgressCommand(caller, id, progress));
  }
}
