/** Polls the gateway's aggregated /health until every named service reports up. */
import { waitFor } from '@suite/platform/infra';

export interface GatewayHealth {
  status: string;
  services: Record<string, { status: string; [detail: string]: unknown }>;
}

export class GatewayUnhealthyError extends Error {
  constructor(
    message: string,
    readonly down: string[],
    readonly last: GatewayHealth | undefined,
  ) {
    super(message);
  }
}

/** The body is read whatever the status: the gateway answers 503 with the same shape when degraded. */
export async function fetchGatewayHealth(baseUrl: string, timeoutMs = 2000): Promise<GatewayHealth> {
  const res = await fetch(new URL('/health', baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.json()) as Partial<GatewayHealth>;
  if (!body || typeof body.services !== 'object') throw new Error(`/health answered ${res.status} without a services map`);
  return body as GatewayHealth;
}

/**
 * Which of `services` are not up. The gateway need not list itself: answering is its proof of
 * life, so it only counts as down when it says so.
 */
export function downServices(health: GatewayHealth | undefined, services: readonly string[]): string[] {
  if (!health) return [...services];
  return services.filter((s) => {
    const entry = health.services[s];
    if (s === 'api-gateway' && !entry) return false;
    return entry?.status !== 'up';
  });
}

export async function waitForGatewayHealthy(baseUrl: string, services: readonly string[], timeoutMs = 90000): Promise<GatewayHealth> {
  let last: GatewayHealth | undefined;
  try {
    return await waitFor(
      async () => {
        last = await fetchGatewayHealth(baseUrl);
        const down = downServices(last, services);
        if (down.length) throw new Error(`down: ${down.join(', ')}`);
        return last;
      },
      { timeoutMs, intervalMs: 500, what: `every service up at ${baseUrl}/health` },
    );
  } catch (err) {
    throw new GatewayUnhealthyError((err as Error).message, downServices(last, services), last);
  }
}
