import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { OrdersSubjects, PurchaseVerifyRequest, PurchaseVerifyResponse } from '@suite/contracts/orders';
import { OrdersDb } from '@suite/db/orders';
import { InjectDb } from '@suite/platform';

/** Called by the catalog only (verified reviews): a product counts as bought once an order with it was delivered. */
@Controller()
export class PurchaseNatsController {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  @MessagePattern(OrdersSubjects.PurchaseVerify)
  async verify(@Payload() r: PurchaseVerifyRequest): Promise<PurchaseVerifyResponse> {
    const order = await this.db.order.findFirst({
      where: { userId: r.userId, status: { in: ['DELIVERED', 'COMPLETED'] }, items: { some: { productId: r.productId } } },
      select: { id: true },
    });
    return { purchased: order !== null };
  }
}
