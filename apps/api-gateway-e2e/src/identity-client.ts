import { registerSecret } from '@suite/platform/testing';
import { eventually } from './processes';
import { json, Stack } from './stack';

export const PASSWORD = 'Shiitake#Grow42';
export const ROOT = { email: 'root@suite.test', password: 'Admin#Secret2026' };
// Every stack scans its processes' logs for these when it stops (and for tokens and keys by their shape).
registerSecret(PASSWORD);
registerSecret(ROOT.password);

export interface Account {
  id: string;
  email: string;
  token: string;
}

/**
 * HTTP helpers for the administration specs: calls through the gateway, and accounts with exactly
 * the roles a test needs, assigned by the seeded SUPER_ADMIN through the API under test.
 */
export function identityClient(stack: () => Stack) {
  let counter = 0;
  const call = (method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${stack().base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  const signIn = async (email: string, password = PASSWORD): Promise<string> => {
    const response = await call('POST', '/auth/login', { body: { email, password }, headers: { 'user-agent': 'admin-e2e/1.0' } });
    if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
    return (await json(response)).accessToken;
  };
  let rootToken: string | undefined;
  const root = async (): Promise<Account> => {
    // /health reports identity up once it answers on NATS, which can be before the seeder has created the admin.
    rootToken ??= await eventually(() => signIn(ROOT.email, ROOT.password), Boolean, 15000);
    const me = await json(await call('GET', '/auth/me', { token: rootToken }));
    return { id: me.user.id, email: ROOT.email, token: rootToken };
  };
  /** A new account holding exactly `roles` (USER alone when none are given). */
  const account = async (roles?: string[], label = 'user'): Promise<Account> => {
    const email = `${label.toLowerCase()}${++counter}-${Date.now()}@example.com`;
    const registered = await call('POST', '/auth/register', { body: { email, password: PASSWORD } });
    if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
    const { id } = await json(registered);
    if (roles) {
      const set = await call('PUT', `/users/${id}/roles`, { token: (await root()).token, body: { roles } });
      if (set.status !== 200) throw new Error(`role assignment answered ${set.status}: ${await set.text()}`);
    }
    return { id, email, token: await signIn(email) };
  };
  return { call, signIn, root, account };
}

/**
 * Repeats `request` until it answers `status` or `withinMs` has passed, and returns the last answer.
 * For changes that reach the gateway by identity's events (its session cache): a revoked session or
 * a change of roles must take effect within 1 s, not necessarily before the next request.
 */
export async function answerWithin(status: number, request: () => Promise<Response>, withinMs = 1000): Promise<Response> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const response = await request();
    if (response.status === status || Date.now() >= deadline) return response;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
