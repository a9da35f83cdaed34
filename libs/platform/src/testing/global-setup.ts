/**
 * Jest globalSetup: resolves the test servers once per jest run and hands their URLs to the
 * workers through process.env (workers are forked from this process and inherit it).
 */
import { getTestInfrastructure, type TestInfrastructure } from './infra';

/** Read by global-teardown.ts: jest runs both in the same parent process. */
export const INFRA_KEY = Symbol.for('suite.testInfrastructure');
type Holder = { [INFRA_KEY]?: TestInfrastructure };

export default async function globalSetup(): Promise<void> {
  const holder = globalThis as Holder;
  // Several projects of one jest run may name this file; jest calls it once per path, but a
  // second call (watch mode re-runs) must not start a second set of servers.
  if (holder[INFRA_KEY]) return;
  const infra = await getTestInfrastructure();
  holder[INFRA_KEY] = infra;
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.NATS_URL = infra.natsUrl;
  if (infra.mqttUrl) process.env.MQTT_URL = infra.mqttUrl;
}
