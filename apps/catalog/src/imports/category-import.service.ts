import { Injectable } from '@nestjs/common';
import { CreateCategoryDto } from '@suite/contracts/catalog';
import { ImportBatchRequest, ImportRowResult } from '@suite/contracts/core';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { asBoolean, asInt, CallerIdentity, DryRunRollback, failed, InjectDb, problem, validateRow } from '@suite/platform';
import { requirePermission } from '../access/access';

type Tx = Prisma.TransactionClient;

export const CATEGORY_IMPORT_FIELDS = ['slug', 'name', 'parentSlug', 'description', 'sortOrder', 'isActive', 'imageUrl'] as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Category rows upserted by slug (the natural key: a slug stays as created, so it names the same
 * category in every file), parents by their slug, a batch per transaction. A parent must exist or
 * come earlier in the file. Moves take the tree lock of CategoriesService and refuse cycles.
 */
@Injectable()
export class CategoryImportService {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  async upsert(caller: CallerIdentity, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    requirePermission(caller, 'categories:create');
    requirePermission(caller, 'categories:update');
    let results: ImportRowResult[] = [];
    try {
      await this.db.$transaction(
        async (tx) => {
          results = await this.write(tx, request);
          if (request.dryRun) throw new DryRunRollback(results);
        },
        { timeout: 120_000 },
      );
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return results;
  }

  private async write(tx: Tx, request: ImportBatchRequest): Promise<ImportRowResult[]> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog.categories.tree'))`;
    const slugs = request.rows.flatMap((r) => [r.values.slug, r.values.parentSlug]).filter((s): s is string => !!s);
    const known = new Map(
      (await tx.category.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]),
    );
    const seen = new Set<string>();
    const results: ImportRowResult[] = [];
    for (const { rowNumber, values: v } of request.rows) {
      const plain = {
        name: v.name,
        description: v.description,
        sortOrder: asInt(v.sortOrder),
        isActive: asBoolean(v.isActive),
        imageUrl: v.imageUrl,
      };
      const { dto, problems } = validateRow(CreateCategoryDto, plain, ['name']);
      if (!v.slug) problems.unshift(problem('slug', 'VALIDATION', 'REQUIRED', 'slug is required'));
      else if (!SLUG.test(v.slug) || v.slug.length > 120)
        problems.unshift(
          problem('slug', 'FORMAT', 'BAD_SLUG', 'slug is lower-case letters and digits joined by dashes', {
            expectedFormat: 'oyster-mushrooms',
          }),
        );
      else if (seen.has(v.slug)) problems.unshift(problem('slug', 'CONSTRAINT', 'DUPLICATE_KEY', `slug ${v.slug} appears twice`));
      const parentId = v.parentSlug ? known.get(v.parentSlug) : null;
      if (v.parentSlug && !parentId)
        problems.push(
          problem('parentSlug', 'CONSTRAINT', 'UNKNOWN_PARENT', `No category ${v.parentSlug}`, {
            suggestion: 'List a parent before its children',
          }),
        );
      const id = v.slug ? known.get(v.slug) : undefined;
      if (!problems.length && id && parentId && (await this.wouldCycle(tx, id, parentId)))
        problems.push(problem('parentSlug', 'BUSINESS_RULE', 'CATEGORY_CYCLE', 'A category cannot be under itself or its subcategories'));
      if (problems.length) {
        results.push(failed(rowNumber, problems));
        continue;
      }
      seen.add(v.slug);
      const data = {
        name: dto.name,
        description: dto.description ?? null,
        parentId: parentId ?? null,
        sortOrder: dto.sortOrder ?? 0,
        isActive: dto.isActive ?? true,
        imageUrl: dto.imageUrl ?? null,
      };
      if (id) {
        await tx.category.update({ where: { id }, data });
        results.push({ rowNumber, outcome: 'updated', id, problems: [] });
      } else {
        const row = await tx.category.create({ data: { ...data, slug: v.slug }, select: { id: true } });
        known.set(v.slug, row.id);
        results.push({ rowNumber, outcome: 'created', id: row.id, problems: [] });
      }
    }
    return results;
  }

  private async wouldCycle(tx: Tx, id: string, parentId: string): Promise<boolean> {
    if (id === parentId) return true;
    const [found] = await tx.$queryRaw<{ cycle: boolean }[]>`
      WITH RECURSIVE ancestors AS (
        SELECT id, parent_id FROM categories WHERE id = ${parentId}::uuid
        UNION
        SELECT c.id, c.parent_id FROM categories c JOIN ancestors a ON c.id = a.parent_id
      )
      SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = ${id}::uuid) AS cycle`;
    return found.cycle;
  }
}
