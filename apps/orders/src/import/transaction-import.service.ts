import { Injectable } from '@nestjs/common';
import { ImportBatchRequest, ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import { Prisma } from '@suite/db/orders';
import { CallerIdentity, failed, problem, runImportBatch, UnitOfWork } from '@suite/platform';
import { requirePermission } from '../access';
import { OrderAccess } from '../orders/order-access';

type Tx = Prisma.TransactionClient;

/** The columns of a TRANSACTION row: what a TRANSACTION export has, plus a note. */
export const TRANSACTION_IMPORT_FIELDS = ['reference', 'orderCode', 'type', 'amount', 'currency', 'status', 'createdAt', 'note'] as const;

/**
 * Ledger rows a file may add to an order: a marketplace settlement report's fees, commissions and adjustments.
 * PAYMENT and REFUND rows are written only by the payment flows, which move the payment and order with them
 * (an order's rows sum to its state); a file cannot.
 */
const IMPORTABLE_TYPES = ['FEE', 'COMMISSION', 'ADJUSTMENT'] as const;
const STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
/** An ADJUSTMENT may take money back (negative); a fee or commission is an amount charged, never negative. */
const SIGNED_MONEY = /^-?\d{1,10}(\.\d{1,2})?$/;

interface Checked {
  rowNumber: number;
  reference: string;
  orderCode: string;
  type: (typeof IMPORTABLE_TYPES)[number];
  amount: string;
  currency?: string;
  status: (typeof STATUSES)[number];
  createdAt?: Date;
  note?: string;
}

/**
 * TRANSACTION import batches. The natural key is the row's reference within its order (the settlement line's
 * id): importing the same file again updates those rows rather than adding them twice. Rows are written only
 * to orders the caller may see, and two jobs writing one reference wait for each other (a transaction lock per
 * order and reference, taken in key order so batches never deadlock).
 */
@Injectable()
export class TransactionImportService {
  constructor(
    private readonly access: OrderAccess,
    private readonly uow: UnitOfWork<Tx>,
  ) {}

  async upsert(caller: CallerIdentity, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    requirePermission(caller, 'payments:create');
    const scope = await this.access.scope(caller);
    return runImportBatch(this.uow, request, {
      check,
      keyField: 'reference',
      key: (row) => `${row.orderCode}\u0000${row.reference}`,
      write: (tx, rows) => this.write(tx, scope, rows),
    });
  }

  private async write(tx: Tx, scope: Prisma.OrderWhereInput, rows: Checked[]): Promise<ImportRowResult[]> {
    if (!rows.length) return [];
    const orders = new Map(
      (
        await tx.order.findMany({
          where: { AND: [{ orderCode: { in: [...new Set(rows.map((r) => r.orderCode))] } }, scope] },
          select: { id: true, orderCode: true, currency: true },
        })
      ).map((o) => [o.orderCode, o]),
    );
    const keys = [...new Set(rows.filter((r) => orders.has(r.orderCode)).map((r) => `${orders.get(r.orderCode)!.id}:${r.reference}`))];
    keys.sort();
    for (const key of keys) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'transaction-import:' + key}, 0))`;
    const results: ImportRowResult[] = [];
    for (const row of rows) {
      const order = orders.get(row.orderCode);
      if (!order) {
        results.push(
          failed(row.rowNumber, [
            problem('orderCode', 'CONSTRAINT', 'ORDER_NOT_FOUND', `No order ${row.orderCode} among the orders you may see`, {
              suggestion: 'Use the orderCode of an order of your stores (see an ORDER export)',
            }),
          ]),
        );
        continue;
      }
      results.push(await this.writeOne(tx, row, order));
    }
    return results;
  }

  private async writeOne(tx: Tx, row: Checked, order: { id: string; currency: string }): Promise<ImportRowResult> {
    const currency = row.currency ?? order.currency;
    if (currency !== order.currency)
      return failed(row.rowNumber, [
        problem('currency', 'BUSINESS_RULE', 'CURRENCY_MISMATCH', `The order is in ${order.currency}, not ${currency}`, {
          expectedFormat: order.currency,
        }),
      ]);
    const existing = await tx.transaction.findFirst({
      where: { orderId: order.id, reference: row.reference },
      select: { id: true, type: true },
    });
    if (existing && !(IMPORTABLE_TYPES as readonly string[]).includes(existing.type))
      return failed(row.rowNumber, [
        problem('reference', 'CONSTRAINT', 'REFERENCE_TAKEN', `The order's ${existing.type} already has the reference ${row.reference}`, {
          suggestion: 'Give the settlement line its own reference',
        }),
      ]);
    const data = {
      type: row.type,
      amount: new Prisma.Decimal(row.amount),
      currency,
      status: row.status,
      metadata: { source: 'import', ...(row.note ? { note: row.note } : {}) },
      ...(row.createdAt ? { createdAt: row.createdAt } : {}),
    };
    if (existing) {
      await tx.transaction.update({ where: { id: existing.id }, data });
      return { rowNumber: row.rowNumber, outcome: 'updated', id: existing.id, problems: [] };
    }
    const created = await tx.transaction.create({ data: { ...data, orderId: order.id, reference: row.reference }, select: { id: true } });
    return { rowNumber: row.rowNumber, outcome: 'created', id: created.id, problems: [] };
  }
}

function check(rowNumber: number, v: Record<string, string>): Checked | ImportRowResult {
  const problems: ImportRowProblem[] = (['reference', 'orderCode', 'type', 'amount'] as const)
    .filter((f) => !v[f]?.trim())
    .map((f) => problem(f, 'VALIDATION', 'REQUIRED', `${f} is required`, { suggestion: `Fill in ${f}` }));
  const reference = v.reference?.trim() ?? '';
  if (reference.length > 200) problems.push(problem('reference', 'VALIDATION', 'TOO_LONG', 'reference is longer than 200 characters'));
  const type = v.type?.trim().toUpperCase();
  if (type && !(IMPORTABLE_TYPES as readonly string[]).includes(type))
    problems.push(
      type === 'PAYMENT' || type === 'REFUND'
        ? problem('type', 'BUSINESS_RULE', 'PAYMENT_FLOW_ONLY', `${type} rows are written by the payment flows, not by a file`, {
            suggestion: 'Refund through POST /orders/:orderId/refunds; import fees, commissions and adjustments',
          })
        : problem('type', 'VALIDATION', 'NOT_ALLOWED', 'type must be one of FEE, COMMISSION, ADJUSTMENT', {
            expectedFormat: 'one of FEE, COMMISSION, ADJUSTMENT',
          }),
    );
  const amount = v.amount?.trim();
  if (amount && !SIGNED_MONEY.test(amount))
    problems.push(
      problem('amount', 'FORMAT', 'NOT_A_NUMBER', 'amount is not an amount with at most 2 decimals', {
        expectedFormat: '12.50 (-12.50 for an adjustment taking money back)',
        suggestion: 'Remove currency symbols and thousands separators; it is never rescaled',
      }),
    );
  else if (amount?.startsWith('-') && type !== 'ADJUSTMENT')
    problems.push(
      problem('amount', 'VALIDATION', 'NEGATIVE_AMOUNT', 'only an ADJUSTMENT may be negative', { expectedFormat: '0.00 or more' }),
    );
  const currency = v.currency?.trim().toUpperCase() || undefined;
  if (currency && !/^[A-Z]{3}$/.test(currency))
    problems.push(problem('currency', 'FORMAT', 'NOT_A_CURRENCY', 'currency is a 3-letter ISO 4217 code', { expectedFormat: 'PHP' }));
  const status = v.status?.trim().toUpperCase() || 'COMPLETED';
  if (!(STATUSES as readonly string[]).includes(status))
    problems.push(problem('status', 'VALIDATION', 'NOT_ALLOWED', `status must be one of ${STATUSES.join(', ')}`));
  const createdAt = v.createdAt ? new Date(v.createdAt) : undefined;
  if (createdAt && Number.isNaN(createdAt.getTime()))
    problems.push(problem('createdAt', 'FORMAT', 'NOT_A_DATE', 'createdAt is not a date', { expectedFormat: '2026-12-01T09:30:00Z' }));
  if (v.note && v.note.length > 500) problems.push(problem('note', 'VALIDATION', 'TOO_LONG', 'note is longer than 500 characters'));
  if (problems.length) return failed(rowNumber, problems);
  return {
    rowNumber,
    reference,
    orderCode: v.orderCode.trim(),
    type: type as Checked['type'],
    amount: amount!,
    currency,
    status: status as Checked['status'],
    createdAt,
    note: v.note || undefined,
  };
}
