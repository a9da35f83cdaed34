import { CHAMBER_SENSORS } from './chamber';

export interface SimDevice {
  index: number;
  id: string;
  serial: string;
  credential: string;
}

/** Above 28 °C for a minute (the excursions last 4), cleared below 27 °C. */
export const DEMO_THRESHOLD = {
  name: 'Overheating',
  operator: 'ABOVE',
  value: 28,
  durationSeconds: 60,
  hysteresis: 1,
  severity: 'WARNING',
};

export const serialOf = (index: number) => `SIM-${String(index + 1).padStart(4, '0')}`;

/**
 * Registers SIM-0001..SIM-<n> through the gateway as the seeded admin, like a grower would, and returns their bridge
 * credentials, each with a temperature threshold (DEMO_THRESHOLD). A device that is already there (an earlier run) gets its
 * credential rotated: credentials are shown once.
 */
export async function provision(gateway: string, count: number, log: (line: string) => void): Promise<SimDevice[]> {
  const email = process.env.SEED_ADMIN_EMAIL ?? 'admin@example.com';
  const password = process.env.SEED_ADMIN_PASSWORD;
  if (!password)
    throw new Error(
      'Set SEED_ADMIN_PASSWORD (and SEED_ADMIN_EMAIL, default admin@example.com): the simulator registers its devices as the seeded admin',
    );
  const token = (await call(gateway, 'POST', '/auth/login', undefined, { email, password }, 200)).accessToken as string;

  const existing = new Map<string, string>();
  for (let cursor: string | null = ''; cursor !== null;) {
    const page: { items: { id: string; serialNumber: string }[]; nextCursor: string | null } = await call(
      gateway,
      'GET',
      `/devices?type=MUSHROOM_CHAMBER&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      token,
      undefined,
      200,
    );
    for (const d of page.items) existing.set(d.serialNumber, d.id);
    cursor = page.nextCursor;
  }

  const one = async (index: number): Promise<SimDevice> => {
    const serial = serialOf(index);
    const id = existing.get(serial);
    if (id) {
      const rotated = await call(gateway, 'POST', `/devices/${id}/credential`, token, {}, [200, 201]);
      return { index, id, serial, credential: rotated.credential };
    }
    const created = await call(
      gateway,
      'POST',
      '/devices',
      token,
      {
        name: `Simulated chamber ${index + 1}`,
        type: 'MUSHROOM_CHAMBER',
        serialNumber: serial,
        location: `Sim farm, room ${1 + Math.floor(index / 20)}`,
        firmware: 'sim-1.2.0',
        heartbeatTimeoutSeconds: 90,
        sensors: CHAMBER_SENSORS.map((s) => ({ ...s })),
      },
      201,
    );
    // The demo threshold the overheating chambers cross: the default "Chamber threshold breached" rule alerts on it.
    const temperature = (created.sensors as { id: string; name: string }[]).find((sensor) => sensor.name === 'temperature');
    if (temperature) await call(gateway, 'POST', `/sensors/${temperature.id}/thresholds`, token, DEMO_THRESHOLD, 201);
    return { index, id: created.id, serial, credential: created.credential };
  };

  // Eight registrations in flight: hundreds of devices in seconds, without queueing hundreds of requests at once.
  const devices: SimDevice[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(8, count) }, async () => {
      while (next < count) {
        const index = next++;
        devices[index] = await one(index);
      }
    }),
  );
  const reused = devices.filter((d) => existing.has(d.serial)).length;
  log(`provisioned ${count} devices: ${count - reused} registered${reused ? `, ${reused} already there (credential rotated)` : ''}`);
  return devices;
}

async function call(
  base: string,
  method: string,
  path: string,
  token: string | undefined,
  body: unknown,
  expected: number | number[],
): Promise<any> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const ok = Array.isArray(expected) ? expected.includes(response.status) : response.status === expected;
  if (!ok) throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
  return response.json();
}
