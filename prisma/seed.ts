/**
 * `node dist/prisma/seed.js [service...]`: loads demo data into the services' databases (run
 * db:migrate first). Every seed upserts, so running it again changes nothing. One module per
 * service in seeds/<service>.ts exports `seed(db)`; register it in SEEDS below.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { databaseUrlFor } from '@suite/platform/config';
import type { ServiceName } from '@suite/platform/config';
import { describeError, parseServices, runCli } from './engine';
import * as analytics from './seeds/analytics';

type Seeder = (url: string) => Promise<void>;

/** Opens the service's own client on `url`, seeds, and always disconnects. */
function seeder<Db extends { $disconnect(): Promise<void> }>(
  Client: new (options: { adapter: PrismaPg }) => Db,
  seed: (db: Db) => Promise<void>,
): Seeder {
  return async (url) => {
    const db = new Client({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      await seed(db);
    } finally {
      await db.$disconnect();
    }
  };
}

export const SEEDS: Partial<Record<ServiceName, Seeder>> = {
  analytics: seeder(AnalyticsPrismaClient, analytics.seed),
};

/** Seeds the named services (default: all that have a seed), one after another. */
export async function seedAll(env: NodeJS.ProcessEnv = process.env, services?: readonly ServiceName[]): Promise<ServiceName[]> {
  const targets = (services ?? (Object.keys(SEEDS) as ServiceName[])).filter((s) => SEEDS[s]);
  for (const service of targets) {
    try {
      await SEEDS[service]!(databaseUrlFor(service, env));
    } catch (err) {
      throw new Error(`${service}: ${describeError(err)}`);
    }
  }
  return targets;
}

if (require.main === module) {
  runCli('seed failed: ', async () => {
    const args = process.argv.slice(2);
    const seeded = await seedAll(process.env, args.length ? parseServices(args) : undefined);
    console.log(seeded.length ? `seeded ${seeded.join(', ')}` : 'nothing to seed');
  });
}
