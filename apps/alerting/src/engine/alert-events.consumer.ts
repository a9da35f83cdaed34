import { Injectable } from '@nestjs/common';
import { ALERT_SOURCE_FAMILIES } from '@suite/contracts/alerting';
import { EventMeta, OnEvent } from '@suite/platform';
import { EvaluateEventCommand } from './commands/evaluate-event.command';

/** Any JSON object: rules read payload fields by path, and each family's events differ. */
export class AnyEventPayload {}

const family = (subject: (typeof ALERT_SOURCE_FAMILIES)[number]) => ({ subject, payload: AnyEventPayload, version: 1 }) as const;
const [IOT, CATALOG, ORDERS, FULFILLMENT, LOGISTICS, IDENTITY] = ALERT_SOURCE_FAMILIES.map(family);

const evaluate = (payload: object, meta: EventMeta) =>
  new EvaluateEventCommand(meta.subject, { ...payload }, meta.messageId, meta.publishedAt > new Date() ? new Date() : meta.publishedAt);

/**
 * Every service's events, one durable per family, each evaluated against the rules on its exact subject. Durable
 * and idempotent through the platform (the inbox row commits with the alert), so two replicas share the work and
 * a redelivery counts nothing twice.
 */
@Injectable()
export class AlertEventsConsumer {
  @OnEvent(IOT, { name: 'alerts-iot-telemetry' })
  onTelemetry(payload: object, meta: EventMeta) {
    return evaluate(payload, meta);
  }

  @OnEvent(CATALOG, { name: 'alerts-catalog' })
  onCatalog(payload: object, meta: EventMeta) {
    return evaluate(payload, meta);
  }

  @OnEvent(ORDERS, { name: 'alerts-orders' })
  onOrders(payload: object, meta: EventMeta) {
    return evaluate(payload, meta);
  }

  @OnEvent(FULFILLMENT, { name: 'alerts-fulfillment' })
  onFulfillment(payload: object, meta: EventMeta) {
    return evaluate(payload, meta);
  }

  /** Logistics' shipment exceptions arrive here once logistics publishes them; rules name their exact subject. */
  @OnEvent(LOGISTICS, { name: 'alerts-logistics' })
  onLogistics(payload: object, meta: EventMeta) {
    return evaluate(payload, meta);
  }

  @OnEvent(IDENTITY, { name: 'alerts-identity' })
  onIdentity(payload: object, meta: EventMeta) {
    return evaluate(payload, meta);
  }
}
