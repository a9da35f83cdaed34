import { AppError, NatsClient, PeriodicJobs } from '@suite/platform';
import { OrdersDb } from '@suite/db/orders';
import { OrdersConfig } from '../config';
import { CheckoutRecoveryJob, claimInterrupted } from './checkout-recovery.job';
import { InFlightCheckouts } from './in-flight';

/** A database with `pending` interrupted orders: each claim hands out the next one, then none. */
function fakeDb(pending: string[]) {
  const calls: string[] = [];
  const tx = {
    $queryRaw: jest.fn(async () => (pending.length > 0 ? [{ id: pending.shift() }] : [])),
    order: {
      findUniqueOrThrow: jest.fn(async ({ where }: { where: { id: string } }) => ({ id: where.id, status: 'PENDING' })),
      updateMany: jest.fn(
        async ({ where, data }: { where: { id: string }; data: { status: string } }) => (
          calls.push(`${where.id} ${data.status}`),
          { count: 1 }
        ),
      ),
      update: jest.fn(async () => ({})),
    },
    orderStatusHistory: { create: jest.fn(async ({ data }: { data: { reason: string } }) => calls.push(data.reason)) },
    idempotencyKey: { deleteMany: jest.fn(async () => ({ count: 1 })) },
  };
  const db = { $transaction: jest.fn(async (fn: (t: typeof tx) => unknown) => fn(tx)), $executeRaw: jest.fn(async () => 0) };
  return { db: db as unknown as OrdersDb, calls };
}

const config = Object.assign(new OrdersConfig(), { CHECKOUT_STALE_SECONDS: 2 });
const recoveryJob = (db: OrdersDb, nats: NatsClient, jobs = new PeriodicJobs()) =>
  new CheckoutRecoveryJob(db, config, nats, new InFlightCheckouts(), jobs);

describe('checkout recovery', () => {
  it('selects only unplaced, not cancelled orders older than the stale age and not running here, one locked row at a time skipping locked ones', () => {
    const query = claimInterrupted(60, ['o9']);
    expect(query.sql.replace(/\s+/g, ' ')).toContain(
      "WHERE placed_at IS NULL AND status <> 'CANCELLED' AND created_at < now() - make_interval(secs => ?::int)",
    );
    expect(query.sql).toMatch(/LIMIT 1 FOR UPDATE SKIP LOCKED/);
    expect(query.sql).toContain('AND id <> ALL(?::uuid[])');
    expect(query.values).toEqual([60, ['o9']]);
  });

  it('releases the stock of each interrupted order, then cancels it with reason checkout_interrupted', async () => {
    const { db, calls } = fakeDb(['o1', 'o2']);
    const released: string[] = [];
    const nats = { call: jest.fn(async (_op: unknown, p: { orderId: string }) => released.push(p.orderId)) } as unknown as NatsClient;
    expect(await recoveryJob(db, nats).recover()).toBe(2);
    expect(released).toEqual(['o1', 'o2']);
    expect(calls).toEqual(['o1 CANCELLED', 'checkout_interrupted', 'o2 CANCELLED', 'checkout_interrupted']);
  });

  it('drops the stale keys of dead checkouts but never the key of a checkout this process is still running', async () => {
    const { db } = fakeDb([]);
    const live = new InFlightCheckouts();
    live.addKey('key-live');
    const job = new CheckoutRecoveryJob(db, config, { call: jest.fn() } as unknown as NatsClient, live, new PeriodicJobs());
    await job.recover();
    const [sql, ...values] = (db.$executeRaw as jest.Mock).mock.calls[0] as [TemplateStringsArray, ...unknown[]];
    expect(sql.join('?').replace(/\s+/g, ' ')).toContain(
      'WHERE response IS NULL AND order_id IS NULL AND created_at < now() - make_interval(secs => ?::int) AND key <> ALL(?::text[])',
    );
    expect(values).toEqual([2, ['key-live']]);
    live.deleteKey('key-live');
    await job.recover();
    expect((db.$executeRaw as jest.Mock).mock.calls[1].slice(1)).toEqual([2, []]);
  });

  it('cancels an order whose reserve never reached catalog (nothing to release)', async () => {
    const { db, calls } = fakeDb(['o1']);
    const nats = {
      call: jest.fn(async () => {
        throw new AppError('not_found', 'CATALOG.RESERVATION_NOT_FOUND', 'none');
      }),
    } as unknown as NatsClient;
    expect(await recoveryJob(db, nats).recover()).toBe(1);
    expect(calls).toEqual(['o1 CANCELLED', 'checkout_interrupted']);
  });

  it('leaves the order for the next pass when catalog cannot release it', async () => {
    const { db, calls } = fakeDb(['o1']);
    const nats = {
      call: jest.fn(async () => {
        throw new AppError('unavailable', 'PLATFORM.SERVICE_UNAVAILABLE', 'down');
      }),
    } as unknown as NatsClient;
    await expect(recoveryJob(db, nats).recover()).rejects.toMatchObject({ code: 'PLATFORM.SERVICE_UNAVAILABLE' });
    expect(calls).toEqual([]);
  });

  it('runs a pass at start-up and schedules the next ones every CHECKOUT_RECOVERY_INTERVAL_SECONDS', async () => {
    const { db, calls } = fakeDb(['o1']);
    const nats = { call: jest.fn(async () => ({})) } as unknown as NatsClient;
    const jobs = new PeriodicJobs();
    const schedule = jest.spyOn(jobs, 'schedule');
    recoveryJob(db, nats, jobs).onApplicationBootstrap();
    await jobs.onApplicationShutdown();
    expect(schedule).toHaveBeenCalledWith(
      expect.objectContaining({ name: CheckoutRecoveryJob.JOB, intervalMs: config.CHECKOUT_RECOVERY_INTERVAL_SECONDS * 1000 }),
    );
    expect(calls).toEqual(['o1 CANCELLED', 'checkout_interrupted']);
  });
});
