import { Injectable, Logger } from '@nestjs/common';
import { StockReserve } from '@suite/contracts/catalog';
import { CheckoutDto, CheckoutView, OrderView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { AppError, CallerIdentity, conflict, InjectDb, NatsClient, UnitOfWork } from '@suite/platform';
import { enqueuePlaced, OrderFactory } from '../orders/order-factory';
import { transition } from '../orders/order-status';
import { toOrderView } from '../orders/order-view';
import { saveInlineAddress } from './checkout-address';
import { draftOrder, lockCartForCheckout, reserveItems, resolveAddresses } from './checkout-draft';
import { CheckoutParty, checkoutParty } from './checkout-party';
import { guestTokenHash, newGuestToken } from './guest-token';
import { ClaimedKey, IdempotencyKeys, replay } from './idempotency';
import { InFlightCheckouts } from './in-flight';
import { releaseStock } from './release-stock';

/** A checkout rush queues on the order-number counter and the pool: wait for a connection rather than fail. */
const RUSH = { maxWait: 10000, timeout: 15000 };

const unavailable = () =>
  new AppError('unavailable', 'ORDERS.CHECKOUT_UNAVAILABLE', 'The checkout could not reserve stock right now; try again.');

/**
 * Checkout as a saga whose every step survives a crash: (1) the Idempotency-Key row, (2) the
 * order, committed unplaced (placedAt NULL, invisible), (3) the stock reservation in catalog,
 * (4) one transaction that places the order, completes the cart and stores the answer. A crash
 * between steps leaves an unplaced order that CheckoutRecoveryJob releases and cancels.
 */
@Injectable()
export class CheckoutService {
  private readonly logger = new Logger('CheckoutService');

  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly keys: IdempotencyKeys,
    private readonly factory: OrderFactory,
    private readonly nats: NatsClient,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly live: InFlightCheckouts,
  ) {}

  async checkout(caller: CallerIdentity, idempotencyKey: string | undefined, dto: CheckoutDto, sessionId?: string): Promise<CheckoutView> {
    const party = checkoutParty(caller, sessionId, dto);
    const claim = await this.keys.claim(party.scope, idempotencyKey, dto);
    if ('replay' in claim) return this.replay(party, replay(claim.replay));
    this.live.addKey(claim.claimed.id);
    try {
      return await this.run(caller, party, claim.claimed, dto);
    } finally {
      this.live.deleteKey(claim.claimed.id);
    }
  }

  /**
   * Only the token's hash is kept, so a guest's retry (whose first answer may never have arrived)
   * gets a new token and the old one stops working: whoever holds the session and the key is the guest.
   */
  private async replay(party: CheckoutParty, order: OrderView): Promise<CheckoutView> {
    if (party.kind !== 'guest') return order;
    const lookupToken = newGuestToken();
    await this.db.order.updateMany({
      where: { id: order.id, guestEmail: { not: null } },
      data: { guestTokenHash: guestTokenHash(lookupToken) },
    });
    return { ...order, lookupToken };
  }

  /** Steps 1 to 4 of a checkout whose key this process holds. */
  private async run(caller: CallerIdentity, party: CheckoutParty, key: ClaimedKey, dto: CheckoutDto): Promise<CheckoutView> {
    let orderId: string | undefined;
    try {
      const customer = await resolveAddresses(this.db, party, dto);
      const draft = await this.uow.run(async (tx) => {
        const cart = await lockCartForCheckout(tx, party.owner, dto.cartId);
        const created = await this.factory.create(tx, draftOrder(cart, party, dto, customer));
        await tx.idempotencyKey.update({ where: { key: key.id }, data: { orderId: created.id } });
        return { id: created.id, items: reserveItems(cart) };
      }, RUSH);
      orderId = draft.id;
      this.live.add(orderId);
      await this.reserve(caller, key, draft.id, draft.items);
    } catch (error) {
      if (orderId) this.live.delete(orderId);
      // Out of stock is a final answer (stored with the key); anything else may be retried with the same key.
      if (!(error instanceof AppError && error.code === 'ORDERS.OUT_OF_STOCK')) await this.keys.forget(key);
      throw error;
    }
    try {
      return await this.place(caller, party, key, orderId, dto);
    } finally {
      this.live.delete(orderId);
    }
  }

  /** Step 3: all items or none. Out of stock cancels the order for good; any other failure is retryable. */
  private async reserve(caller: CallerIdentity, key: ClaimedKey, orderId: string, items: ReturnType<typeof reserveItems>): Promise<void> {
    try {
      // A checkout rush queues on the product rows in catalog: wait longer than the default request timeout.
      await this.nats.call(StockReserve, { orderId, items }, { caller, timeoutMs: 20000 });
    } catch (error) {
      if (error instanceof AppError && error.code === 'CATALOG.OUT_OF_STOCK') {
        const refused = conflict('ORDERS.OUT_OF_STOCK', 'Not enough stock for every item of the cart.', {
          productIds: error.details?.productIds ?? [],
        });
        await this.uow.run(async (tx) => {
          await transition(tx, { id: orderId, status: 'PENDING' }, 'CANCELLED', caller.userId ?? null, 'out_of_stock');
          await this.keys.store(tx, key, { status: 409, error: refused.toPayload() });
        }, RUSH);
        throw refused;
      }
      this.logger.warn(`stock for order ${orderId} not reserved: ${(error as Error).message}`);
      await this.abandon(caller, orderId);
      throw unavailable();
    }
  }

  /**
   * The reserve may have happened although its answer was lost: release (idempotent), then cancel.
   * Should the release fail too, the order stays unplaced and the recovery job finishes the job.
   */
  private async abandon(caller: CallerIdentity, orderId: string): Promise<void> {
    try {
      await releaseStock(this.nats, orderId, caller);
      await this.uow.run(
        (tx) => transition(tx, { id: orderId, status: 'PENDING' }, 'CANCELLED', caller.userId ?? null, 'stock_unavailable'),
        RUSH,
      );
    } catch (error) {
      this.logger.warn(`order ${orderId} left to checkout recovery: ${(error as Error).message}`);
    }
  }

  /**
   * Step 4: placed, cart completed, event and the stored answer commit together. COD is confirmed at
   * once; catalog confirms its stock from the placed event (a paid order's from the paid event).
   */
  private async place(
    caller: CallerIdentity,
    party: CheckoutParty,
    key: ClaimedKey,
    orderId: string,
    dto: CheckoutDto,
  ): Promise<CheckoutView> {
    const cod = dto.paymentMethod === 'COD';
    const lookupToken = party.kind === 'guest' ? newGuestToken() : undefined;
    let view: OrderView;
    try {
      view = await this.uow.run(async (tx) => {
        // Conditional: if recovery cancelled this (slow) checkout meanwhile, nothing is placed.
        const placed = await tx.order.updateMany({
          where: { id: orderId, placedAt: null, status: 'PENDING' },
          data: { placedAt: new Date(), stockReserved: true, ...(lookupToken ? { guestTokenHash: guestTokenHash(lookupToken) } : {}) },
        });
        if (placed.count === 0) throw unavailable();
        if (cod) await transition(tx, { id: orderId, status: 'PENDING' }, 'CONFIRMED', caller.userId ?? null, 'cash_on_delivery');
        await tx.cart.update({ where: { id: dto.cartId }, data: { status: 'COMPLETED', convertedAt: new Date() } });
        // Saved with the placed order only: a refused checkout leaves the address book as it was.
        if (party.kind === 'user' && dto.saveAddress && dto.shippingAddress) await saveInlineAddress(tx, party.userId, dto.shippingAddress);
        const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
        await enqueuePlaced(tx, order);
        const answer = toOrderView(order);
        await this.keys.store(tx, key, { status: 201, order: answer }, orderId);
        return answer;
      }, RUSH);
    } catch (error) {
      await this.keys.forget(key);
      await this.abandon(caller, orderId);
      throw error;
    }
    return lookupToken ? { ...view, lookupToken } : view;
  }
}
