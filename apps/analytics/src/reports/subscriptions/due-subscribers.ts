import type { Prisma } from '@suite/db/analytics';

const DAY = 86400000;
// A little under the period, so a daily report that ran a few seconds earlier than yesterday is still sent.
const PERIOD_MS: Record<string, number> = { DAILY: DAY - 3600000, WEEKLY: 7 * DAY - 3600000, MONTHLY: 28 * DAY };

/** Active subscriptions whose frequency makes them due at `now`: REAL_TIME always, the others once per period. */
export async function dueSubscribers(tx: Prisma.TransactionClient, reportId: string, now: Date) {
  const active = await tx.reportSubscription.findMany({ where: { reportId, isActive: true }, orderBy: { createdAt: 'asc' } });
  return active.filter(
    (s) => s.frequency === 'REAL_TIME' || !s.lastSentAt || now.getTime() - s.lastSentAt.getTime() >= PERIOD_MS[s.frequency],
  );
}
