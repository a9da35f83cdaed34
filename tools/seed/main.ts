/**
 * `npm run seed` (after the analytics settings seed): builds the demo world through the running suite's gateway
 * (GATEWAY_URL, default the gateway `npm start` runs) and prints the sign-ins. Safe to run again.
 */
import { SERVICE_CATALOG } from '@suite/platform/config';
import { seedDemo } from './demo';
import { welcome } from './welcome';

export const defaultGatewayUrl = (env: NodeJS.ProcessEnv = process.env) =>
  env.GATEWAY_URL ?? `http://127.0.0.1:${Number(env.PORT) || SERVICE_CATALOG['api-gateway'].httpPort}`;

/** Whether the gateway answers at all (its /health is 503 while a service is down, which still counts as up). */
export async function gatewayAnswers(base: string): Promise<boolean> {
  try {
    await fetch(new URL('/health', base), { signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const base = defaultGatewayUrl();
  if (!(await gatewayAnswers(base))) {
    console.error(`[seed] no gateway answers at ${base}: start the suite with npm start first (or set GATEWAY_URL).`);
    process.exit(1);
  }
  const started = Date.now();
  await seedDemo(base, process.env, (line) => console.log(`[seed] ${line}`));
  console.log(`[seed] demo world seeded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  console.log(welcome(base));
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`[seed] demo seed failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
