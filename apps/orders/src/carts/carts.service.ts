import { Injectable } from '@nestjs/common';
import { AddCartItemDto, CartView } from '@suite/contracts/orders';
import { OrdersDb, Prisma } from '@suite/db/orders';
import { CallerIdentity, InjectDb } from '@suite/platform';
import { OrdersConfig } from '../config';
import { cartNotFound, CartOwner, itemNotFound, ownerLockKey, ownerWhere } from './cart-owner';
import { lineQuantity, lineSnapshot, lockOwnCart, recompute } from './cart-store';
import { toCartView, withItems } from './cart-view';
import { CatalogQuote } from './catalog-quote';

@Injectable()
export class CartsService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly config: OrdersConfig,
    private readonly catalog: CatalogQuote,
  ) {}

  /** The owner's ACTIVE cart, created on first use; concurrent opens queue on one advisory lock and share one cart. */
  async open(owner: CartOwner): Promise<CartView> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ownerLockKey(owner)}::text, 0))`;
      const found = await tx.cart.findFirst({
        where: { ...ownerWhere(owner), status: 'ACTIVE' },
        include: withItems,
        orderBy: { createdAt: 'desc' },
      });
      if (found) return toCartView(found);
      const created = await tx.cart.create({
        data: { userId: owner.userId ?? null, sessionId: owner.sessionId ?? null, currency: this.config.SHOP_CURRENCY },
        include: withItems,
      });
      return toCartView(created);
    });
  }

  async current(owner: CartOwner): Promise<CartView> {
    // The cart row and its lines are two queries: one snapshot, so a reprice committed between them
    // (catalog's product events) never shows new line prices beside old totals.
    const cart = await this.db.$transaction(
      (tx) => tx.cart.findFirst({ where: { ...ownerWhere(owner), status: 'ACTIVE' }, include: withItems, orderBy: { createdAt: 'desc' } }),
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
    if (!cart) throw cartNotFound();
    return toCartView(cart);
  }

  /** Adding a product already in the cart adds to its line; the line's total is checked against the limit and stock. */
  async addItem(owner: CartOwner, cartId: string, dto: AddCartItemDto, caller: CallerIdentity): Promise<CartView> {
    await this.db.$transaction((tx) => lockOwnCart(tx, cartId, owner)); // 404/409 before asking catalog
    const key = { cartId, productId: dto.productId, variantId: dto.variantId ?? null };
    const existing = await this.db.cartItem.findFirst({ where: key, select: { quantity: true } });
    const quote = await this.catalog.forQuantity(dto, (existing?.quantity ?? 0) + dto.quantity, caller);
    return this.db.$transaction(async (tx) => {
      await lockOwnCart(tx, cartId, owner);
      const line = await tx.cartItem.findFirst({ where: key });
      const quantity = (line?.quantity ?? 0) + dto.quantity;
      // A concurrent add may have grown the line since the quote: check the limit and stock again.
      if (quantity !== (existing?.quantity ?? 0) + dto.quantity) await this.catalog.forQuantity(dto, quantity, caller);
      if (line) await tx.cartItem.update({ where: { id: line.id }, data: lineQuantity(line.price, quantity) });
      else await tx.cartItem.create({ data: { ...key, ...lineSnapshot(quote, quantity) } });
      return toCartView(await recompute(tx, cartId, this.config.TAX_RATE));
    });
  }

  /** Sets a line's quantity; the price stays the snapshot taken when the product was added. */
  async updateItem(owner: CartOwner, cartId: string, itemId: string, quantity: number, caller: CallerIdentity): Promise<CartView> {
    const item = await this.ownItem(owner, cartId, itemId);
    await this.catalog.forQuantity(
      { productId: item.productId, ...(item.variantId ? { variantId: item.variantId } : {}) },
      quantity,
      caller,
    );
    return this.db.$transaction(async (tx) => {
      await lockOwnCart(tx, cartId, owner);
      const line = await tx.cartItem.findFirst({ where: { id: itemId, cartId } });
      if (!line) throw itemNotFound();
      await tx.cartItem.update({ where: { id: itemId }, data: lineQuantity(line.price, quantity) });
      return toCartView(await recompute(tx, cartId, this.config.TAX_RATE));
    });
  }

  async removeItem(owner: CartOwner, cartId: string, itemId: string): Promise<CartView> {
    return this.db.$transaction(async (tx) => {
      await lockOwnCart(tx, cartId, owner);
      const removed = await tx.cartItem.deleteMany({ where: { id: itemId, cartId } });
      if (removed.count === 0) throw itemNotFound();
      return toCartView(await recompute(tx, cartId, this.config.TAX_RATE));
    });
  }

  private async ownItem(owner: CartOwner, cartId: string, itemId: string) {
    await this.db.$transaction((tx) => lockOwnCart(tx, cartId, owner));
    const item = await this.db.cartItem.findFirst({ where: { id: itemId, cartId }, select: { productId: true, variantId: true } });
    if (!item) throw itemNotFound();
    return item;
  }
}
