import { Injectable } from '@nestjs/common';
import {
  CreateSupplierVariantDto,
  SupplierVariantChanged,
  SupplierVariantFilter,
  SupplierVariantView,
  UpdateSupplierVariantDto,
} from '@suite/contracts/fulfillment';
import { FulfillmentDb, Prisma } from '@suite/db/fulfillment';
import {
  CallerIdentity,
  conflict,
  enqueueEvent,
  InjectDb,
  isUniqueViolation,
  newestFirstAfter,
  Page,
  pageLimit,
  PageQuery,
  timeKeyOf,
  toPage,
  UnitOfWork,
} from '@suite/platform';
import { requirePermission } from '../access/access';
import { factoryNotFound, FactoryAccess } from '../access/factory-access';
import { money, supplierVariantNotFound } from './supplier-variant-rules';

type Row = Prisma.SupplierVariantGetPayload<object>;
type Change = 'CREATED' | 'UPDATED' | 'DELETED';

const toView = (v: Row): SupplierVariantView => ({
  id: v.id,
  factoryId: v.factoryId,
  systemVariantCode: v.systemVariantCode,
  systemVariantId: v.systemVariantId,
  supplierProductCode: v.supplierProductCode,
  supplierVariantCode: v.supplierVariantCode,
  supplierSku: v.supplierSku,
  supplierPrice: money(v.supplierPrice),
  currency: v.currency,
  minimumQuantity: v.minimumQuantity,
  leadTime: v.leadTime,
  isAvailable: v.isAvailable,
  printMethod: v.printMethod,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

const duplicate = () =>
  conflict('FULFILLMENT.SUPPLIER_VARIANT_DUPLICATE', 'This factory already maps this variant code.', {
    errors: [{ field: 'systemVariantCode', messages: ['already mapped for this factory'] }],
  });
const knownError = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

/** The optional columns a create or update states; absent fields are left alone (or take the column default). */
function columns(dto: UpdateSupplierVariantDto): Prisma.SupplierVariantUncheckedUpdateInput {
  const data = {
    systemVariantId: dto.systemVariantId,
    supplierProductCode: dto.supplierProductCode,
    supplierVariantCode: dto.supplierVariantCode,
    supplierSku: dto.supplierSku,
    supplierPrice: dto.supplierPrice === undefined ? undefined : money(dto.supplierPrice),
    currency: dto.currency,
    minimumQuantity: dto.minimumQuantity,
    leadTime: dto.leadTime,
    isAvailable: dto.isAvailable,
    printMethod: dto.printMethod,
  };
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null));
}

/** A factory's variants, each mapped to one catalog system variant code; every write emits SupplierVariantChanged. */
@Injectable()
export class SupplierVariantsService {
  constructor(
    @InjectDb() private readonly db: FulfillmentDb,
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly factories: FactoryAccess,
  ) {}

  async list(caller: CallerIdentity, query: SupplierVariantFilter & PageQuery): Promise<Page<SupplierVariantView>> {
    requirePermission(caller, 'factories:read');
    const limit = pageLimit(query);
    const visible = await this.factories.visibleFactoryIds(caller);
    const factoryIds = query.factoryId ? (visible && !visible.includes(query.factoryId) ? [] : [query.factoryId]) : visible;
    const where: Prisma.SupplierVariantWhereInput = {
      ...(factoryIds ? { factoryId: { in: factoryIds } } : {}),
      ...(query.systemVariantCode ? { systemVariantCode: query.systemVariantCode } : {}),
      ...(query.isAvailable !== undefined ? { isAvailable: query.isAvailable } : {}),
      ...newestFirstAfter(query.cursor),
    };
    const rows = await this.db.supplierVariant.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
    return toPage(rows.map(toView), limit, (v) => timeKeyOf(v.createdAt, v.id));
  }

  async get(caller: CallerIdentity, id: string): Promise<SupplierVariantView> {
    requirePermission(caller, 'factories:read');
    return toView(await this.visible(caller, id));
  }

  async create(caller: CallerIdentity, dto: CreateSupplierVariantDto): Promise<SupplierVariantView> {
    requirePermission(caller, 'factories:create');
    await this.factories.requireFactory(caller, dto.factoryId);
    const data = {
      ...columns(dto),
      factoryId: dto.factoryId,
      systemVariantCode: dto.systemVariantCode,
      supplierPrice: money(dto.supplierPrice),
    } as Prisma.SupplierVariantUncheckedCreateInput;
    try {
      return await this.uow.run(async (tx) => this.changed(tx, 'CREATED', await tx.supplierVariant.create({ data })));
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      if (knownError(error, 'P2003')) throw factoryNotFound();
      throw error;
    }
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateSupplierVariantDto): Promise<SupplierVariantView> {
    requirePermission(caller, 'factories:update');
    await this.visible(caller, id);
    try {
      return await this.uow.run(async (tx) =>
        this.changed(tx, 'UPDATED', await tx.supplierVariant.update({ where: { id }, data: columns(dto) })),
      );
    } catch (error) {
      if (knownError(error, 'P2025')) throw supplierVariantNotFound();
      throw error;
    }
  }

  async remove(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'factories:delete');
    await this.visible(caller, id);
    try {
      await this.uow.run(async (tx) => this.changed(tx, 'DELETED', await tx.supplierVariant.delete({ where: { id } })));
    } catch (error) {
      if (knownError(error, 'P2025')) throw supplierVariantNotFound();
      throw error;
    }
    return { deleted: true };
  }

  /** The row, if it exists and belongs to a factory the caller sees; 404 otherwise. */
  private async visible(caller: CallerIdentity, id: string): Promise<Row> {
    const row = await this.db.supplierVariant.findUnique({ where: { id } });
    if (!row || !(await this.factories.canSee(caller, row.factoryId))) throw supplierVariantNotFound();
    return row;
  }

  private async changed(tx: Prisma.TransactionClient, change: Change, row: Row): Promise<SupplierVariantView> {
    const view = toView(row);
    await enqueueEvent(tx, SupplierVariantChanged, {
      factoryId: row.factoryId,
      change,
      variants: [
        {
          systemVariantCode: row.systemVariantCode,
          isAvailable: change !== 'DELETED' && row.isAvailable,
          supplierPrice: view.supplierPrice,
        },
      ],
    });
    return view;
  }
}
