import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Prisma } from '@suite/db/orders';
import { UnitOfWork } from '@suite/platform';
import { OrdersConfig } from '../../config';
import { cartTotals } from '../cart-totals';
import { lineSync, ProductState } from '../catalog-sync';

type Tx = Prisma.TransactionClient;

/** Brings the lines of one product in every ACTIVE cart in line with a catalog event published at `publishedAt`. */
export class SyncCartProductCommand extends Command<{ lines: number; carts: number }> {
  constructor(
    readonly productId: string,
    readonly product: ProductState,
    readonly publishedAt: Date,
  ) {
    super();
  }
}

@CommandHandler(SyncCartProductCommand)
export class SyncCartProductHandler implements ICommandHandler<SyncCartProductCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly config: OrdersConfig,
  ) {}

  /** Returns how many lines changed and how many carts were repriced. */
  async execute({ productId, product, publishedAt }: SyncCartProductCommand): Promise<{ lines: number; carts: number }> {
    return this.uow.run(async (tx) => {
      // The carts' row locks, taken in id order, are the ones buyers' changes and checkout take:
      // a line is never repriced under a quantity change, and two events never deadlock.
      await tx.$queryRaw`SELECT c.id FROM carts c WHERE c.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM cart_items ci WHERE ci.cart_id = c.id AND ci.product_id = ${productId}::uuid) ORDER BY c.id FOR UPDATE OF c`;
      // Consumers run events side by side and retry failures later, so an older event can come last.
      const lines = await tx.cartItem.findMany({
        where: { productId, cart: { status: 'ACTIVE' }, OR: [{ catalogSyncedAt: null }, { catalogSyncedAt: { lt: publishedAt } }] },
        select: {
          id: true,
          cartId: true,
          variantId: true,
          quantity: true,
          price: true,
          isAvailable: true,
          unavailableReason: true,
          productSnapshot: true,
        },
      });
      if (lines.length === 0) return { lines: 0, carts: 0 };
      let changed = 0;
      const repriced = new Set<string>();
      for (const line of lines) {
        const sync = lineSync(line, product);
        if (!sync) continue;
        await tx.cartItem.update({ where: { id: line.id }, data: sync.data });
        changed++;
        if (sync.repriced) repriced.add(line.cartId);
      }
      await tx.cartItem.updateMany({ where: { id: { in: lines.map((l) => l.id) } }, data: { catalogSyncedAt: publishedAt } });
      for (const cartId of repriced) await this.retotal(tx, cartId);
      return { lines: changed, carts: repriced.size };
    });
  }

  /** The cart's money again, without touching lastActivityAt: a catalog change is not the buyer's activity. */
  private async retotal(tx: Tx, cartId: string): Promise<void> {
    const items = await tx.cartItem.findMany({ where: { cartId }, select: { price: true, quantity: true } });
    await tx.cart.update({ where: { id: cartId }, data: cartTotals(items, this.config.TAX_RATE) });
  }
}
