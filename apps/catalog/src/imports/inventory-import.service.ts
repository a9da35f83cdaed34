import { Injectable } from '@nestjs/common';
import { UpdateSystemVariantDto } from '@suite/contracts/catalog';
import { ImportBatchRequest, ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import { Prisma } from '@suite/db/catalog';
import { asBoolean, asInt, CallerIdentity, failed, problem, runImportBatch, UnitOfWork, validateRow } from '@suite/platform';
import { requirePermission } from '../access/access';
import { canUseTeam } from '../access/team-access';

type Tx = Prisma.TransactionClient;

/** The columns of an inventory row: an INVENTORY export (one row per system variant) imports back unchanged. */
export const INVENTORY_IMPORT_FIELDS = ['code', 'stock', 'price', 'costPrice', 'isActive'] as const;

interface Checked {
  rowNumber: number;
  code: string;
  stock: number;
  price?: string;
  costPrice?: string;
  isActive?: boolean;
}

/**
 * Stock counts (and prices) of existing system variants, by their 5-character code. Variants are created with
 * their product (product import, variant routes); an inventory file only sets levels, so an unknown code is an
 * error, never a new variant. The stock written is absolute, as counted; a seller writes only their teams'.
 */
@Injectable()
export class InventoryImportService {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  async upsert(caller: CallerIdentity, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    requirePermission(caller, 'products:update');
    return runImportBatch(this.uow, request, {
      check,
      keyField: 'code',
      key: (row) => row.code,
      write: (tx, rows) => this.write(tx, caller, rows),
    });
  }

  /** One locked read of the batch's variants and one UPDATE for all of them (unnest), whatever the batch size. */
  private async write(tx: Tx, caller: CallerIdentity, rows: Checked[]): Promise<ImportRowResult[]> {
    if (!rows.length) return [];
    const found = new Map(
      (
        await tx.$queryRawUnsafe<Array<{ id: string; code: string; teamId: string }>>(
          `SELECT v.id::text AS id, v.code, s.team_id::text AS "teamId"
             FROM system_variants v JOIN products p ON p.id = v.product_id JOIN stores s ON s.id = p.store_id
            WHERE v.code = ANY($1::text[]) AND NOT p.is_deleted ORDER BY v.id FOR UPDATE OF v`,
          rows.map((r) => r.code),
        )
      ).map((v) => [v.code, v]),
    );
    const results: ImportRowResult[] = [];
    const writes: Array<Checked & { id: string }> = [];
    for (const row of rows) {
      const variant = found.get(row.code);
      if (!variant || !canUseTeam(caller, variant.teamId)) {
        results.push(
          failed(row.rowNumber, [
            problem('code', 'CONSTRAINT', 'VARIANT_NOT_FOUND', `No variant ${row.code} in your stores`, {
              suggestion: 'Use the code of an existing variant (see an INVENTORY export); create variants with their product',
            }),
          ]),
        );
        continue;
      }
      results.push({ rowNumber: row.rowNumber, outcome: 'updated', id: variant.id, problems: [] });
      writes.push({ ...row, id: variant.id });
    }
    if (writes.length)
      await tx.$executeRawUnsafe(
        `UPDATE system_variants v SET stock = u.stock, price = COALESCE(u.price, v.price),
                cost_price = COALESCE(u.cost_price, v.cost_price), is_active = COALESCE(u.is_active, v.is_active), updated_at = now()
           FROM unnest($1::uuid[], $2::int[], $3::numeric[], $4::numeric[], $5::boolean[]) AS u(id, stock, price, cost_price, is_active)
          WHERE v.id = u.id`,
        writes.map((w) => w.id),
        writes.map((w) => w.stock),
        writes.map((w) => w.price ?? null),
        writes.map((w) => w.costPrice ?? null),
        writes.map((w) => w.isActive ?? null),
      );
    return results;
  }
}

/** The variant DTO's own validators for stock and prices; code and isActive are checked here (the DTO has neither). */
function check(rowNumber: number, v: Record<string, string>): Checked | ImportRowResult {
  const { dto, problems } = validateRow(UpdateSystemVariantDto, { stock: asInt(v.stock), price: v.price, costPrice: v.costPrice }, [
    'stock',
  ]);
  const code = v.code?.trim().toUpperCase();
  const leading: ImportRowProblem[] = [];
  if (!code) leading.push(problem('code', 'VALIDATION', 'REQUIRED', 'code is required', { suggestion: 'Fill in code' }));
  else if (!/^[A-Z0-9]{5}$/.test(code))
    leading.push(problem('code', 'FORMAT', 'BAD_VARIANT_CODE', 'code is a 5-character variant code', { expectedFormat: 'K7WQ3' }));
  const isActive = asBoolean(v.isActive);
  if (typeof isActive === 'string')
    problems.push(problem('isActive', 'FORMAT', 'NOT_A_BOOLEAN', 'isActive must be a boolean value', { expectedFormat: 'true or false' }));
  if (leading.length || problems.length) return failed(rowNumber, [...leading, ...problems]);
  return {
    rowNumber,
    code: code!,
    stock: dto.stock!,
    price: dto.price === undefined ? undefined : String(dto.price),
    costPrice: dto.costPrice === undefined ? undefined : String(dto.costPrice),
    isActive: isActive as boolean | undefined,
  };
}
