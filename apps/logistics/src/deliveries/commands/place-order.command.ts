import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeliveryOrderView, PlaceDeliveryOrderDto, StopView } from '@suite/contracts/logistics';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import { AppError, CallerIdentity, conflict, InjectDb, invalid, UnitOfWork } from '@suite/platform';
import { requireDeliveryPermission } from '../delivery-access';
import { deliveryStatusChanged } from '../delivery-events';
import { isDeliveryStatus } from '../delivery-status';
import { effectiveQuotationStatus, quotationNotFound, toKilometres, toOrderView } from '../delivery-views';
import { LALAMOVE_API, LalamoveApi, LalamoveRefusal } from '../lalamove/lalamove-api';

type Tx = Prisma.TransactionClient;

export class PlaceDeliveryOrderCommand extends Command<DeliveryOrderView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: PlaceDeliveryOrderDto,
  ) {
    super();
  }
}

const quotationExpired = () =>
  conflict('LOGISTICS.DELIVERY_QUOTATION_EXPIRED', 'The quotation has expired: ask for a new one.', {
    errors: [{ field: 'quotationId', messages: ['the quotation has expired'] }],
  });
const quotationUsed = () =>
  conflict('LOGISTICS.DELIVERY_QUOTATION_USED', 'The quotation was already used for an order.', {
    errors: [{ field: 'quotationId', messages: ['the quotation was already used for an order'] }],
  });

/**
 * Places one Lalamove order from an ACTIVE quotation. The quotation is claimed by a conditional update
 * (ACTIVE and not past expiresAt -> USED) that holds its row until Lalamove answers and the order is
 * stored: concurrent calls wait on it and then find it USED (409), and a refusal by Lalamove rolls the
 * claim back, so one quotation places at most one order.
 */
@CommandHandler(PlaceDeliveryOrderCommand)
export class PlaceDeliveryOrderHandler implements ICommandHandler<PlaceDeliveryOrderCommand> {
  constructor(
    @InjectDb() private readonly db: LogisticsDb,
    private readonly uow: UnitOfWork<Tx>,
    @Inject(LALAMOVE_API) private readonly lalamove: LalamoveApi,
  ) {}

  async execute({ caller, dto }: PlaceDeliveryOrderCommand): Promise<DeliveryOrderView> {
    requireDeliveryPermission(caller, 'deliveries:create');
    const quotation = await this.db.lalamoveQuotation.findUnique({ where: { quotationId: dto.quotationId } });
    if (!quotation) throw quotationNotFound('quotationId');
    const stops = quotation.stops as unknown as StopView[];
    if (dto.recipients.length !== stops.length - 1)
      throw invalid('LOGISTICS.DELIVERY_RECIPIENTS_MISMATCH', `The quotation has ${stops.length - 1} drop-off stop(s).`, {
        errors: [{ field: 'recipients', messages: [`needs one recipient per drop-off stop (${stops.length - 1})`] }],
      });
    const placed = await this.uow.run(
      async (tx) => {
        const claimed = await tx.$executeRaw`
          UPDATE lalamove_quotations SET status = 'USED', updated_at = now()
          WHERE id = ${quotation.id}::uuid AND status = 'ACTIVE' AND expires_at > now()`;
        if (claimed === 0) return undefined;
        const order = await this.lalamove
          .placeOrder({
            quotationId: quotation.quotationId,
            sender: { stopId: String(stops[0].stopId), name: dto.sender.name, phone: dto.sender.phone },
            recipients: dto.recipients.map((r, i) => ({
              stopId: String(stops[i + 1].stopId),
              name: r.name,
              phone: r.phone,
              ...(r.remarks ? { remarks: r.remarks } : {}),
            })),
            isPODEnabled: dto.isPODEnabled ?? true,
            ...(dto.orderReference ? { metadata: { orderReference: dto.orderReference } } : {}),
          })
          .catch((error: unknown) => {
            if (error instanceof LalamoveRefusal && /EXPIRED/i.test(error.errorId)) throw quotationExpired();
            if (error instanceof LalamoveRefusal)
              throw new AppError('conflict', 'LOGISTICS.LALAMOVE_ORDER_REFUSED', `Lalamove refused the order: ${error.detail}`, {
                errors: [{ field: 'quotationId', messages: [`${error.errorId}: ${error.detail}`] }],
              });
            throw error;
          });
        const row = await tx.lalamoveOrder.create({
          data: {
            orderId: String(order.orderId),
            quotationId: quotation.quotationId,
            status: isDeliveryStatus(order.status) ? order.status : 'ASSIGNING_DRIVER',
            driverId: order.driverId ? String(order.driverId) : null,
            shareLink: order.shareLink ?? '',
            totalPrice: new Prisma.Decimal(order.priceBreakdown?.total ?? quotation.totalPrice),
            currency: order.priceBreakdown?.currency ?? quotation.currency,
            ...(order.distance ? toKilometres(order.distance) : { distance: quotation.distance, distanceUnit: quotation.distanceUnit }),
            stops: (order.stops ?? stops) as unknown as Prisma.InputJsonValue,
            isPODEnabled: dto.isPODEnabled ?? true,
            orderReference: dto.orderReference ?? null,
            userId: caller.userId ?? null,
          },
        });
        await deliveryStatusChanged(tx, row, null, 'API');
        return row;
      },
      { timeout: 30000 },
    );
    if (placed) return toOrderView(placed);
    // not claimed: tell why, and write down an expiry the sweep has not written yet
    const now = await this.db.lalamoveQuotation.findUniqueOrThrow({ where: { id: quotation.id } });
    if (now.status === 'USED') throw quotationUsed();
    if (effectiveQuotationStatus(now) === 'EXPIRED') {
      await this.db.lalamoveQuotation.updateMany({ where: { id: now.id, status: 'ACTIVE' }, data: { status: 'EXPIRED' } });
      throw quotationExpired();
    }
    throw quotationUsed();
  }
}
