import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BulkUpsertResult, BulkUpsertSupplierVariantsDto, SupplierVariantChanged } from '@suite/contracts/fulfillment';
import { Prisma } from '@suite/db/fulfillment';
import { CallerIdentity, enqueueEvent, UnitOfWork } from '@suite/platform';
import { factoryNotFound, FactoryAccess } from '../../access/factory-access';
import { BulkRow, inCodeOrder, refuseRepeatedCodes, toBulkRow } from '../supplier-variant-rules';

/** Creates or updates up to 1,000 of one factory's supplier variants by code, all or nothing; answers the counts. */
export class BulkUpsertSupplierVariantsCommand extends Command<BulkUpsertResult> {
  constructor(
    readonly caller: CallerIdentity,
    readonly dto: BulkUpsertSupplierVariantsDto,
  ) {
    super();
  }
}

const column = <K extends keyof BulkRow>(rows: BulkRow[], key: K): BulkRow[K][] => rows.map((r) => r[key]);

/**
 * One statement for the whole request: the columns go as arrays, unnested server-side, and the
 * unique (factory_id, system_variant_code) decides insert or update (`xmax = 0` marks an insert).
 * Rows are sent in code order so two overlapping requests lock rows in the same order.
 */
function upsert(tx: Prisma.TransactionClient, factoryId: string, rows: BulkRow[]) {
  return tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO supplier_variants (id, factory_id, system_variant_code, system_variant_id, supplier_product_code, supplier_variant_code,
      supplier_sku, supplier_price, currency, minimum_quantity, lead_time, is_available, print_method, created_at, updated_at)
    SELECT gen_random_uuid(), ${factoryId}::uuid, t.code, t.variant_id::uuid, t.product_code, t.variant_code, t.sku, t.price::numeric(10, 2),
      t.currency, t.minimum_quantity, t.lead_time, t.is_available, t.print_method, now(), now()
    FROM unnest(${column(rows, 'systemVariantCode')}::text[], ${column(rows, 'systemVariantId')}::text[],
      ${column(rows, 'supplierProductCode')}::text[], ${column(rows, 'supplierVariantCode')}::text[], ${column(rows, 'supplierSku')}::text[],
      ${column(rows, 'supplierPrice')}::text[], ${column(rows, 'currency')}::text[], ${column(rows, 'minimumQuantity')}::int[],
      ${column(rows, 'leadTime')}::int[], ${column(rows, 'isAvailable')}::boolean[], ${column(rows, 'printMethod')}::text[])
      WITH ORDINALITY AS t(code, variant_id, product_code, variant_code, sku, price, currency, minimum_quantity, lead_time, is_available, print_method, n)
    ORDER BY t.n
    ON CONFLICT (factory_id, system_variant_code) DO UPDATE SET
      system_variant_id = EXCLUDED.system_variant_id,
      supplier_product_code = EXCLUDED.supplier_product_code,
      supplier_variant_code = EXCLUDED.supplier_variant_code,
      supplier_sku = EXCLUDED.supplier_sku,
      supplier_price = EXCLUDED.supplier_price,
      currency = EXCLUDED.currency,
      minimum_quantity = EXCLUDED.minimum_quantity,
      lead_time = EXCLUDED.lead_time,
      is_available = EXCLUDED.is_available,
      print_method = EXCLUDED.print_method,
      updated_at = now()
    RETURNING (xmax = 0) AS inserted`;
}

@CommandHandler(BulkUpsertSupplierVariantsCommand)
export class BulkUpsertSupplierVariantsHandler implements ICommandHandler<BulkUpsertSupplierVariantsCommand> {
  constructor(
    private readonly uow: UnitOfWork<Prisma.TransactionClient>,
    private readonly factories: FactoryAccess,
  ) {}

  async execute({ caller, dto }: BulkUpsertSupplierVariantsCommand): Promise<BulkUpsertResult> {
    refuseRepeatedCodes(dto.variants);
    await this.factories.requireFactory(caller, dto.factoryId);
    const rows = inCodeOrder(dto.variants.map(toBulkRow));
    try {
      return await this.uow.run(async (tx) => {
        const result = await upsert(tx, dto.factoryId, rows);
        const created = result.filter((r) => r.inserted).length;
        await enqueueEvent(tx, SupplierVariantChanged, {
          factoryId: dto.factoryId,
          change: 'BULK_UPSERTED',
          variants: rows.map((r) => ({
            systemVariantCode: r.systemVariantCode,
            isAvailable: r.isAvailable,
            supplierPrice: r.supplierPrice,
          })),
        });
        return { created, updated: result.length - created };
      });
    } catch (error) {
      // The factory was deleted between the check and the insert.
      if (/foreign key|23503/i.test(String((error as Error)?.message ?? ''))) throw factoryNotFound();
      throw error;
    }
  }
}
