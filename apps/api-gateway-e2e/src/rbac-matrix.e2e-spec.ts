// SYSTEM_ROLE_PERMISSIONS is the source of truth for what each system role may do; the matrix is computed from it.
import { PermissionName, SYSTEM_ROLE_PERMISSIONS, SYSTEM_ROLES, SystemRole } from '@suite/contracts/identity';
import { Account, identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

interface Fixtures {
  victimId: string;
  /** One custom role per caller, for that caller to try to delete. */
  customRoleIds: Record<string, string>;
}

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (f: Fixtures, role: SystemRole) => string;
  body?: (role: SystemRole) => unknown;
  needs: PermissionName[];
  /** The status of an allowed call. */
  ok: number;
}

const stamp = Date.now();
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
/** One representative route per resource that has routes today. */
const ROUTES: Record<string, Route> = {
  'GET /users': { method: 'GET', path: () => '/users?limit=1', needs: ['users:read'], ok: 200 },
  'PUT /users/:id/roles': {
    method: 'PUT',
    path: (f) => `/users/${f.victimId}/roles`,
    body: () => ({ roles: ['USER'] }),
    needs: ['users:update', 'roles:read'],
    ok: 200,
  },
  'GET /roles': { method: 'GET', path: () => '/roles', needs: ['roles:read'], ok: 200 },
  'POST /roles': {
    method: 'POST',
    path: () => '/roles',
    body: (role) => ({ name: `MATRIX_NEW_${role}_${stamp}`, permissions: [] }),
    needs: ['roles:create'],
    ok: 201,
  },
  'DELETE /roles/:id': { method: 'DELETE', path: (f, role) => `/roles/${f.customRoleIds[role]}`, needs: ['roles:delete'], ok: 200 },
  'GET /permissions': { method: 'GET', path: () => '/permissions', needs: ['permissions:read'], ok: 200 },
  'GET /teams': { method: 'GET', path: () => '/teams', needs: ['teams:read'], ok: 200 },
  'POST /teams': {
    method: 'POST',
    path: () => '/teams',
    body: (role) => ({ name: `Matrix team of ${role}` }),
    needs: ['teams:create'],
    ok: 201,
  },
  'GET /api-keys': { method: 'GET', path: () => '/api-keys', needs: ['api-keys:read'], ok: 200 },
  'GET /audit-logs': { method: 'GET', path: () => '/audit-logs?limit=1', needs: ['audit-logs:read'], ok: 200 },
  'GET /auth/me': { method: 'GET', path: () => '/auth/me', needs: [], ok: 200 },
  // Catalog. Ids that do not exist show the order of checks: permission first (403), then ownership (404).
  'GET /stores': { method: 'GET', path: () => '/stores?limit=1', needs: ['stores:read'], ok: 200 },
  'DELETE /products/:id': { method: 'DELETE', path: () => `/products/${NO_SUCH_ID}`, needs: ['products:delete'], ok: 404 },
  'POST /categories': {
    method: 'POST',
    path: () => '/categories',
    body: (role) => ({ name: `Matrix ${role} ${stamp}` }),
    needs: ['categories:create'],
    ok: 201,
  },
  'GET /designs': { method: 'GET', path: () => '/designs?limit=1', needs: ['designs:read'], ok: 200 },
  // The multipart upload route (hand-written): permission first, then 400 for a body that is not multipart.
  'POST /imports': { method: 'POST', path: () => '/imports', body: () => ({}), needs: ['imports:create'], ok: 400 },
  'POST /reviews/:id/response': {
    method: 'POST',
    path: () => `/reviews/${NO_SUCH_ID}/response`,
    body: () => ({ response: 'Thank you!' }),
    needs: ['reviews:update'],
    ok: 404,
  },
  // Analytics exports: a job any exporter may queue (categories are everyone's), and one that does not exist.
  'POST /exports': {
    method: 'POST',
    path: () => '/exports',
    body: () => ({ entityType: 'CATEGORY', fileFormat: 'CSV', priority: 'LOW' }),
    needs: ['exports:create'],
    ok: 202,
  },
  'GET /exports/:id': { method: 'GET', path: () => '/exports/nosuchexport', needs: ['exports:read'], ok: 404 },
};

/** Expected from system-roles.ts: allowed when the role holds every permission the route needs. */
const allowedByData = (role: SystemRole, route: Route): boolean =>
  route.needs.every((p) => SYSTEM_ROLE_PERMISSIONS[role].permissions.includes(p));

/**
 * Written by hand, independently of the data: the cases that matter most. If someone edits
 * system-roles.ts so that a grower can list users, the computed matrix follows the edit, this does not.
 * Note ADMIN may NOT delete roles: system-roles.ts withholds roles:delete from ADMIN on purpose.
 */
const MUST: [SystemRole, string, 'allowed' | 'denied'][] = [
  ['GROWER', 'GET /users', 'denied'],
  ['SUPPORT', 'GET /users', 'allowed'],
  ['FINANCE', 'POST /roles', 'denied'],
  ['ADMIN', 'DELETE /roles/:id', 'denied'],
  ['SUPER_ADMIN', 'DELETE /roles/:id', 'allowed'],
  ['ADMIN', 'PUT /users/:id/roles', 'allowed'],
  ['LEADER', 'PUT /users/:id/roles', 'denied'],
  ['LEADER', 'POST /teams', 'allowed'],
  ['SELLER', 'POST /teams', 'denied'],
  ['SELLER', 'GET /teams', 'allowed'],
  ['USER', 'GET /api-keys', 'denied'],
  ['GROWER', 'GET /api-keys', 'allowed'],
  ['ADMIN', 'GET /audit-logs', 'allowed'],
  ['SUPPORT', 'GET /audit-logs', 'denied'],
  ['BUYER', 'GET /permissions', 'denied'],
  ['SELLER', 'GET /stores', 'allowed'],
  ['GROWER', 'GET /stores', 'denied'],
  ['DESIGNER', 'GET /designs', 'allowed'],
  ['FINANCE', 'GET /designs', 'denied'],
  ['BUYER', 'DELETE /products/:id', 'denied'],
  ['SELLER', 'DELETE /products/:id', 'allowed'],
  ['SELLER', 'POST /categories', 'denied'],
  ['LEADER', 'POST /categories', 'allowed'],
  ['USER', 'POST /reviews/:id/response', 'denied'],
  ['BUYER', 'POST /exports', 'denied'],
  ['SELLER', 'POST /exports', 'allowed'],
  ['FINANCE', 'GET /exports/:id', 'allowed'],
  ['GROWER', 'GET /exports/:id', 'denied'],
  ['SELLER', 'POST /imports', 'allowed'],
  ['DESIGNER', 'POST /imports', 'denied'],
  ...SYSTEM_ROLES.map((role): [SystemRole, string, 'allowed'] => [role, 'GET /auth/me', 'allowed']),
];

/** Every system role against every representative route, through the gateway's permission check and identity's. */
describe('role matrix', () => {
  let stack: Stack;
  const { call, root, account } = identityClient(() => stack);
  const callers = {} as Record<SystemRole, Account>;
  const fixtures: Fixtures = { victimId: '', customRoleIds: {} };

  beforeAll(async () => {
    stack = await startStack(['identity', 'catalog', 'analytics'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    const admin = await root();
    for (const role of SYSTEM_ROLES) callers[role] = await account([role], role); // exactly that role, nothing else
    fixtures.victimId = (await account(undefined, 'victim')).id;
    for (const role of SYSTEM_ROLES) {
      const created = await call('POST', '/roles', { token: admin.token, body: { name: `MATRIX_DEL_${role}_${stamp}`, permissions: [] } });
      fixtures.customRoleIds[role] = (await json(created)).id;
    }
  });

  afterAll(() => stack?.stop());

  it('gives each caller exactly one role, as the matrix assumes', async () => {
    for (const role of SYSTEM_ROLES)
      expect((await json(await call('GET', '/auth/me', { token: callers[role].token }))).roles).toEqual([role]);
  });

  it('is not trivial: every route but /auth/me is allowed for some system roles and denied for others', () => {
    for (const [name, route] of Object.entries(ROUTES).filter(([n]) => n !== 'GET /auth/me')) {
      const outcomes = new Set(SYSTEM_ROLES.map((role) => allowedByData(role, route)));
      expect([name, [...outcomes].sort()]).toEqual([name, [false, true]]);
    }
  });

  it('agrees with the hand-written cases before any request is made', () => {
    for (const [role, name, expected] of MUST)
      expect([role, name, allowedByData(role, ROUTES[name]) ? 'allowed' : 'denied']).toEqual([role, name, expected]);
  });

  describe.each([...SYSTEM_ROLES])('%s', (role) => {
    it.each(Object.keys(ROUTES))('%s', async (name) => {
      const route = ROUTES[name];
      const response = await call(route.method, route.path(fixtures, role), { token: callers[role].token, body: route.body?.(role) });
      const outcome = response.status === 403 ? 'denied' : 'allowed';
      const expected = allowedByData(role, route) ? 'allowed' : 'denied';
      const must = MUST.find(([r, n]) => r === role && n === name)?.[2];
      const body = await json(response);
      expect({ status: response.status, outcome }).toEqual({ status: expected === 'allowed' ? route.ok : 403, outcome: must ?? expected });
      if (outcome === 'denied') {
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(body).toMatchObject({
          status: 403,
          code: 'AUTH.PERMISSION_DENIED',
          missing: route.needs.filter((p) => !SYSTEM_ROLE_PERMISSIONS[role].permissions.includes(p)),
        });
      }
    });
  });
});
