/** Identity: the demo's people (registered like anyone, then given their role by the admin) and the seller team. */
import { Api, ApiError, itemsOf } from './http';
import { PEOPLE, Person, TEAM } from './world';

export interface Account {
  id: string;
  email: string;
  token: string;
}

export type People = Record<keyof typeof PEOPLE | 'admin', Account>;

export async function signIn(api: Api, person: Pick<Person, 'email' | 'password'>): Promise<Account> {
  const { accessToken } = await api.call('POST', '/auth/login', { body: { email: person.email, password: person.password } });
  const me = await api.call('GET', '/auth/me', { token: accessToken });
  return { id: me.user.id, email: person.email, token: accessToken };
}

/** The admin `npm start` created; identity may report healthy a moment before its seeder has run. */
export async function signInAdmin(api: Api, admin: Person): Promise<Account> {
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      return await signIn(api, admin);
    } catch (err) {
      if (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
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

/** Signs the person in, registering them first when they do not exist yet, and gives them exactly their role. */
async function ensurePerson(api: Api, admin: Account, person: Person): Promise<Account> {
  let account: Account;
  try {
    account = await signIn(api, person);
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 401) throw err;
    await api.call('POST', '/auth/register', { body: { email: person.email, password: person.password } });
    account = await signIn(api, person);
  }
  const user = await api.call('GET', `/users/${account.id}`, { token: admin.token });
  if (user.roles.length === 1 && user.roles[0] === person.role) return account;
  await api.call('PUT', `/users/${account.id}/roles`, { token: admin.token, body: { roles: [person.role] } });
  // A fresh token, so nothing downstream depends on how quickly the gateway hears of the new role.
  return signIn(api, person);
}

export async function seedPeople(api: Api, admin: Account): Promise<People> {
  const people = { admin } as People;
  for (const [key, person] of Object.entries(PEOPLE)) people[key as keyof typeof PEOPLE] = await ensurePerson(api, admin, person);
  return people;
}

/** The seller team, led by the seller. */
export async function seedTeam(api: Api, people: People): Promise<string> {
  const teams = await api.list('/teams', people.admin.token);
  const team =
    teams.find((t) => t.name === TEAM) ?? (await api.call('POST', '/teams', { token: people.admin.token, body: { name: TEAM } }));
  const members: { userId: string }[] = itemsOf(await api.call('GET', `/teams/${team.id}/members`, { token: people.admin.token }));
  if (!members.some((m) => m.userId === people.seller.id)) {
    await api.call('POST', `/teams/${team.id}/members`, { token: people.admin.token, body: { userId: people.seller.id, isLeader: true } });
  }
  return team.id;
}
