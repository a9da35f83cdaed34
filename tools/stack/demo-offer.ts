/**
 * Whether `npm start` loads the demo world: SEED_DEMO=true always (the seed is idempotent), SEED_DEMO=false never,
 * otherwise only on a first start (no user in the identity database yet) and only when someone can answer.
 */
import { createInterface } from 'node:readline/promises';
import { Client } from 'pg';

export type Ask = (question: string) => Promise<string>;

export interface DemoOfferInput {
  seedDemo: string | undefined;
  isTTY: boolean;
  /** Whether identity's database has no user yet (a first start). */
  firstStart: () => Promise<boolean>;
  ask: Ask;
}

export async function shouldSeedDemo({ seedDemo, isTTY, firstStart, ask }: DemoOfferInput): Promise<boolean> {
  const flag = seedDemo?.trim().toLowerCase();
  if (flag === 'true' || flag === '1') return true;
  if (flag === 'false' || flag === '0') return false;
  if (flag) throw new Error(`SEED_DEMO must be true or false, not "${seedDemo}"`);
  if (!isTTY || !(await firstStart())) return false;
  const answer = (await ask('Load the demo world? [Y/n] ')).trim().toLowerCase();
  return answer === '' || answer === 'y' || answer === 'yes';
}

/** No row in identity's users table. A database the migrations have just created counts as empty too. */
export async function identityHasNoUsers(identityDatabaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: identityDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM users) AS any');
    return !rows[0].any;
  } finally {
    await client.end();
  }
}

export const askOnTerminal: Ask = async (question) => {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
};
