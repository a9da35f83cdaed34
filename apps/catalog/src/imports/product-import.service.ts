import { Injectable } from '@nestjs/common';
import { CatalogEvents, CreateProductDto, ProductView } from '@suite/contracts/catalog';
import { ImportBatchRequest, ImportRowProblem, ImportRowResult } from '@suite/contracts/core';
import { Prisma } from '@suite/db/catalog';
import {
  asBoolean,
  asInt,
  asList,
  asNumber,
  CallerIdentity,
  failed,
  outboxRow,
  problem,
  runImportBatch,
  UnitOfWork,
  validateRow,
} from '@suite/platform';
import { requirePermission } from '../access/access';
import { canUseTeam } from '../access/team-access';
import { announceUpdate, productEvent } from '../products/product-access';
import { productColumns } from '../products/product-data';
import { money, slugCandidate, slugify } from '../products/product-rules';

type Tx = Prisma.TransactionClient;

/** The columns of a product import row; lists ("tags", "images", "categories" as slugs) are "|"-separated. */
export const PRODUCT_IMPORT_FIELDS = [
  'sku',
  'name',
  'storeId',
  'price',
  'basePrice',
  'comparePrice',
  'costPrice',
  'description',
  'stock',
  'minStock',
  'maxCartQty',
  'weight',
  'tags',
  'images',
  'categories',
  'seoTitle',
  'seoDescription',
  'isFeatured',
  'status',
] as const;

interface Checked {
  rowNumber: number;
  sku: string;
  dto: CreateProductDto;
  categorySlugs?: string[];
}

interface Existing {
  id: string;
  storeId: string;
  teamId: string;
  status: string;
  isDeleted: boolean;
}

/**
 * Product rows upserted by sku, a batch per transaction, with the same validation (CreateProductDto),
 * column mapping and events as the single-product routes. A seller writes into their own teams'
 * stores only; a sku held by another team's product is refused, never taken over.
 */
@Injectable()
export class ProductImportService {
  constructor(private readonly uow: UnitOfWork<Prisma.TransactionClient>) {}

  async upsert(caller: CallerIdentity, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    requirePermission(caller, 'products:create');
    requirePermission(caller, 'products:update');
    return runImportBatch(this.uow, request, {
      check: (rowNumber, values) => this.check(rowNumber, values, request.defaultStoreId),
      keyField: 'sku',
      key: (row) => row.sku,
      write: (tx, rows) => this.write(tx, caller, rows),
    });
  }

  private check(rowNumber: number, v: Record<string, string>, defaultStoreId?: string): Checked | ImportRowResult {
    const plain = {
      sku: v.sku,
      name: v.name,
      storeId: v.storeId ?? defaultStoreId,
      price: v.price,
      basePrice: v.basePrice,
      comparePrice: v.comparePrice,
      costPrice: v.costPrice,
      description: v.description,
      stock: asInt(v.stock),
      minStock: asInt(v.minStock),
      maxCartQty: asInt(v.maxCartQty),
      weight: asNumber(v.weight),
      tags: asList(v.tags),
      images: asList(v.images),
      seoTitle: v.seoTitle,
      seoDescription: v.seoDescription,
      isFeatured: asBoolean(v.isFeatured),
      status: v.status?.toUpperCase(),
    };
    const { dto, problems } = validateRow(CreateProductDto, plain, ['sku', 'name', 'price', 'storeId']);
    if (problems.length) return failed(rowNumber, problems);
    return { rowNumber, sku: dto.sku!, dto, categorySlugs: asList(v.categories) };
  }

  private async write(tx: Tx, caller: CallerIdentity, rows: Checked[]): Promise<ImportRowResult[]> {
    if (!rows.length) return [];
    const storeIds = [...new Set(rows.map((r) => r.dto.storeId))];
    const stores = await tx.store.findMany({ where: { id: { in: storeIds } }, select: { id: true, teamId: true } });
    const usable = new Set(stores.filter((s) => canUseTeam(caller, s.teamId)).map((s) => s.id));
    const slugs = [...new Set(rows.flatMap((r) => r.categorySlugs ?? []))];
    const categories = new Map(
      (await tx.category.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    );
    const existing = new Map(
      (
        await tx.$queryRawUnsafe<Array<Existing & { sku: string }>>(
          `SELECT p.id::text AS id, p.sku, p.store_id::text AS "storeId", s.team_id::text AS "teamId", p.status::text AS status,
                  p.is_deleted AS "isDeleted"
             FROM products p JOIN stores s ON s.id = p.store_id WHERE p.sku = ANY($1::text[]) ORDER BY p.id FOR UPDATE OF p`,
          rows.map((r) => r.sku),
        )
      ).map((p) => [p.sku, p]),
    );
    const takenSlugs = new Set(
      (await tx.product.findMany({ where: { slug: { in: rows.map((r) => slugify(r.dto.name)) } }, select: { slug: true } })).map(
        (p) => p.slug,
      ),
    );
    const results: ImportRowResult[] = [];
    const creates: Array<{ dto: CreateProductDto; slug: string; result: ImportRowResult }> = [];
    for (const row of rows) {
      const problems: ImportRowProblem[] = [];
      const before = existing.get(row.sku);
      if (!usable.has(row.dto.storeId))
        problems.push(
          problem('storeId', 'CONSTRAINT', 'STORE_NOT_FOUND', 'No such store in your teams', {
            suggestion: 'Use the id of one of your stores',
          }),
        );
      if (before && !canUseTeam(caller, before.teamId))
        problems.push(problem('sku', 'CONSTRAINT', 'SKU_TAKEN', 'Another team has a product with this sku'));
      else if (before?.isDeleted) problems.push(problem('sku', 'BUSINESS_RULE', 'SKU_DELETED', 'The product with this sku was deleted'));
      else if (before && usable.has(row.dto.storeId) && before.storeId !== row.dto.storeId)
        problems.push(problem('storeId', 'BUSINESS_RULE', 'STORE_MISMATCH', 'The product with this sku is in another of your stores'));
      const unknown = (row.categorySlugs ?? []).filter((s) => !categories.has(s));
      if (unknown.length)
        problems.push(
          problem('categories', 'CONSTRAINT', 'UNKNOWN_CATEGORY', `No such categories: ${unknown.join(', ')}`, {
            expectedFormat: 'category slugs separated by |',
          }),
        );
      if (problems.length) {
        results.push(failed(row.rowNumber, problems));
        continue;
      }
      const categoryIds = row.categorySlugs?.map((s) => categories.get(s)!);
      const dto = { ...row.dto, categoryIds };
      if (before) {
        results.push({ rowNumber: row.rowNumber, outcome: 'updated', id: before.id, problems: [] });
        await this.update(tx, before, dto);
      } else {
        const base = slugify(dto.name);
        let slug = slugCandidate(base, takenSlugs.has(base) ? 1 : 0);
        while (takenSlugs.has(slug)) slug = slugCandidate(base, 1);
        takenSlugs.add(slug);
        const result: ImportRowResult = { rowNumber: row.rowNumber, outcome: 'created', problems: [] };
        results.push(result);
        creates.push({ dto, slug, result });
      }
    }
    await this.createAll(tx, creates);
    return results;
  }

  /**
   * The batch's new products in one statement, their category links in one more and their
   * ProductCreated events in a third (the same rows and events the single-product route writes, one
   * round trip each instead of three per product).
   */
  private async createAll(tx: Tx, creates: Array<{ dto: CreateProductDto; slug: string; result: ImportRowResult }>): Promise<void> {
    if (!creates.length) return;
    const created = await tx.product.createManyAndReturn({
      data: creates.map(({ dto, slug }) => ({ ...productColumns(dto), storeId: dto.storeId, slug }) as Prisma.ProductCreateManyInput),
      select: { id: true, storeId: true, sku: true, status: true, price: true },
    });
    const bySku = new Map(created.map((c) => [c.sku, c]));
    for (const c of creates) c.result.id = bySku.get(c.dto.sku!)!.id;
    const links = creates.flatMap(({ dto, result }) =>
      [...new Set(dto.categoryIds ?? [])].map((categoryId) => ({ productId: result.id!, categoryId })),
    );
    if (links.length) await tx.productCategory.createMany({ data: links });
    const events = created.map((c) =>
      outboxRow(CatalogEvents.ProductCreated, productEvent({ ...c, price: money(c.price)! } as unknown as ProductView)),
    );
    await tx.$executeRawUnsafe(
      'INSERT INTO outbox_event (id, subject, payload, headers) SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[])',
      events.map((e) => e.id),
      events.map((e) => e.subject),
      events.map((e) => e.payload),
      events.map((e) => e.headers),
    );
  }

  private async update(tx: Tx, before: Existing, dto: CreateProductDto): Promise<void> {
    const { storeId: _store, ...changes } = dto;
    const after = await tx.product.update({
      where: { id: before.id },
      data: productColumns(changes),
      select: { id: true, storeId: true, sku: true, status: true, price: true, stock: true, minStock: true },
    });
    if (dto.categoryIds) {
      await tx.productCategory.deleteMany({ where: { productId: before.id } });
      await tx.productCategory.createMany({
        data: [...new Set(dto.categoryIds)].map((categoryId) => ({ productId: before.id, categoryId })),
      });
    }
    const view = { ...after, price: money(after.price)! } as unknown as ProductView;
    await announceUpdate(tx, before, view, dto.stock !== undefined || dto.minStock !== undefined);
  }
}
