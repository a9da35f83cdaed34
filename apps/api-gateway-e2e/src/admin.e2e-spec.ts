import { Client } from 'pg';
import { ALL_PERMISSIONS } from '@suite/contracts/identity';
import { eventually } from './processes';
import { answerWithin, identityClient, ROOT } from './identity-client';
import { json, Stack, startStack } from './stack';

/** Teams, roles, user administration, impersonation and the audit log, through the gateway and in the database. */
describe('administration through the gateway', () => {
  let stack: Stack;
  let db: Client;
  const { call, root, account } = identityClient(() => stack);
  const auditRows = (where: string, params: unknown[]) =>
    db.query(
      `SELECT action, user_id, impersonator_id, entity, entity_id, old_values, new_values, request_id FROM audit_logs WHERE ${where} ORDER BY timestamp, id`,
      params,
    );

  beforeAll(async () => {
    stack = await startStack(['identity'], { SEED_ADMIN_EMAIL: ROOT.email, SEED_ADMIN_PASSWORD: ROOT.password });
    db = await stack.db('identity');
  });

  afterAll(() => stack?.stop());

  describe('teams', () => {
    it('makes the creator the one leader, puts the team id in the caller identity, and hides other teams (404)', async () => {
      const [alice, bob] = [await account(['LEADER', 'USER'], 'alice'), await account(['LEADER', 'USER'], 'bob')];
      const created = await call('POST', '/teams', { token: alice.token, body: { name: 'Shiitake sellers', description: 'North' } });
      expect(created.status).toBe(201);
      const team = await json(created);
      expect(team).toMatchObject({ name: 'Shiitake sellers', leaderId: alice.id });
      expect((await json(await call('GET', '/auth/me', { token: alice.token }))).teamIds).toEqual([team.id]);
      const members = await json(await call('GET', `/teams/${team.id}/members`, { token: alice.token }));
      expect(members).toEqual([expect.objectContaining({ userId: alice.id, email: alice.email, isLeader: true })]);

      const other = await json(await call('POST', '/teams', { token: bob.token, body: { name: 'Oyster sellers' } }));
      for (const [method, path, body] of [
        ['GET', `/teams/${other.id}`],
        ['PATCH', `/teams/${other.id}`, { name: 'mine now' }],
        ['GET', `/teams/${other.id}/members`],
        ['POST', `/teams/${other.id}/members`, { userId: alice.id }],
        ['DELETE', `/teams/${other.id}`],
      ] as const) {
        const response = await call(method, path, { token: alice.token, body });
        expect([method, path, response.status]).toEqual([method, path, 404]);
        expect((await json(response)).code).toBe('IDENTITY.TEAM_NOT_FOUND');
      }
      expect((await call('GET', '/teams/00000000-0000-4000-8000-000000000000', { token: alice.token })).status).toBe(404);
      const listed = await json(await call('GET', '/teams', { token: alice.token }));
      expect(listed.items.map((t: { id: string }) => t.id)).toEqual([team.id]);
      const everything = await json(await call('GET', '/teams?limit=100', { token: (await root()).token }));
      expect(everything.items.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining([team.id, other.id]));
      expect((await db.query('SELECT name FROM teams WHERE id = $1', [other.id])).rows).toEqual([{ name: 'Oyster sellers' }]);
    });

    it('keeps exactly one leader: handing over demotes the old one, the leader leaves only by naming the next', async () => {
      const [alice, carol, dave] = [
        await account(['LEADER', 'USER'], 'alice'),
        await account(['LEADER', 'USER'], 'carol'),
        await account(undefined, 'dave'),
      ];
      const team = await json(await call('POST', '/teams', { token: alice.token, body: { name: 'Enoki' } }));
      expect((await call('POST', `/teams/${team.id}/members`, { token: alice.token, body: { userId: carol.id } })).status).toBe(201);
      expect((await call('POST', `/teams/${team.id}/members`, { token: alice.token, body: { userId: dave.id } })).status).toBe(201);
      const again = await call('POST', `/teams/${team.id}/members`, { token: alice.token, body: { userId: dave.id } });
      expect([again.status, (await json(again)).code]).toEqual([409, 'IDENTITY.ALREADY_TEAM_MEMBER']);

      const handover = await call('POST', `/teams/${team.id}/members`, { token: alice.token, body: { userId: carol.id, isLeader: true } });
      expect(handover.status).toBe(201);
      const leaders = (await json(handover)).filter((m: { isLeader: boolean }) => m.isLeader).map((m: { userId: string }) => m.userId);
      expect(leaders).toEqual([carol.id]);
      expect((await db.query('SELECT user_id FROM team_members WHERE team_id = $1 AND is_leader', [team.id])).rows).toEqual([
        { user_id: carol.id },
      ]);
      expect((await db.query('SELECT leader_id FROM teams WHERE id = $1', [team.id])).rows).toEqual([{ leader_id: carol.id }]);

      // The demoted leader is a member now: sees the team, may not change it.
      expect((await call('GET', `/teams/${team.id}`, { token: alice.token })).status).toBe(200);
      const demoted = await call('PATCH', `/teams/${team.id}`, { token: alice.token, body: { name: 'Alice was here' } });
      expect([demoted.status, (await json(demoted)).code]).toEqual([403, 'IDENTITY.NOT_TEAM_LEADER']);

      // Two hand-overs at once: the team row is locked per change, so the second one finds carol no longer leads.
      const race = await Promise.all(
        [alice.id, dave.id].map((userId) =>
          call('POST', `/teams/${team.id}/members`, { token: carol.token, body: { userId, isLeader: true } }),
        ),
      );
      expect(race.map((r) => r.status).sort()).toEqual([201, 403]);
      const afterRace = await db.query('SELECT user_id FROM team_members WHERE team_id = $1 AND is_leader', [team.id]);
      expect(afterRace.rows).toHaveLength(1);
      const leader = afterRace.rows[0].user_id as string;
      expect([alice.id, dave.id]).toContain(leader);
      const managerToken = (await root()).token; // an admin manages any team

      const noHeir = await call('DELETE', `/teams/${team.id}/members/${leader}`, { token: managerToken });
      expect([noHeir.status, (await json(noHeir)).code]).toEqual([409, 'IDENTITY.TEAM_NEEDS_LEADER']);
      const stranger = await call('DELETE', `/teams/${team.id}/members/${leader}?newLeaderId=${(await account()).id}`, {
        token: managerToken,
      });
      expect([stranger.status, (await json(stranger)).errors[0].field]).toEqual([400, 'newLeaderId']);
      const handed = await call('DELETE', `/teams/${team.id}/members/${leader}?newLeaderId=${carol.id}`, { token: managerToken });
      expect(handed.status).toBe(200);
      expect((await json(handed)).filter((m: { isLeader: boolean }) => m.isLeader).map((m: { userId: string }) => m.userId)).toEqual([
        carol.id,
      ]);

      const actions = (await auditRows("entity = 'Team' AND entity_id = $1", [team.id])).rows.map((r) => r.action);
      expect(actions).toEqual([
        'team.create',
        'team.member.add',
        'team.member.add',
        'team.leader.change',
        'team.leader.change',
        'team.member.remove',
      ]);
      const change = (await auditRows("entity = 'Team' AND entity_id = $1 AND action = 'team.leader.change'", [team.id])).rows[0];
      expect(change).toMatchObject({
        user_id: alice.id,
        old_values: { leaderId: alice.id },
        new_values: { leaderId: carol.id, userId: carol.id, isLeader: true },
      });

      expect((await call('DELETE', `/teams/${team.id}`, { token: carol.token })).status).toBe(200);
      expect((await call('GET', `/teams/${team.id}`, { token: carol.token })).status).toBe(404);
      expect((await db.query('SELECT count(*)::int AS n FROM team_members WHERE team_id = $1', [team.id])).rows[0].n).toBe(0);
      expect((await auditRows("action = 'team.delete' AND entity_id = $1", [team.id])).rows[0].old_values).toMatchObject({
        name: 'Enoki',
        memberIds: expect.any(Array),
      });
    });
  });

  describe('roles and permissions', () => {
    it('creates, changes and deletes a custom role with audit rows holding before and after', async () => {
      const admin = await root();
      const name = `CHAMBER_AUDITOR_${Date.now()}`;
      const created = await call('POST', '/roles', {
        token: admin.token,
        body: { name, description: 'Reads chambers', permissions: ['devices:read', 'reports:read'] },
      });
      expect(created.status).toBe(201);
      const role = await json(created);
      expect(role).toMatchObject({ name, isSystem: false, permissions: ['devices:read', 'reports:read'] });
      const duplicate = await call('POST', '/roles', { token: admin.token, body: { name, permissions: [] } });
      expect([duplicate.status, (await json(duplicate)).code]).toEqual([409, 'IDENTITY.ROLE_NAME_TAKEN']);
      const unknown = await call('POST', '/roles', {
        token: admin.token,
        body: { name: `${name}_2`, permissions: ['devices:read', 'devices:fly'] },
      });
      expect(unknown.status).toBe(400);
      expect(await json(unknown)).toMatchObject({
        code: 'IDENTITY.UNKNOWN_PERMISSION',
        errors: [{ field: 'permissions', messages: ['unknown permission: devices:fly'] }],
      });
      expect((await db.query('SELECT count(*)::int AS n FROM roles WHERE name = $1', [`${name}_2`])).rows[0].n).toBe(0);

      const updated = await call('PATCH', `/roles/${role.id}`, {
        token: admin.token,
        body: { name: `${name}_X`, permissions: ['devices:read', 'alerts:read'] },
      });
      expect(updated.status).toBe(200);
      expect(await json(updated)).toMatchObject({ name: `${name}_X`, permissions: ['alerts:read', 'devices:read'] });
      const roles = await json(await call('GET', '/roles', { token: admin.token }));
      expect(roles.find((r: { id: string }) => r.id === role.id).permissions).toEqual(['alerts:read', 'devices:read']);
      expect(roles.find((r: { name: string }) => r.name === 'SUPER_ADMIN')).toMatchObject({
        isSystem: true,
        permissions: expect.arrayContaining(['roles:delete']),
      });

      expect((await call('DELETE', `/roles/${role.id}`, { token: admin.token })).status).toBe(200);
      expect((await db.query('SELECT count(*)::int AS n FROM roles WHERE id = $1', [role.id])).rows[0].n).toBe(0);
      const audit = (await auditRows("entity = 'Role' AND entity_id = $1", [role.id])).rows;
      expect(audit.map((r) => r.action)).toEqual(['role.create', 'role.update', 'role.delete']);
      expect(audit[0]).toMatchObject({
        user_id: admin.id,
        old_values: null,
        new_values: { name, permissions: ['devices:read', 'reports:read'] },
      });
      expect(audit[1]).toMatchObject({
        old_values: { name, permissions: ['devices:read', 'reports:read'] },
        new_values: { name: `${name}_X`, permissions: ['alerts:read', 'devices:read'] },
      });
      expect(audit[2]).toMatchObject({ old_values: { name: `${name}_X`, assignedUsers: 0 }, new_values: null });
      expect(audit[0].request_id).toEqual(expect.any(String));
    });

    it('protects system roles: never deleted or renamed, permissions only added', async () => {
      const admin = await root();
      const roles = await json(await call('GET', '/roles', { token: admin.token }));
      const designer = roles.find((r: { name: string }) => r.name === 'DESIGNER');
      const deleted = await call('DELETE', `/roles/${designer.id}`, { token: admin.token });
      expect([deleted.status, (await json(deleted)).code]).toEqual([409, 'IDENTITY.SYSTEM_ROLE']);
      const renamed = await call('PATCH', `/roles/${designer.id}`, { token: admin.token, body: { name: 'ARTIST' } });
      expect([renamed.status, (await json(renamed)).code]).toEqual([409, 'IDENTITY.SYSTEM_ROLE']);
      const shrunk = await call('PATCH', `/roles/${designer.id}`, {
        token: admin.token,
        body: { permissions: designer.permissions.slice(1) },
      });
      expect([shrunk.status, (await json(shrunk)).code]).toEqual([409, 'IDENTITY.SYSTEM_ROLE']);
      const grown = await call('PATCH', `/roles/${designer.id}`, {
        token: admin.token,
        body: { description: 'Designs and reports', permissions: [...designer.permissions, 'reports:read'] },
      });
      expect(grown.status).toBe(200);
      expect(await json(grown)).toMatchObject({
        name: 'DESIGNER',
        description: 'Designs and reports',
        permissions: expect.arrayContaining(['reports:read', ...designer.permissions]),
      });
      expect((await db.query('SELECT name, is_system FROM roles WHERE id = $1', [designer.id])).rows).toEqual([
        { name: 'DESIGNER', is_system: true },
      ]);
      expect((await auditRows("entity = 'Role' AND entity_id = $1", [designer.id])).rows.map((r) => r.action)).toEqual(['role.update']);
      const permissions = await json(await call('GET', '/permissions', { token: admin.token }));
      expect(permissions).toHaveLength(ALL_PERMISSIONS.length);
      expect(permissions).toContainEqual(expect.objectContaining({ name: 'audit-logs:read', resource: 'audit-logs', action: 'read' }));
    });

    it('does not let an ADMIN hand out permissions they lack, through a role or SUPER_ADMIN', async () => {
      const admin = await account(['ADMIN', 'USER'], 'admin');
      const escalation = await call('POST', '/roles', {
        token: admin.token,
        body: { name: `SNEAKY_${Date.now()}`, permissions: ['roles:delete'] },
      });
      expect(escalation.status).toBe(403);
      expect(await json(escalation)).toMatchObject({ code: 'IDENTITY.PERMISSION_ESCALATION', permissions: ['roles:delete'] });
      const superGrant = await call('PUT', `/users/${admin.id}/roles`, {
        token: admin.token,
        body: { roles: ['SUPER_ADMIN', 'ADMIN', 'USER'] },
      });
      expect([superGrant.status, (await json(superGrant)).code]).toEqual([403, 'IDENTITY.SUPER_ADMIN_REQUIRED']);
      const rootUser = await root();
      const demote = await call('PUT', `/users/${rootUser.id}/roles`, { token: admin.token, body: { roles: ['USER'] } });
      expect([demote.status, (await json(demote)).code]).toEqual([403, 'IDENTITY.SUPER_ADMIN_REQUIRED']);
    });
  });

  describe('users', () => {
    it('applies new roles from the next request, audits before/after and refuses unknown roles by name', async () => {
      const admin = await root();
      const agent = await account(undefined, 'agent');
      const denied = await call('GET', '/users', { token: agent.token });
      expect([denied.status, (await json(denied)).code]).toEqual([403, 'AUTH.PERMISSION_DENIED']);
      const unknown = await call('PUT', `/users/${agent.id}/roles`, { token: admin.token, body: { roles: ['USER', 'WIZARD'] } });
      expect(unknown.status).toBe(400);
      expect(await json(unknown)).toMatchObject({
        code: 'IDENTITY.UNKNOWN_ROLE',
        errors: [{ field: 'roles', messages: ['unknown role: WIZARD'] }],
      });

      const set = await call('PUT', `/users/${agent.id}/roles`, { token: admin.token, body: { roles: ['USER', 'SUPPORT'] } });
      expect(set.status).toBe(200);
      expect(await json(set)).toMatchObject({ id: agent.id, role: 'SUPPORT', roles: ['SUPPORT', 'USER'], isActive: true });
      // Same access token, no new sign-in: identity's AccessChanged drops the gateway's cached session within 1 s.
      const allowed = await answerWithin(200, () =>
        call('GET', `/users?email=${encodeURIComponent(agent.email.toUpperCase())}`, { token: agent.token }),
      );
      expect(allowed.status).toBe(200);
      const page = await json(allowed);
      expect(page.items).toEqual([expect.objectContaining({ id: agent.id, roles: ['SUPPORT', 'USER'] })]);
      expect(JSON.stringify(page)).not.toMatch(/password|argon|secret|backup|verification/i);
      expect(
        (
          await db.query(
            'SELECT a.assigned_by_id FROM user_role_assignments a JOIN roles r ON r.id = a.role_id WHERE a.user_id = $1 AND r.name = $2',
            [agent.id, 'SUPPORT'],
          )
        ).rows[0].assigned_by_id,
      ).toBe(admin.id);
      const [row] = (await auditRows("action = 'user.roles.set' AND entity_id = $1", [agent.id])).rows;
      expect(row).toMatchObject({
        user_id: admin.id,
        entity: 'User',
        old_values: { roles: ['USER'] },
        new_values: { roles: ['SUPPORT', 'USER'] },
      });

      const bySupport = await json(await call('GET', '/users?role=SUPPORT&isActive=true&limit=100', { token: admin.token }));
      expect(bySupport.items.map((u: { id: string }) => u.id)).toContain(agent.id);
      expect((await json(await call('GET', '/users?role=SUPPORT&isActive=false', { token: admin.token }))).items).toEqual([]);
      expect(await json(await call('GET', `/users/${agent.id}`, { token: admin.token }))).toMatchObject({
        email: agent.email,
        roles: ['SUPPORT', 'USER'],
      });
      expect((await call('GET', '/users/not-a-uuid', { token: admin.token })).status).toBe(400);
      expect((await call('GET', '/users/00000000-0000-4000-8000-000000000000', { token: admin.token })).status).toBe(404);
    });

    it('pages through users with a cursor', async () => {
      const admin = await root();
      for (let i = 0; i < 3; i++) await account(undefined, 'pager');
      const first = await json(await call('GET', '/users?email=pager&limit=2', { token: admin.token }));
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await json(await call('GET', `/users?email=pager&limit=2&cursor=${first.nextCursor}`, { token: admin.token }));
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(new Set([...first.items, ...second.items].map((u: { id: string }) => u.id)).size).toBe(3);
    });

    it("applies a change of a role's permissions to its holders' live sessions within 1 s", async () => {
      const admin = await root();
      const reader = await account(undefined, 'reader');
      const role = await json(
        await call('POST', '/roles', { token: admin.token, body: { name: `TEAM_READER_${Date.now()}`, permissions: ['teams:read'] } }),
      );
      expect((await call('PUT', `/users/${reader.id}/roles`, { token: admin.token, body: { roles: ['USER', role.name] } })).status).toBe(
        200,
      );
      expect((await answerWithin(200, () => call('GET', '/teams', { token: reader.token }))).status).toBe(200); // cached now
      expect((await call('PATCH', `/roles/${role.id}`, { token: admin.token, body: { permissions: [] } })).status).toBe(200);
      const after = await answerWithin(403, () => call('GET', '/teams', { token: reader.token }));
      expect([after.status, (await json(after)).code]).toEqual([403, 'AUTH.PERMISSION_DENIED']);
    });

    it('disables an account: its sessions end at once; enabling lets it sign in again', async () => {
      const admin = await root();
      const target = await account(undefined, 'disabled');
      const off = await call('PATCH', `/users/${target.id}`, { token: admin.token, body: { isActive: false } });
      expect(off.status).toBe(200);
      expect((await json(off)).isActive).toBe(false);
      expect((await answerWithin(401, () => call('GET', '/auth/me', { token: target.token }))).status).toBe(401);
      expect((await db.query('SELECT DISTINCT status, revoked_reason FROM sessions WHERE user_id = $1', [target.id])).rows).toEqual([
        { status: 'REVOKED', revoked_reason: 'account_disabled' },
      ]);
      expect((await auditRows("action = 'user.deactivate' AND entity_id = $1", [target.id])).rows[0]).toMatchObject({
        old_values: { isActive: true },
        new_values: { isActive: false, revokedSessions: 1 },
      });
      expect((await call('PATCH', `/users/${admin.id}`, { token: admin.token, body: { isActive: false } })).status).toBe(409);
      expect((await call('PATCH', `/users/${target.id}`, { token: admin.token, body: { isActive: true } })).status).toBe(200);
      expect((await call('POST', '/auth/login', { body: { email: target.email, password: 'Shiitake#Grow42' } })).status).toBe(200);
    });
  });

  describe('impersonation', () => {
    it('starts, shows the impersonator in /auth/me, audits what is done meanwhile, and ends', async () => {
      const admin = await root();
      const seller = await account(['LEADER', 'USER'], 'seller');
      const started = await call('POST', `/admin/impersonate/${seller.id}`, { token: admin.token, body: { reason: 'Ticket 4711' } });
      expect(started.status).toBe(201);
      const session = await json(started);
      expect(session).toMatchObject({
        targetUserId: seller.id,
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        impersonationId: expect.any(String),
      });
      const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ sub: seller.id, act: { sub: admin.id } });
      const me = await json(await call('GET', '/auth/me', { token: session.accessToken }));
      expect(me).toMatchObject({ user: { id: seller.id }, impersonatorId: admin.id, roles: ['LEADER', 'USER'] });
      const sessionId = session.refreshToken.split('.')[0];
      expect(
        (
          await db.query('SELECT admin_id, target_user_id, session_id, reason, ended_at FROM impersonation_sessions WHERE id = $1', [
            session.impersonationId,
          ])
        ).rows,
      ).toEqual([{ admin_id: admin.id, target_user_id: seller.id, session_id: sessionId, reason: 'Ticket 4711', ended_at: null }]);
      expect((await db.query('SELECT impersonator_id FROM sessions WHERE id = $1', [sessionId])).rows).toEqual([
        { impersonator_id: admin.id },
      ]);

      // An action under impersonation: audited by identity as the change, and by the gateway as the request.
      const team = await json(
        await call('POST', '/teams', {
          token: session.accessToken,
          body: { name: 'Made while impersonating' },
          headers: { 'x-request-id': 'impersonated-req-1' },
        }),
      );
      expect((await auditRows("action = 'team.create' AND entity_id = $1", [team.id])).rows[0]).toMatchObject({
        user_id: seller.id,
        impersonator_id: admin.id,
        request_id: 'impersonated-req-1',
      });
      const request = await eventually(
        () => auditRows("action = 'impersonation.request' AND request_id = $1", ['impersonated-req-1']),
        (r) => r.rows.length === 1,
        5000,
      );
      expect(request.rows[0]).toMatchObject({
        user_id: seller.id,
        impersonator_id: admin.id,
        entity: 'HttpRoute',
        entity_id: 'POST /api/v1/teams',
        new_values: { method: 'POST', route: '/api/v1/teams', status: 201 },
      });
      // Reads are not recorded by the gateway.
      await call('GET', '/teams', { token: session.accessToken, headers: { 'x-request-id': 'impersonated-read-1' } });

      const ended = await call('DELETE', '/admin/impersonate', { token: session.accessToken });
      expect(ended.status).toBe(200);
      expect(await json(ended)).toEqual({ ended: true, impersonationId: session.impersonationId });
      expect((await answerWithin(401, () => call('GET', '/auth/me', { token: session.accessToken }))).status).toBe(401);
      expect(
        (await db.query('SELECT ended_at FROM impersonation_sessions WHERE id = $1', [session.impersonationId])).rows[0].ended_at,
      ).toBeInstanceOf(Date);
      expect((await db.query('SELECT status, revoked_reason FROM sessions WHERE id = $1', [sessionId])).rows).toEqual([
        { status: 'REVOKED', revoked_reason: 'impersonation_ended' },
      ]);
      const trail = (await auditRows('entity_id = $1', [session.impersonationId])).rows;
      expect(trail.map((r) => [r.action, r.user_id, r.impersonator_id])).toEqual([
        ['impersonation.start', admin.id, null],
        ['impersonation.end', seller.id, admin.id],
      ]);
      expect(trail[0].new_values).toMatchObject({ targetUserId: seller.id, reason: 'Ticket 4711' });
      expect((await auditRows("request_id = 'impersonated-read-1'", [])).rows).toEqual([]);
      const notImpersonating = await call('DELETE', '/admin/impersonate', { token: admin.token });
      expect([notImpersonating.status, (await json(notImpersonating)).code]).toEqual([409, 'IDENTITY.NOT_IMPERSONATING']);
    });

    it('refuses an ADMIN acting as a SUPER_ADMIN, anyone acting as themselves, non-admins, and nesting', async () => {
      const rootUser = await root();
      const admin = await account(['ADMIN', 'USER'], 'admin');
      const toSuper = await call('POST', `/admin/impersonate/${rootUser.id}`, { token: admin.token });
      expect(toSuper.status).toBe(403);
      expect(toSuper.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await json(toSuper)).code).toBe('IDENTITY.IMPERSONATION_FORBIDDEN');
      const self = await call('POST', `/admin/impersonate/${admin.id}`, { token: admin.token });
      expect([self.status, (await json(self)).code]).toEqual([400, 'IDENTITY.CANNOT_IMPERSONATE_SELF']);
      const support = await account(['SUPPORT', 'USER'], 'support');
      expect((await call('POST', `/admin/impersonate/${admin.id}`, { token: support.token })).status).toBe(403);

      const asAdmin = await json(await call('POST', `/admin/impersonate/${admin.id}`, { token: rootUser.token, body: {} }));
      const nested = await call('POST', `/admin/impersonate/${support.id}`, { token: asAdmin.accessToken });
      expect([nested.status, (await json(nested)).code]).toEqual([409, 'IDENTITY.ALREADY_IMPERSONATING']);
      // The refused attempt was made under impersonation, so the gateway recorded it too.
      const recorded = await eventually(
        () => auditRows("action = 'impersonation.request' AND impersonator_id = $1 AND user_id = $2", [rootUser.id, admin.id]),
        (r) => r.rows.length === 1,
        5000,
      );
      expect(recorded.rows[0].new_values).toEqual({ method: 'POST', route: '/api/v1/admin/impersonate/:userId', status: 409 });
      expect(
        (await db.query('SELECT count(*)::int AS n FROM impersonation_sessions WHERE target_user_id = $1', [rootUser.id])).rows[0].n,
      ).toBe(0);
    });
  });

  describe('audit log', () => {
    it('filters by user, action, entity, entity id and time, newest first, with cursor pagination', async () => {
      const admin = await root();
      const started = new Date().toISOString();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          (
            await json(
              await call('POST', '/roles', {
                token: admin.token,
                body: { name: `AUDITED_${Date.now()}_${i}`, permissions: ['reports:read'] },
              }),
            )
          ).id,
        );
      const query = `/audit-logs?action=role.create&userId=${admin.id}&from=${encodeURIComponent(started)}`;
      const first = await json(await call('GET', `${query}&limit=2`, { token: admin.token }));
      expect(first.items.map((r: { entityId: string }) => r.entityId)).toEqual([ids[4], ids[3]]);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await json(await call('GET', `${query}&limit=2&cursor=${first.nextCursor}`, { token: admin.token }));
      expect(second.items.map((r: { entityId: string }) => r.entityId)).toEqual([ids[2], ids[1]]);
      const third = await json(await call('GET', `${query}&limit=2&cursor=${second.nextCursor}`, { token: admin.token }));
      expect(third.items.map((r: { entityId: string }) => r.entityId)).toEqual([ids[0]]);
      expect(third.nextCursor).toBeNull();
      expect(first.items[0]).toMatchObject({
        userId: admin.id,
        action: 'role.create',
        entity: 'Role',
        impersonatorId: null,
        newValues: { permissions: ['reports:read'] },
      });

      const one = await json(await call('GET', `/audit-logs?entity=Role&entityId=${ids[2]}`, { token: admin.token }));
      expect(one.items.map((r: { action: string }) => r.action)).toEqual(['role.create']);
      expect(
        (
          await json(
            await call('GET', `/audit-logs?action=role.create&to=${encodeURIComponent(started)}&entityId=${ids[0]}`, {
              token: admin.token,
            }),
          )
        ).items,
      ).toEqual([]);
      expect(
        (
          await json(
            await call('GET', `/audit-logs?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, {
              token: admin.token,
            }),
          )
        ).items,
      ).toEqual([]);

      const badCursor = await call('GET', '/audit-logs?cursor=eyJ0Ijoibm9wZSJ9', { token: admin.token });
      expect([badCursor.status, (await json(badCursor)).code]).toEqual([400, 'PLATFORM.INVALID_CURSOR']);
      const badFilter = await call('GET', '/audit-logs?userId=someone&from=yesterday', { token: admin.token });
      expect(badFilter.status).toBe(400);
      expect((await json(badFilter)).errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'userId']);
      const outsider = await account(['SUPPORT', 'USER'], 'outsider');
      const denied = await call('GET', '/audit-logs', { token: outsider.token });
      expect([denied.status, (await json(denied)).code]).toEqual([403, 'AUTH.PERMISSION_DENIED']);
    });
  });
});
