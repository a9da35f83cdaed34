import * as alerting from '@suite/contracts/alerting';
import * as analytics from '@suite/contracts/analytics';
import * as catalog from '@suite/contracts/catalog';
import type { Operation } from '@suite/contracts/core';
import * as fulfillment from '@suite/contracts/fulfillment';
import * as identity from '@suite/contracts/identity';
import * as iot from '@suite/contracts/iot-telemetry';
import * as logistics from '@suite/contracts/logistics';
import * as orders from '@suite/contracts/orders';

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' && value !== null && 'subject' in value && 'request' in value && 'permissions' in value;

/** Every operation the contracts declare, found by shape so that a new declaration cannot be left out. */
export const DECLARED_OPERATIONS: readonly Operation[] = [
  ...new Set([alerting, analytics, catalog, fulfillment, identity, iot, logistics, orders].flatMap((m) => Object.values(m))),
].filter(isOperation);

/** The ones the gateway exposes over HTTP. */
export const HTTP_OPERATIONS = DECLARED_OPERATIONS.filter((op) => op.http !== undefined);
