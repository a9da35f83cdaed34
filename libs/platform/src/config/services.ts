/**
 * The one list of the suite's processes. The launcher, the gateway's /health, the migration
 * tooling and the Kubernetes manifests all follow it, so a new service is added here first.
 */
export const SERVICE_CATALOG = {
  'api-gateway': { httpPort: 3000, hasDatabase: false },
  identity: { httpPort: 3101, hasDatabase: true },
  catalog: { httpPort: 3102, hasDatabase: true },
  orders: { httpPort: 3103, hasDatabase: true },
  fulfillment: { httpPort: 3104, hasDatabase: true },
  logistics: { httpPort: 3105, hasDatabase: true },
  'iot-telemetry': { httpPort: 3106, hasDatabase: true },
  alerting: { httpPort: 3107, hasDatabase: true },
  analytics: { httpPort: 3108, hasDatabase: true },
} as const;

export type ServiceName = keyof typeof SERVICE_CATALOG;
export const SERVICE_NAMES = Object.keys(SERVICE_CATALOG) as ServiceName[];
/** The services behind the gateway, each answering `<service>.health.check` over NATS. */
export const BACKEND_SERVICES = SERVICE_NAMES.filter((s) => s !== 'api-gateway');
export const DATABASE_SERVICES = SERVICE_NAMES.filter((s) => SERVICE_CATALOG[s].hasDatabase);

export function isServiceName(value: string): value is ServiceName {
  return Object.prototype.hasOwnProperty.call(SERVICE_CATALOG, value);
}
