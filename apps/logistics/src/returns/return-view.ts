import { ReturnDetailView, ReturnView } from '@suite/contracts/logistics';
import { Prisma } from '@suite/db/logistics';
import { notFound } from '@suite/platform';

export const RETURN_DETAIL = {
  items: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  statusHistory: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.ReturnInclude;

type ReturnRow = Prisma.ReturnGetPayload<object>;
type ReturnDetailRow = Prisma.ReturnGetPayload<{ include: typeof RETURN_DETAIL }>;

export const returnNotFound = () =>
  notFound('LOGISTICS.RETURN_NOT_FOUND', 'No such return.', { errors: [{ field: 'returnId', messages: ['return not found'] }] });

export function toReturnView(r: ReturnRow): ReturnView {
  return {
    id: r.id,
    rmaNumber: r.rmaNumber,
    orderId: r.orderId,
    userId: r.userId,
    ticketId: r.ticketId,
    reason: r.reason,
    status: r.status,
    photos: r.photos,
    customerNotes: r.customerNotes,
    refundAmount: r.refundAmount?.toFixed(2) ?? null,
    trackingNumber: r.trackingNumber,
    returnWindowEndsAt: r.windowEndsAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function toReturnDetail(r: ReturnDetailRow): ReturnDetailView {
  return {
    ...toReturnView(r),
    items: r.items.map((i) => ({
      id: i.id,
      orderItemId: i.orderItemId,
      productId: i.productId,
      systemVariantId: i.systemVariantId,
      sku: i.sku,
      quantity: i.quantity,
      resellable: i.resellable,
      condition: i.condition,
    })),
    statusHistory: r.statusHistory.map((h) => ({
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      actorId: h.actorId,
      note: h.note,
      at: h.createdAt.toISOString(),
    })),
  };
}
