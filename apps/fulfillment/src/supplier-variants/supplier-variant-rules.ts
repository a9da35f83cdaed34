import { SupplierVariantRowDto } from '@suite/contracts/fulfillment';
import { FieldViolation, invalid, notFound } from '@suite/platform';

/** Money leaves the service as a string with 2 decimals ("7.40"), never as a float. */
export const money = (value: { toFixed(digits: number): string } | string | number): string =>
  typeof value === 'object' ? value.toFixed(2) : Number(value).toFixed(2);

export const supplierVariantNotFound = () =>
  notFound('FULFILLMENT.SUPPLIER_VARIANT_NOT_FOUND', 'No such supplier variant.', {
    errors: [{ field: 'supplierVariantId', messages: ['supplier variant not found'] }],
  });

/** The row as stored by a bulk upsert: the row states the whole mapping, so an absent optional field takes its default. */
export interface BulkRow {
  systemVariantCode: string;
  systemVariantId: string | null;
  supplierProductCode: string;
  supplierVariantCode: string;
  supplierSku: string | null;
  supplierPrice: string;
  currency: string;
  minimumQuantity: number;
  leadTime: number;
  isAvailable: boolean;
  printMethod: string | null;
}

export function toBulkRow(v: SupplierVariantRowDto): BulkRow {
  return {
    systemVariantCode: v.systemVariantCode,
    systemVariantId: v.systemVariantId ?? null,
    supplierProductCode: v.supplierProductCode,
    supplierVariantCode: v.supplierVariantCode,
    supplierSku: v.supplierSku ?? null,
    supplierPrice: money(v.supplierPrice),
    currency: v.currency ?? 'USD',
    minimumQuantity: v.minimumQuantity ?? 1,
    leadTime: v.leadTime ?? 0,
    isAvailable: v.isAvailable ?? true,
    printMethod: v.printMethod ?? null,
  };
}

/**
 * One code twice in a request cannot be upserted in one statement (Postgres refuses to update a row
 * twice) and would be ambiguous anyway: every repeat after the first is named.
 */
export function repeatedCodes(rows: { systemVariantCode: string }[]): FieldViolation[] {
  const seen = new Map<string, number>();
  const violations: FieldViolation[] = [];
  rows.forEach((row, i) => {
    const first = seen.get(row.systemVariantCode);
    if (first === undefined) seen.set(row.systemVariantCode, i);
    else violations.push({ field: `variants[${i}].systemVariantCode`, messages: [`repeats variants[${first}].systemVariantCode`] });
  });
  return violations;
}

export function refuseRepeatedCodes(rows: { systemVariantCode: string }[]): void {
  const violations = repeatedCodes(rows);
  if (violations.length > 0)
    throw invalid('FULFILLMENT.DUPLICATE_VARIANT_CODE', `Invalid input: ${violations.map((v) => v.field).join(', ')}.`, {
      errors: violations,
    });
}

/** Rows in code order, so concurrent upserts of overlapping codes take their row locks in the same order and never deadlock. */
export const inCodeOrder = <T extends { systemVariantCode: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => (a.systemVariantCode < b.systemVariantCode ? -1 : a.systemVariantCode > b.systemVariantCode ? 1 : 0));
