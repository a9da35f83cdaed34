import { Injectable } from '@nestjs/common';
import { OrderView } from '@suite/contracts/orders';
import { OrdersDb } from '@suite/db/orders';
import { InjectDb, notFound } from '@suite/platform';
import { toOrderView } from '../orders/order-view';
import { guestTokenMatches } from './guest-token';

/** One answer for an unknown code, a wrong token and a signed-in buyer's order: nothing tells them apart. */
const noSuchOrder = () =>
  notFound('ORDERS.ORDER_NOT_FOUND', 'No such order.', { errors: [{ field: 'orderCode', messages: ['order not found'] }] });

/** A guest's order, opened by its code and the lookup token its checkout answered (kept only as a hash). */
@Injectable()
export class GuestLookupService {
  constructor(@InjectDb() private readonly db: OrdersDb) {}

  async lookup(orderCode: string, token: string): Promise<OrderView> {
    const row = await this.db.order.findFirst({
      where: { orderCode: orderCode.toUpperCase(), placedAt: { not: null } },
      include: { items: true, statusHistory: { orderBy: { createdAt: 'asc' } } },
    });
    if (!row || !guestTokenMatches(token, row.guestTokenHash)) throw noSuchOrder();
    return toOrderView(row);
  }
}
