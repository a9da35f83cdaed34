import { Client } from 'pg';
import { Account, identityClient } from './identity-client';
import { json } from './stack';

/**
 * Rows the product specs need from features built elsewhere: a team (through identity, as the
 * seeded admin) with a store and categories inserted directly into the catalog database.
 */
export function productFixtures(client: ReturnType<typeof identityClient>, db: () => Client) {
  const { call, root } = client;
  const teamWithStore = async (member: Account): Promise<string> => {
    const token = (await root()).token;
    const team = await json(await call('POST', '/teams', { token, body: { name: `Team of ${member.email}` } }));
    const added = await call('POST', `/teams/${team.id}/members`, { token, body: { userId: member.id } });
    if (added.status !== 201) throw new Error(`adding a member answered ${added.status}`);
    const store = await db().query(
      `INSERT INTO stores (id, team_id, name, platform, updated_at) VALUES (gen_random_uuid(), $1, 'Shop', 'SHOPIFY', now()) RETURNING id`,
      [team.id],
    );
    return store.rows[0].id;
  };
  const category = async (): Promise<string> =>
    (
      await db().query(
        `INSERT INTO categories (id, name, slug, updated_at) VALUES (gen_random_uuid(), 'Mugs', 'mugs-' || gen_random_uuid(), now()) RETURNING id`,
      )
    ).rows[0].id;
  return { teamWithStore, category };
}
