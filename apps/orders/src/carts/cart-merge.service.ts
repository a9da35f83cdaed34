import { Injectable } from '@nestjs/common';
import { CartView } from '@suite/contracts/orders';
import { OrdersDb } from '@suite/db/orders';
import { CallerIdentity, InjectDb } from '@suite/platform';
import { OrdersConfig } from '../config';
import { requireSignedIn } from '../access';
import { ownerLockKey, ownerWhere } from './cart-owner';
import { lineQuantity, recompute } from './cart-store';
import { toCartView } from './cart-view';
import { CatalogQuote, quoteKey } from './catalog-quote';
import { CartsService } from './carts.service';

/** On sign-in the guest's cart moves into the user's: quantities add up, capped at each product's maxCartQty. */
@Injectable()
export class CartMergeService {
  constructor(
    @InjectDb() private readonly db: OrdersDb,
    private readonly config: OrdersConfig,
    private readonly carts: CartsService,
    private readonly catalog: CatalogQuote,
  ) {}

  async merge(caller: CallerIdentity, sessionId: string): Promise<CartView> {
    const userId = requireSignedIn(caller);
    const target = await this.carts.open({ userId });
    const guest = { sessionId };
    const guestLines = await this.db.cartItem.findMany({
      where: { cart: { ...ownerWhere(guest), status: 'ACTIVE' } },
      select: { productId: true, variantId: true },
    });
    // Limits are asked before the transaction: no network call while rows are locked.
    const quotes = await this.catalog.lines(
      guestLines.map((l) => ({ productId: l.productId, ...(l.variantId ? { variantId: l.variantId } : {}) })),
      caller,
    );
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ownerLockKey(guest)}::text, 0))`;
      await tx.$queryRaw`SELECT id FROM carts WHERE id = ${target.id}::uuid FOR UPDATE`;
      const source = await tx.cart.findFirst({ where: { ...ownerWhere(guest), status: 'ACTIVE' }, include: { items: true } });
      if (!source) return toCartView(await recompute(tx, target.id, this.config.TAX_RATE)); // nothing to merge: idempotent
      for (const item of source.items) {
        const max = quotes.get(quoteKey(item.productId, item.variantId))?.maxCartQty ?? null;
        const cap = (n: number) => (max === null ? n : Math.min(n, max));
        const line = await tx.cartItem.findFirst({ where: { cartId: target.id, productId: item.productId, variantId: item.variantId } });
        if (line) {
          await tx.cartItem.update({ where: { id: line.id }, data: lineQuantity(line.price, cap(line.quantity + item.quantity)) });
          await tx.cartItem.delete({ where: { id: item.id } });
        } else {
          // The guest's line keeps its price snapshot; only its quantity may be capped.
          await tx.cartItem.update({
            where: { id: item.id },
            data: { cartId: target.id, ...lineQuantity(item.price, cap(item.quantity)) },
          });
        }
      }
      await tx.cart.update({
        where: { id: source.id },
        data: { status: 'MERGED', mergedIntoId: target.id, subtotal: 0, tax: 0, total: 0, lastActivityAt: new Date() },
      });
      return toCartView(await recompute(tx, target.id, this.config.TAX_RATE));
    });
  }
}
