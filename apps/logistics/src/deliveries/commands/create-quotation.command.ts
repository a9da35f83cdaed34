import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateDeliveryQuotationDto, DeliveryQuotationView } from '@suite/contracts/logistics';
import { LogisticsDb, Prisma } from '@suite/db/logistics';
import { AppError, CallerIdentity, InjectDb, invalid } from '@suite/platform';
import { requireDeliveryPermission } from '../delivery-access';
import { toKilometres, toQuotationView } from '../delivery-views';
import { LALAMOVE_API, LalamoveApi, LalamoveRefusal } from '../lalamove/lalamove-api';
import { LalamoveConfig } from '../lalamove/lalamove.config';

export class CreateDeliveryQuotationCommand extends Command<DeliveryQuotationView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateDeliveryQuotationDto,
  ) {
    super();
  }
}

const MAX_SCHEDULE_DAYS = 30;

/** Asks Lalamove for a price and stores the quotation with everything needed to place it later. */
@CommandHandler(CreateDeliveryQuotationCommand)
export class CreateDeliveryQuotationHandler implements ICommandHandler<CreateDeliveryQuotationCommand> {
  constructor(
    @InjectDb() private readonly db: LogisticsDb,
    @Inject(LALAMOVE_API) private readonly lalamove: LalamoveApi,
    private readonly config: LalamoveConfig,
  ) {}

  async execute({ caller, dto }: CreateDeliveryQuotationCommand): Promise<DeliveryQuotationView> {
    requireDeliveryPermission(caller, 'deliveries:create');
    const scheduleAt = dto.scheduleAt ? new Date(dto.scheduleAt) : undefined;
    if (scheduleAt && (scheduleAt.getTime() <= Date.now() || scheduleAt.getTime() > Date.now() + MAX_SCHEDULE_DAYS * 86_400_000))
      throw invalid('LOGISTICS.DELIVERY_SCHEDULE_INVALID', 'scheduleAt must be in the future, at most 30 days ahead.', {
        errors: [{ field: 'scheduleAt', messages: ['must be in the future, at most 30 days ahead'] }],
      });
    const quotation = await this.lalamove
      .createQuotation({
        serviceType: dto.serviceType,
        language: this.config.LALAMOVE_LANGUAGE,
        stops: dto.stops.map((s) => ({
          coordinates: { lat: String(s.coordinates.lat), lng: String(s.coordinates.lng) },
          address: s.address,
        })),
        ...(scheduleAt ? { scheduleAt: scheduleAt.toISOString() } : {}),
        ...(dto.specialRequests?.length ? { specialRequests: dto.specialRequests } : {}),
        ...(dto.isRouteOptimized !== undefined ? { isRouteOptimized: dto.isRouteOptimized } : {}),
        ...(dto.item ? { item: dto.item } : {}),
      })
      .catch((error: unknown) => {
        if (error instanceof LalamoveRefusal)
          throw new AppError('invalid', 'LOGISTICS.LALAMOVE_QUOTATION_REFUSED', `Lalamove refused the quotation: ${error.detail}`, {
            errors: [{ field: 'body', messages: [`${error.errorId}: ${error.detail}`] }],
          });
        throw error;
      });
    const row = await this.db.lalamoveQuotation.create({
      data: {
        quotationId: String(quotation.quotationId),
        serviceType: quotation.serviceType ?? dto.serviceType,
        totalPrice: new Prisma.Decimal(quotation.priceBreakdown.total),
        currency: quotation.priceBreakdown.currency ?? 'PHP',
        ...toKilometres(quotation.distance),
        stops: quotation.stops.map((s) => ({
          stopId: s.stopId ?? null,
          coordinates: s.coordinates,
          address: s.address,
        })) as unknown as Prisma.InputJsonValue,
        isScheduled: scheduleAt !== undefined,
        scheduleAt: scheduleAt ?? null,
        expiresAt: new Date(quotation.expiresAt),
        userId: caller.userId ?? null,
        priceBreakdown: quotation.priceBreakdown as unknown as Prisma.InputJsonValue,
        item: (quotation.item ?? dto.item ?? undefined) as Prisma.InputJsonValue | undefined,
        specialRequests: quotation.specialRequests ?? dto.specialRequests ?? [],
      },
    });
    return toQuotationView(row);
  }
}
