import { enqueueEvent } from '../outbox/outbox';
import { OutboxRelay } from '../outbox/outbox-relay';
import { PrismaLike } from './prisma.module';
import { currentTransaction, UnitOfWork } from './unit-of-work';

/** A database whose transactions are plain objects; `commit` can be made to fail. */
function fakeDb() {
  const log: string[] = [];
  let opened = 0;
  const db = {
    failCommit: false,
    log,
    $transaction: jest.fn(async (fn: (tx: unknown) => Promise<unknown>) => {
      const tx = { id: ++opened, $executeRawUnsafe: jest.fn(async () => 1) };
      log.push(`begin ${tx.id}`);
      const result = await fn(tx).catch((error) => {
        log.push(`rollback ${tx.id}`);
        throw error;
      });
      if (db.failCommit) throw new Error('commit failed');
      log.push(`commit ${tx.id}`);
      return result;
    }),
  };
  return db;
}

describe('UnitOfWork', () => {
  let db: ReturnType<typeof fakeDb>;
  let relay: { kick: jest.Mock };
  let uow: UnitOfWork<{ id: number; $executeRawUnsafe: jest.Mock }>;

  beforeEach(() => {
    db = fakeDb();
    relay = { kick: jest.fn(() => db.log.push('kick')) };
    uow = new UnitOfWork(db as unknown as PrismaLike, relay as unknown as OutboxRelay);
  });

  it('joins the transaction already open around the call instead of opening another', async () => {
    const seen = await uow.run(async (outer) => {
      const inner = await uow.run(async (tx) => tx);
      return { outer, inner, ambient: currentTransaction() };
    });
    expect(db.$transaction).toHaveBeenCalledTimes(1);
    expect(seen.inner).toBe(seen.outer);
    expect(seen.ambient).toBe(seen.outer);
    expect(currentTransaction()).toBeUndefined();
  });

  it('kicks the relay once, after the outermost commit, when an event was enqueued', async () => {
    await uow.run(async () => {
      await uow.run(async (tx) => {
        await enqueueEvent(tx, 'evt.orders.order.placed', { id: 1 });
        await enqueueEvent(tx, 'evt.orders.order.paid', { id: 1 });
      });
      expect(relay.kick).not.toHaveBeenCalled(); // the inner run committed nothing
    });
    expect(db.log).toEqual(['begin 1', 'commit 1', 'kick']);
  });

  it('kicks nothing when nothing was enqueued', async () => {
    await uow.run(async (tx) => tx.$executeRawUnsafe('UPDATE x SET y = 1'));
    expect(relay.kick).not.toHaveBeenCalled();
  });

  it('kicks nothing when the transaction rolls back or its commit fails', async () => {
    await expect(
      uow.run(async (tx) => {
        await enqueueEvent(tx, 'evt.orders.order.placed', { id: 2 });
        throw new Error('business rule');
      }),
    ).rejects.toThrow('business rule');
    db.failCommit = true;
    await expect(uow.run((tx) => enqueueEvent(tx, 'evt.orders.order.placed', { id: 3 }))).rejects.toThrow('commit failed');
    expect(relay.kick).not.toHaveBeenCalled();
  });

  it('keeps concurrent units of work apart', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(() =>
        uow.run(async (tx) => {
          await new Promise((r) => setTimeout(r, 5));
          return [tx.id, currentTransaction<{ id: number }>()?.id];
        }),
      ),
    );
    expect(ids.map(([tx, ambient]) => tx === ambient)).toEqual([true, true, true]);
    expect(new Set(ids.map(([tx]) => tx)).size).toBe(3);
  });

  it('passes its options to the transaction and works without a relay', async () => {
    const bare = new UnitOfWork(db as unknown as PrismaLike);
    await bare.run((tx) => enqueueEvent(tx as never, 'evt.orders.order.placed', {}), { timeout: 1234 });
    expect(db.$transaction).toHaveBeenCalledWith(expect.any(Function), { timeout: 1234 });
  });
});
