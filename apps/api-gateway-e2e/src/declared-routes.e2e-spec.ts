// Walks every HTTP route the contracts declare (libs/contracts/*/src/*.operations.ts), so a new route is
// covered the moment it is declared: it must be in OpenAPI with its security, the gateway must apply its
// permissions to every system role as SYSTEM_ROLE_PERMISSIONS says, and the owning service must check them again.
import { randomUUID } from 'node:crypto';
import { headers as natsHeaders } from '@nats-io/nats-core';
import { HTTP_OPERATIONS } from '@suite/contracts/api-gateway';
import type { Operation } from '@suite/contracts/core';
import { SYSTEM_ROLE_PERMISSIONS, SYSTEM_ROLES, SystemRole } from '@suite/contracts/identity';
import { CALLER_HEADER, configureCallerSigning, DEVELOPMENT_CALLER_SIGNING_KEY, encodeCaller } from '@suite/platform';
import { Account, identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const name = (op: Operation) => `${op.http!.method} /${op.http!.path}`;
const concrete = (op: Operation) => `/${op.http!.path.replace(/:\w+/g, NO_SUCH_ID)}`;
const guarded = HTTP_OPERATIONS.filter((op) => op.permissions.length > 0);

/** Runs `work` over `items`, a few at a time: ~100 routes per role would otherwise queue on the 2-core machine's sockets. */
async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 8): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

describe('every declared route', () => {
  let stack: Stack;
  const { call, root, account } = identityClient(() => stack);
  const callers = {} as Record<SystemRole, Account>;
  const request = (op: Operation, token?: string) =>
    call(op.http!.method, concrete(op), {
      token,
      body: op.http!.body || ['POST', 'PUT', 'PATCH'].includes(op.http!.method) ? {} : undefined,
    });

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'orders', 'fulfillment', 'logistics', 'iot-telemetry', 'analytics', 'alerting'], {
      SEED_ADMIN_EMAIL: ROOT.email,
      SEED_ADMIN_PASSWORD: ROOT.password,
    });
    await root();
    for (const role of SYSTEM_ROLES) callers[role] = await account([role], role);
  }, 120000);

  afterAll(() => stack?.stop());

  it('declares enough routes to mean something, each once', () => {
    expect(HTTP_OPERATIONS.length).toBeGreaterThan(10);
    const names = HTTP_OPERATIONS.map(name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('is in OpenAPI with its path parameters, its security and its error answers', async () => {
    const document = await json(await fetch(`${stack.base}/docs/json`));
    const problems: string[] = [];
    for (const op of HTTP_OPERATIONS) {
      const route = op.http!;
      const path = `/api/v1/${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const entry = document.paths[path]?.[route.method.toLowerCase()];
      if (!entry) {
        problems.push(`${name(op)}: missing`);
        continue;
      }
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const documented = (entry.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
      if (params.some((p) => !documented.includes(p))) problems.push(`${name(op)}: path parameters ${documented} instead of ${params}`);
      const security = JSON.stringify(entry.security ?? []);
      if (!route.public && !(security.includes('bearer') && security.includes('api-key'))) problems.push(`${name(op)}: no security`);
      if (route.public && entry.security?.length) problems.push(`${name(op)}: public but asks for a credential`);
      if (op.permissions.length > 0 && !entry.responses['403']) problems.push(`${name(op)}: no 403`);
      if (route.body && !entry.requestBody) problems.push(`${name(op)}: no request body`);
      const success = Object.entries(entry.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1] as
        { content?: object } | undefined;
      if (op.response && !success?.content) problems.push(`${name(op)}: its answer is not documented`);
      if (route.method === 'GET' && !op.response) problems.push(`${name(op)}: a read without a declared response`);
    }
    expect(problems).toEqual([]);
  });

  it('answers an anonymous caller 401 on every route that is not public, and never 401 on a public one', async () => {
    const outcomes = await inBatches(
      HTTP_OPERATIONS,
      async (op) => [name(op), op.http!.public === true, (await request(op)).status] as const,
    );
    const wrong = outcomes.filter(([, open, status]) => (open ? status === 401 : status !== 401));
    expect(wrong).toEqual([]);
  });

  describe.each([...SYSTEM_ROLES])('%s', (role) => {
    it('is let through exactly the routes whose permissions the role holds, by the gateway and by the service', async () => {
      const held = SYSTEM_ROLE_PERMISSIONS[role].permissions as readonly string[];
      const outcomes = await inBatches(guarded, async (op) => {
        const response = await request(op, callers[role].token);
        const body = (await response.json().catch(() => ({}))) as { code?: string };
        const denied = response.status === 403 && body.code === 'AUTH.PERMISSION_DENIED';
        const expected = op.permissions.every((p) => held.includes(p)) ? 'allowed' : 'denied';
        return { route: name(op), outcome: response.status === 401 ? 'unauthenticated' : denied ? 'denied' : 'allowed', expected };
      });
      expect(outcomes.filter((o) => o.outcome !== o.expected)).toEqual([]);
    });
  });

  it('is refused by the owning service itself to a caller on the bus without the permission', async () => {
    const stranger = { userId: randomUUID(), roles: ['USER'], permissions: [], teamIds: [] };
    const answers = await inBatches(guarded, async (op) => {
      const h = natsHeaders();
      h.set(CALLER_HEADER, encodeCaller(stranger));
      const reply = await stack.nc.request(op.subject, JSON.stringify({ pattern: op.subject, data: {}, id: randomUUID() }), {
        timeout: 5000,
        headers: h,
      });
      const answer = JSON.parse(new TextDecoder().decode(reply.data));
      return { subject: op.subject, code: answer.err?.code, missing: answer.err?.details?.missing };
    });
    expect(answers.filter((a) => a.code !== 'AUTH.PERMISSION_DENIED')).toEqual([]);
    for (const [i, op] of guarded.entries()) expect(answers[i].missing).toEqual([...op.permissions]);
  });

  it('refuses a rogue client on the bus that claims to be a SUPER_ADMIN: unsigned, re-signed with another key, or altered', async () => {
    const superAdmin = {
      userId: randomUUID(),
      roles: ['SUPER_ADMIN'],
      permissions: [...new Set(guarded.flatMap((op) => op.permissions))],
      teamIds: [],
    };
    const payload = Buffer.from(JSON.stringify(superAdmin)).toString('base64url');
    const [version, expiry, , signature] = encodeCaller({ ...superAdmin, roles: ['USER'], permissions: [] }).split('.');
    configureCallerSigning('a-key-the-rogue-client-made-up-0123456789');
    const selfSigned = encodeCaller(superAdmin);
    configureCallerSigning(DEVELOPMENT_CALLER_SIGNING_KEY);
    const forgeries = { unsigned: payload, selfSigned, altered: [version, expiry, payload, signature].join('.') };
    for (const [kind, header] of Object.entries(forgeries)) {
      const answers = await inBatches(guarded, async (op) => {
        const h = natsHeaders();
        h.set(CALLER_HEADER, header);
        const reply = await stack.nc.request(op.subject, JSON.stringify({ pattern: op.subject, data: {}, id: randomUUID() }), {
          timeout: 5000,
          headers: h,
        });
        return { kind, subject: op.subject, code: JSON.parse(new TextDecoder().decode(reply.data)).err?.code };
      });
      expect(answers.filter((a) => a.code !== 'AUTH.UNAUTHENTICATED')).toEqual([]);
    }
  });
});
