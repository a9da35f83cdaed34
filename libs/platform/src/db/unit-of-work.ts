import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { OutboxRelay } from '../outbox/outbox-relay';
import { DB, PrismaLike } from './prisma.module';

export interface TransactionOptions {
  /** How long to wait for a pooled connection (Prisma's maxWait), ms. */
  maxWait?: number;
  /** How long the whole transaction may take (Prisma's timeout), ms. */
  timeout?: number;
  /**
   * Return only once the events enqueued here are on the bus (at most ~2 s; then they follow as
   * usual). For changes others must see before the caller gets the answer: a revoked session or new
   * roles reach the gateway's session cache before the reply does.
   */
  publishEventsBeforeReturn?: boolean;
}

interface Ambient {
  tx: unknown;
  /** Set by enqueueEvent: the relay is woken once the transaction has committed. */
  enqueued: boolean;
}

const ambient = new AsyncLocalStorage<Ambient>();

/** Called by enqueueEvent so the unit of work that owns the transaction kicks the relay after commit. */
export function markEventEnqueued(): void {
  const current = ambient.getStore();
  if (current) current.enqueued = true;
}

/** The transaction a unit of work has open around the current call, if any. */
export function currentTransaction<T>(): T | undefined {
  return ambient.getStore()?.tx as T | undefined;
}

/**
 * One place to run a use case's writes: `uow.run(async (tx) => ...)` opens a transaction, or joins
 * the one already open around the call (an event consumer opens one for its inbox row, then the
 * command handler's writes land in it), and wakes the outbox relay after the outermost commit when
 * an event was enqueued. Nothing has to remember `kick()`.
 */
@Injectable()
export class UnitOfWork<Tx = any> {
  constructor(
    @Inject(DB) private readonly db: PrismaLike,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    const open = ambient.getStore();
    if (open) return work(open.tx as Tx);
    const state: Ambient = { tx: undefined, enqueued: false };
    const { publishEventsBeforeReturn, ...transaction } = options;
    const result = await this.db.$transaction((tx) => {
      state.tx = tx;
      return ambient.run(state, () => work(tx as Tx));
    }, transaction);
    if (state.enqueued && publishEventsBeforeReturn) await this.relay?.flush();
    else if (state.enqueued) this.relay?.kick();
    return result;
  }
}
