/** Identity: the demo's people (registered like anyone, then given their role by the admin) and the seller team. */
import { Api, ApiError, itemsOf } from './http';
import { PEOPLE, Person, TEAM } from './world';

export interface Account {
  id: string;
  email: string;
  token: string;
}

export type People = Record<keyof typeof PEOPLE | 'admin', Account>;

async function signIn(api: Api, person: Pick<Person, 'email' | 'password'>): Promise<Account> {
  const { accessToken } = await api.call('POST', '/auth/login', { body: { email: person.email, password: person.password } });
  const me = await api.call('GET', '/auth/me', { token: accessToken });
  return { id: me.user.id, email: person.email, token: accessToken };
}

/** The admin `npm start` created; identity may report healthy a moment before its seeder has run. */
export async function signInAdmin(api: Api, admin: Person): Promise<Account> {
  // Three attempts, well spaced: each counts against the gateway's ten sign-ins a minute, and a wrong password five
  // times in a row would lock the admin's account.
  for (let attempt = 1; ; attempt++) {
    try {
      return await signIn(api, admin);
    } catch (err) {
      if (attempt < 3) {
        await new Promise((r) => setTimeout(r, 4000));
        continue;
      }
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      throw new Error(
        `cannot sign in as the admin ${admin.email}. The demo is seeded as the admin the suite was started with: ` +
          'start it with SEED_DEMO=true npm start on an empty database, or set SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD to those it was started with.',
      );
    }
  }
}

/**
 * The person's user id: found by the admin, or registered like anyone, then given exactly their role. Sign-ins are
 * left for the end (one each), because the gateway allows ten a minute from one address.
 */
async function ensurePerson(api: Api, admin: Account, person: Person): Promise<string> {
  const found = (await api.list(`/users?email=${encodeURIComponent(person.email)}`, admin.token)).find((u) => u.email === person.email);
  const user = found ?? (await api.call('POST', '/auth/register', { body: { email: person.email, password: person.password } }));
  const roles: string[] = found?.roles ?? [];
  if (roles.length !== 1 || roles[0] !== person.role) {
    await api.call('PUT', `/users/${user.id}/roles`, { token: admin.token, body: { roles: [person.role] } });
  }
  return user.id;
}

/** The demo's people and the seller team (led by the seller), then everyone signed in with their role and team. */
export async function seedPeople(api: Api, admin: Account): Promise<{ people: People; teamId: string }> {
  const ids = {} as Record<keyof typeof PEOPLE, string>;
  for (const [key, person] of Object.entries(PEOPLE)) ids[key as keyof typeof PEOPLE] = await ensurePerson(api, admin, person);
  const teamId = await seedTeam(api, admin, ids.seller);
  const people = { admin } as People;
  for (const [key, person] of Object.entries(PEOPLE)) people[key as keyof typeof PEOPLE] = await signIn(api, person);
  return { people, teamId };
}

async function seedTeam(api: Api, admin: Account, sellerId: string): Promise<string> {
  const teams = await api.list('/teams', admin.token);
  const team = teams.find((t) => t.name === TEAM) ?? (await api.call('POST', '/teams', { token: admin.token, body: { name: TEAM } }));
  const members: { userId: string }[] = itemsOf(await api.call('GET', `/teams/${team.id}/members`, { token: admin.token }));
  if (!members.some((m) => m.userId === sellerId)) {
    await api.call('POST', `/teams/${team.id}/members`, { token: admin.token, body: { userId: sellerId, isLeader: true } });
  }
  return team.id;
}
