/** Jest globalTeardown: stops whatever global-setup.ts started (containers, nats-server...). */
import type { TestInfrastructure } from './infra';
import { INFRA_KEY } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { [INFRA_KEY]?: TestInfrastructure };
  const infra = holder[INFRA_KEY];
  delete holder[INFRA_KEY];
  await infra?.stop();
}
