import { fieldOf } from './condition-evaluator';

/** What identifies an event's subject when a rule names no fingerprint fields: the ids present, in this order. */
export const SUBJECT_FIELDS = [
  'thresholdId',
  'sensorId',
  'deviceId',
  'storeId',
  'orderId',
  'productId',
  'fulfillmentId',
  'shipmentId',
  'returnId',
  'exceptionId',
  'sessionId',
  'userId',
] as const;

export interface RuleShape {
  id: string;
  fingerprintFields: string[];
  groupBy: string[];
}

const text = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** rule + the values of the fields identifying the subject: one open alert per fingerprint. */
export function fingerprintOf(rule: RuleShape, payload: object, countBy?: string): string {
  const fields =
    rule.fingerprintFields.length > 0
      ? rule.fingerprintFields
      : countBy
        ? [countBy]
        : SUBJECT_FIELDS.filter((f) => text(fieldOf(payload, f)) !== null);
  return [rule.id, ...fields.map((f) => `${f}=${text(fieldOf(payload, f)) ?? ''}`)].join('|');
}

/** Alerts of one group are notified together; without groupBy the rule is one group. */
export function groupKeyOf(rule: RuleShape, payload: object): string {
  return [rule.id, ...rule.groupBy.map((f) => `${f}=${text(fieldOf(payload, f)) ?? ''}`)].join('|');
}

/** Where the event belongs: telemetry's userId is the device's owner; business events carry the store's team. */
export interface EventFacts {
  ownerUserId: string | null;
  teamId: string | null;
  deviceId: string | null;
  sensorId: string | null;
  storeId: string | null;
}

export function factsOf(subject: string, payload: object): EventFacts {
  const get = (f: string) => text(fieldOf(payload, f));
  return {
    ownerUserId: subject.startsWith('evt.iot-telemetry.') ? get('userId') : null,
    teamId: get('teamId'),
    deviceId: get('deviceId'),
    sensorId: get('sensorId'),
    storeId: get('storeId'),
  };
}
