import { Logger } from '@nestjs/common';
import { AnalyticsPrismaClient } from '@suite/db/analytics';
import { databaseUrlFor } from '../config/database-url';
import { createPrismaClient, PrismaLike } from '../db/prisma.module';
import { PeriodicJobs } from './periodic-job';

/** The singleton lock against real PostgreSQL: the advisory lock needs no table, so the server's own database serves. */
describe('PeriodicJobs singleton lock', () => {
  const url = databaseUrlFor('analytics', { ...process.env, DATABASE_NAME_PREFIX: '' }).replace(/\/[^/?]+(\?|$)/, '/postgres$1');
  const clients: PrismaLike[] = [];
  const replicas: PeriodicJobs[] = [];

  beforeAll(() => {
    Logger.overrideLogger(false);
    for (let i = 0; i < 2; i++) {
      const db = createPrismaClient<PrismaLike>(AnalyticsPrismaClient, url, 2);
      clients.push(db);
      replicas.push(new PeriodicJobs(db));
    }
  });

  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.onApplicationShutdown()));
    await Promise.all(clients.map((c) => c.$disconnect()));
  });

  it('lets two replicas never run a pass of the same job at the same time', async () => {
    const name = `spec-singleton-${process.pid}-${Date.now()}`;
    let running = 0;
    let most = 0;
    const passes = [0, 0];
    replicas.forEach((jobs, i) =>
      jobs.schedule({
        name,
        intervalMs: 5,
        singleton: true,
        run: async () => {
          most = Math.max(most, ++running);
          await new Promise((r) => setTimeout(r, 15));
          running--;
          passes[i]++;
        },
      }),
    );
    const deadline = Date.now() + 10000;
    while (passes[0] + passes[1] < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(passes[0] + passes[1]).toBeGreaterThanOrEqual(20);
    expect(most).toBe(1);
  });
});
