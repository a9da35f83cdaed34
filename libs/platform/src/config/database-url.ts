import { ServiceName } from './services';

/** Default server when nothing is configured: the local PostgreSQL with trust auth. */
export const DEFAULT_DATABASE_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** `iot-telemetry` -> `suite_iot_telemetry`: one database per service on a shared server. */
export function databaseNameFor(service: ServiceName, prefix = 'suite_'): string {
  return prefix + service.replace(/-/g, '_');
}

/** `iot-telemetry` -> `IOT_TELEMETRY_DATABASE_URL`, the per-service override. */
export function databaseUrlVariableFor(service: ServiceName): string {
  return `${service.replace(/-/g, '_').toUpperCase()}_DATABASE_URL`;
}

/**
 * The connection string of one service's own database. A per-service variable wins (so any
 * service can move to its own server); otherwise DATABASE_URL names the server and the database
 * name is derived from the service; otherwise the local default server is used.
 */
export function databaseUrlFor(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[databaseUrlVariableFor(service)];
  if (own) return own;
  const server = new URL(env.DATABASE_URL || DEFAULT_DATABASE_SERVER_URL);
  server.pathname = '/' + databaseNameFor(service, env.DATABASE_NAME_PREFIX ?? 'suite_');
  return server.toString();
}
