import { Controller } from '@nestjs/common';
import { PurchaseVerify, PurchaseVerifyRequest } from '@suite/contracts/orders';
import { OrdersDb } from '@suite/db/orders';
import { Handles, InjectDb } from '@suite/platform';

/** Called by the catalog only (verified reviews): a product counts as bought once an order with it was delivered. */
@Controller()
export class PurchaseNatsController {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  @Handles(PurchaseVerify)
  async verify(r: PurchaseVerifyRequest) {
    const order = await this.db.order.findFirst({
      where: { userId: r.userId, status: { in: ['DELIVERED', 'COMPLETED'] }, items: { some: { productId: r.productId } } },
      select: { id: true },
    });
    return { purchased: order !== null };
  }
}
