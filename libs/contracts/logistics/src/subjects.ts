/** Every NATS subject of the logistics service. Request/reply: `<service>.<entity>.<verb>`; events: `evt.<service>.<entity>.<past-tense>`. */
export const LogisticsSubjects = {
  HealthCheck: 'logistics.health.check',
  // shipments and tracking
  ShipmentList: 'logistics.shipment.list',
  ShipmentGet: 'logistics.shipment.get',
  ShipmentCreate: 'logistics.shipment.create',
  ShipmentUpdate: 'logistics.shipment.update',
  ShipmentStatusUpdate: 'logistics.shipment.update-status',
  ShipmentLegAdd: 'logistics.shipment-leg.add',
  ShipmentProofOfDelivery: 'logistics.shipment.proof-of-delivery',
  ShipmentTracking: 'logistics.shipment.tracking',
  PublicTracking: 'logistics.tracking.public',
  TrackingWebhook: 'logistics.tracking.webhook',
  ShipmentExceptionList: 'logistics.shipment-exception.list',
  ShipmentExceptionRaise: 'logistics.shipment-exception.raise',
  ShipmentExceptionResolve: 'logistics.shipment-exception.resolve',
  ReturnCreate: 'logistics.return.create',
  ReturnList: 'logistics.return.list',
  ReturnGet: 'logistics.return.get',
  ReturnStatusChange: 'logistics.return.change-status',
  TicketCreate: 'logistics.ticket.create',
  TicketList: 'logistics.ticket.list',
  TicketGet: 'logistics.ticket.get',
  TicketStatusChange: 'logistics.ticket.change-status',
  TicketAssign: 'logistics.ticket.assign',
  TicketMessageCreate: 'logistics.ticket-message.create',
  TicketMessageList: 'logistics.ticket-message.list',
  TicketReturnCreate: 'logistics.ticket.open-return',
  DeliveryQuotationCreate: 'logistics.delivery-quotation.create',
  DeliveryQuotationList: 'logistics.delivery-quotation.list',
  DeliveryQuotationGet: 'logistics.delivery-quotation.get',
  DeliveryOrderPlace: 'logistics.delivery-order.place',
  DeliveryOrderList: 'logistics.delivery-order.list',
  DeliveryOrderGet: 'logistics.delivery-order.get',
  DeliveryOrderCancel: 'logistics.delivery-order.cancel',
  DeliveryOrderDriver: 'logistics.delivery-order.driver',
  DeliveryOrderProofOfDelivery: 'logistics.delivery-order.proof-of-delivery',
  LalamoveWebhook: 'logistics.delivery-order.webhook',
} as const;

export const LogisticsEvents = {
  /** Every shipment status change (DISPATCHED, IN_TRANSIT, ..., DELIVERED with its proof, RETURNED, LOST). */
  ShipmentStatusChanged: 'evt.logistics.shipment.status-changed',
  /** A shipment exception was raised (by a carrier event or staff) or resolved: alerting notifies. */
  ShipmentExceptionRaised: 'evt.logistics.shipment-exception.raised',
  ShipmentExceptionResolved: 'evt.logistics.shipment-exception.resolved',
  /** A return reached COMPLETED: orders refunds it (once per return), catalog restocks its resellable items. */
  ReturnCompleted: 'evt.logistics.return.completed',
  /** Support tickets, for alerting (notify the assignee, the customer) and analytics. */
  TicketOpened: 'evt.logistics.ticket.opened',
  TicketStatusChanged: 'evt.logistics.ticket.status-changed',
  TicketAssigned: 'evt.logistics.ticket.assigned',
  /** Every Lalamove delivery status change (placed, driver on the way, picked up, completed with its POD, cancelled...). */
  DeliveryStatusChanged: 'evt.logistics.delivery.status-changed',
} as const;
