import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CreateSupplierOrderDto, SupplierOrderStatus, SupplierOrderView } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import {
  CallerIdentity,
  conflict,
  decryptSecret,
  encryptionKey,
  invalid,
  isUniqueViolationOn,
  notFound,
  UnitOfWork,
} from '@suite/platform';
import { requirePermission } from '../../access/access';
import { FactoryAccess, factoryScope } from '../../access/factory-access';
import { FulfillmentConfig } from '../../config';
import { ManualAdapter } from '../adapters/manual.adapter';
import { PrintfulAdapter } from '../adapters/printful.adapter';
import { AdapterFactory, SupplierAdapter, SupplierCredentials, SupplierRecipient } from '../adapters/supplier-adapter';
import { FulfillmentStatusService } from '../../fulfillments/fulfillment-status.service';
import { moveLinkedFulfillment } from '../linked-fulfillment';
import { assertTransition } from '../supplier-order-status';
import {
  expectedFrom,
  generateOrderNumber,
  linesOf,
  orderTotal,
  priceLines,
  statusChanged,
  supplierOrderNotFound,
  SupplierOrderRow,
  toSupplierOrderView,
} from '../supplier-order-rules';

type Tx = Prisma.TransactionClient;

const orderNumberTaken = () =>
  conflict('FULFILLMENT.SUPPLIER_ORDER_NUMBER_TAKEN', 'Another supplier order has this number.', {
    errors: [{ field: 'orderNumber', messages: ['already used by another supplier order'] }],
  });

/** The order, locked for this transaction, when the caller may see its factory; 404 otherwise. */
export async function lockVisibleOrder(tx: Tx, caller: CallerIdentity, id: string): Promise<SupplierOrderRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM supplier_orders WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw supplierOrderNotFound();
  const row = await tx.supplierOrder.findFirst({ where: { id, factory: factoryScope(caller) } });
  if (!row) throw supplierOrderNotFound();
  return row;
}

export class CreateSupplierOrderCommand extends Command<SupplierOrderView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: CreateSupplierOrderDto,
  ) {
    super();
  }
}

/**
 * A DRAFT priced from the factory's variants: total computed, expectedAt estimated from the longest lead time.
 * fulfillmentId, when given, names a fulfillment routed to this very factory (400 naming fulfillmentId otherwise).
 */
@CommandHandler(CreateSupplierOrderCommand)
export class CreateSupplierOrderHandler implements ICommandHandler<CreateSupplierOrderCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly factories: FactoryAccess,
  ) {}

  async execute({ caller, dto }: CreateSupplierOrderCommand): Promise<SupplierOrderView> {
    requirePermission(caller, 'factories:update');
    await this.factories.requireFactory(caller, dto.factoryId);
    return this.uow.run(async (tx) => {
      if (dto.fulfillmentId) {
        const f = await tx.fulfillment.findUnique({ where: { id: dto.fulfillmentId }, select: { factoryId: true } });
        if (!f)
          throw notFound('FULFILLMENT.FULFILLMENT_NOT_FOUND', 'No such fulfillment.', {
            errors: [{ field: 'fulfillmentId', messages: ['fulfillment not found'] }],
          });
        if (f.factoryId !== dto.factoryId)
          throw invalid('FULFILLMENT.FULFILLMENT_OF_ANOTHER_FACTORY', 'The fulfillment is not routed to this factory.', {
            errors: [{ field: 'fulfillmentId', messages: ['the fulfillment is routed to another factory, or to none yet'] }],
          });
      }
      const variants = await tx.supplierVariant.findMany({
        where: { factoryId: dto.factoryId, id: { in: dto.items.map((i) => i.supplierVariantId) } },
      });
      const lines = priceLines(dto.items, variants);
      const data = {
        factoryId: dto.factoryId,
        fulfillmentId: dto.fulfillmentId ?? null,
        items: lines as unknown as Prisma.InputJsonValue,
        total: orderTotal(lines),
        expectedAt: expectedFrom(new Date(), lines),
      };
      if (dto.orderNumber) {
        try {
          return toSupplierOrderView(await tx.supplierOrder.create({ data: { ...data, orderNumber: dto.orderNumber } }));
        } catch (error) {
          if (isUniqueViolationOn(error, /order_number|orderNumber/)) throw orderNumberTaken();
          throw error;
        }
      }
      // a generated number is 30^6 random per day: a clash is checked first rather than failing the transaction
      for (let attempt = 0; ; attempt++) {
        const orderNumber = generateOrderNumber();
        if (attempt < 5 && (await tx.supplierOrder.findUnique({ where: { orderNumber }, select: { id: true } }))) continue;
        return toSupplierOrderView(await tx.supplierOrder.create({ data: { ...data, orderNumber } }));
      }
    });
  }
}

export class SubmitSupplierOrderCommand extends Command<SupplierOrderView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly supplierOrderId: string,
  ) {
    super();
  }
}

/**
 * Sends a DRAFT through the factory's adapter. The row stays locked while the adapter answers, so two
 * submits of one order send it once: the second finds it no longer a DRAFT (409).
 */
@CommandHandler(SubmitSupplierOrderCommand)
export class SubmitSupplierOrderHandler implements ICommandHandler<SubmitSupplierOrderCommand> {
  private readonly adapters: Record<string, SupplierAdapter>;
  private readonly key: Buffer;

  constructor(
    private readonly uow: UnitOfWork<Tx>,
    config: FulfillmentConfig,
    manual: ManualAdapter,
    printful: PrintfulAdapter,
    private readonly statuses: FulfillmentStatusService,
  ) {
    this.adapters = { [manual.integration]: manual, [printful.integration]: printful };
    this.key = encryptionKey(config);
  }

  async execute({ caller, supplierOrderId }: SubmitSupplierOrderCommand): Promise<SupplierOrderView> {
    requirePermission(caller, 'factories:update');
    return this.uow.run(
      async (tx) => {
        const order = await lockVisibleOrder(tx, caller, supplierOrderId);
        assertTransition(order.status as SupplierOrderStatus, 'SUBMITTED');
        const factory = await tx.factory.findUniqueOrThrow({ where: { id: order.factoryId } });
        const adapter = this.adapters[factory.integration];
        if (!adapter)
          throw conflict('FULFILLMENT.FACTORY_INTEGRATION_UNKNOWN', `Factory ${factory.code} has no adapter for ${factory.integration}.`);
        const recipient = await this.recipient(tx, order, factory);
        const result = await adapter.submit(
          { id: order.id, orderNumber: order.orderNumber, items: linesOf(order), recipient },
          factory,
          this.credentials(factory),
        );
        const orderedAt = new Date();
        const updated = await tx.supplierOrder.update({
          where: { id: order.id },
          data: { status: result.status, externalId: result.externalId, orderedAt, expectedAt: expectedFrom(orderedAt, linesOf(order)) },
        });
        await statusChanged(tx, order.status, updated, 'API');
        await moveLinkedFulfillment(tx, this.statuses, order.status, updated, { source: 'API', userId: caller.userId });
        return toSupplierOrderView(updated);
      },
      { timeout: 20000 },
    );
  }

  /** Decrypted only here, for the adapter; never logged or returned. */
  private credentials(factory: AdapterFactory): SupplierCredentials {
    return factory.credentials ? (JSON.parse(decryptSecret(factory.credentials, this.key)) as SupplierCredentials) : {};
  }

  /** The fulfillment's address when it has a full one; otherwise the goods come to the factory's default location. */
  private async recipient(tx: Tx, order: SupplierOrderRow, factory: AdapterFactory): Promise<SupplierRecipient | null> {
    if (order.fulfillmentId) {
      const f = await tx.fulfillment.findUnique({ where: { id: order.fulfillmentId }, select: { shipTo: true } });
      const to = (f?.shipTo ?? {}) as Record<string, string | null | undefined>;
      if (to.address1 && to.city && to.country && (to.name || to.recipientName))
        return {
          name: (to.name ?? to.recipientName) as string,
          address1: to.address1,
          address2: to.address2,
          city: to.city,
          stateCode: to.province,
          countryCode: to.country,
          zip: to.postalCode,
          email: to.email,
          phone: to.phone,
        };
    }
    const location =
      (await tx.factoryLocation.findFirst({ where: { factoryId: factory.id, isDefault: true, isActive: true } })) ??
      (await tx.factoryLocation.findFirst({ where: { factoryId: factory.id, isActive: true }, orderBy: { createdAt: 'asc' } }));
    if (!location) return null;
    return {
      name: `${factory.name} (${location.name})`,
      address1: location.address1,
      address2: location.address2,
      city: location.city,
      stateCode: location.province,
      countryCode: location.country,
      zip: location.postalCode,
      email: factory.contactEmail,
    };
  }
}

/** accept, reject, update (factory users of MANUAL factories) and cancel, receive (staff). */
export type SupplierOrderMove =
  | { kind: 'accept' }
  | { kind: 'reject'; reason: string }
  | { kind: 'update'; status?: 'IN_PRODUCTION' | 'SHIPPED'; expectedAt?: string; trackingNumber?: string; carrier?: string }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'receive' };

export class MoveSupplierOrderCommand extends Command<SupplierOrderView> {
  constructor(
    readonly caller: CallerIdentity,
    readonly supplierOrderId: string,
    readonly move: SupplierOrderMove,
  ) {
    super();
  }
}

const MANUAL_MOVES = ['accept', 'reject', 'update'];

/** Its fulfillment, when it was placed for one, follows in the same transaction (moveLinkedFulfillment). */
@CommandHandler(MoveSupplierOrderCommand)
export class MoveSupplierOrderHandler implements ICommandHandler<MoveSupplierOrderCommand> {
  constructor(
    private readonly uow: UnitOfWork<Tx>,
    private readonly statuses: FulfillmentStatusService,
  ) {}

  async execute({ caller, supplierOrderId, move }: MoveSupplierOrderCommand): Promise<SupplierOrderView> {
    requirePermission(caller, MANUAL_MOVES.includes(move.kind) ? 'fulfillments:update' : 'factories:update');
    return this.uow.run(async (tx) => {
      const order = await lockVisibleOrder(tx, caller, supplierOrderId);
      const from = order.status as SupplierOrderStatus;
      if (MANUAL_MOVES.includes(move.kind)) {
        const factory = await tx.factory.findUniqueOrThrow({ where: { id: order.factoryId }, select: { integration: true } });
        if (factory.integration !== 'MANUAL')
          throw conflict(
            'FULFILLMENT.SUPPLIER_ORDER_NOT_MANUAL',
            `This factory works through ${factory.integration}: its orders move by the provider's webhooks.`,
          );
      }
      const data: Prisma.SupplierOrderUncheckedUpdateInput = {};
      switch (move.kind) {
        case 'accept':
          assertTransition(from, 'ACCEPTED');
          data.status = 'ACCEPTED';
          break;
        case 'reject':
          assertTransition(from, 'REJECTED');
          Object.assign(data, { status: 'REJECTED', rejectionReason: move.reason });
          break;
        case 'cancel':
          assertTransition(from, 'CANCELLED');
          Object.assign(data, { status: 'CANCELLED', rejectionReason: move.reason ?? null });
          break;
        case 'receive':
          assertTransition(from, 'RECEIVED');
          Object.assign(data, { status: 'RECEIVED', receivedAt: new Date() });
          break;
        case 'update':
          if (move.status && move.status !== from) {
            assertTransition(from, move.status);
            data.status = move.status;
          } else if (!['ACCEPTED', 'IN_PRODUCTION', 'SHIPPED'].includes(from)) {
            throw conflict('FULFILLMENT.SUPPLIER_ORDER_ILLEGAL_TRANSITION', `A ${from} supplier order takes no progress update.`, {
              errors: [{ field: 'status', messages: [`${from} takes no update`] }],
            });
          }
          if (move.expectedAt) data.expectedAt = new Date(move.expectedAt);
          if (move.trackingNumber) data.trackingNumber = move.trackingNumber;
          if (move.carrier) data.carrier = move.carrier;
          break;
      }
      const updated = await tx.supplierOrder.update({ where: { id: order.id }, data });
      await statusChanged(tx, from, updated, 'API');
      await moveLinkedFulfillment(tx, this.statuses, from, updated, { source: 'API', userId: caller.userId });
      return toSupplierOrderView(updated);
    });
  }
}
