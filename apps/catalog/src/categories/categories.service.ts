import { Injectable } from '@nestjs/common';
import { CategoryNode, CategoryView, CreateCategoryDto, UpdateCategoryDto } from '@suite/contracts/catalog';
import { CatalogDb, Prisma } from '@suite/db/catalog';
import { CallerIdentity, conflict, hasPermission, InjectDb, notFound } from '@suite/platform';
import { requirePermission } from '../access/access';
import { buildTree, byDisplayOrder, publiclyVisible } from './category-tree';
import { nextFreeSlug, slugify } from './slug';
import { toCategoryView } from './category-view';

type Tx = Prisma.TransactionClient;

/** Parallel creates of equal names race for one slug; each lost race re-reads the taken slugs and tries the next. */
const SLUG_ATTEMPTS = 10;

const knownError = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
const categoryNotFound = (field = 'id') =>
  notFound('CATALOG.CATEGORY_NOT_FOUND', 'No such category.', { errors: [{ field, messages: ['category not found'] }] });
const hasChildren = () => conflict('CATALOG.CATEGORY_HAS_CHILDREN', 'Move or delete its subcategories first.');

/** Catalog managers see and edit inactive categories; everyone else (storefront visitors, buyers) does not. */
const seesInactive = (caller: CallerIdentity) => hasPermission(caller, 'categories:update');

@Injectable()
export class CategoriesService {
  constructor(@InjectDb() private readonly db: CatalogDb) {}

  async list(caller: CallerIdentity, tree: boolean): Promise<CategoryView[] | CategoryNode[]> {
    const rows = (await this.db.category.findMany()).map(toCategoryView);
    const shown = seesInactive(caller) ? rows : publiclyVisible(rows);
    return tree ? buildTree(shown) : shown.sort(byDisplayOrder);
  }

  async get(caller: CallerIdentity, id: string): Promise<CategoryView> {
    const row = await this.db.category.findUnique({ where: { id } });
    if (!row || (!seesInactive(caller) && (await this.hiddenFromPublic(id)))) throw categoryNotFound();
    return toCategoryView(row);
  }

  async create(caller: CallerIdentity, dto: CreateCategoryDto): Promise<CategoryView> {
    requirePermission(caller, 'categories:create');
    if (dto.parentId && !(await this.db.category.findUnique({ where: { id: dto.parentId }, select: { id: true } })))
      throw categoryNotFound('parentId');
    const base = slugify(dto.name);
    for (let attempt = 1; ; attempt++) {
      const taken = await this.db.category.findMany({
        where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
        select: { slug: true },
      });
      try {
        const row = await this.db.category.create({
          data: {
            name: dto.name,
            slug: nextFreeSlug(
              base,
              taken.map((t) => t.slug),
            ),
            description: dto.description ?? null,
            parentId: dto.parentId ?? null,
            sortOrder: dto.sortOrder ?? 0,
            isActive: dto.isActive ?? true,
            imageUrl: dto.imageUrl ?? null,
          },
        });
        return toCategoryView(row);
      } catch (error) {
        if (knownError(error, 'P2003')) throw categoryNotFound('parentId'); // the parent was deleted meanwhile
        if (!knownError(error, 'P2002') || attempt >= SLUG_ATTEMPTS) throw error;
      }
    }
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateCategoryDto): Promise<CategoryView> {
    requirePermission(caller, 'categories:update');
    return this.db.$transaction(async (tx) => {
      if (!(await tx.category.findUnique({ where: { id }, select: { id: true } }))) throw categoryNotFound();
      if (dto.parentId) await this.assertNoCycle(tx, id, dto.parentId);
      // null for a required column means "leave it", like an absent field; parentId null makes a root.
      const row = await tx.category.update({
        where: { id },
        data: {
          ...(dto.name != null ? { name: dto.name } : {}),
          ...(dto.description !== undefined ? { description: dto.description } : {}),
          ...(dto.parentId !== undefined ? { parent: dto.parentId ? { connect: { id: dto.parentId } } : { disconnect: true } } : {}),
          ...(dto.sortOrder != null ? { sortOrder: dto.sortOrder } : {}),
          ...(dto.isActive != null ? { isActive: dto.isActive } : {}),
          ...(dto.imageUrl !== undefined ? { imageUrl: dto.imageUrl } : {}),
        },
      });
      return toCategoryView(row);
    });
  }

  async remove(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'categories:delete');
    if (!(await this.db.category.findUnique({ where: { id }, select: { id: true } }))) throw categoryNotFound();
    if ((await this.db.category.count({ where: { parentId: id } })) > 0) throw hasChildren();
    try {
      await this.db.category.delete({ where: { id } }); // product links go with it (ON DELETE CASCADE)
    } catch (error) {
      if (knownError(error, 'P2003')) throw hasChildren(); // a subcategory was added meanwhile (ON DELETE RESTRICT)
      if (knownError(error, 'P2025')) throw categoryNotFound();
      throw error;
    }
    return { deleted: true };
  }

  /** Inactive itself or under an inactive ancestor, as in the public list: one walk up its own chain. */
  private async hiddenFromPublic(id: string): Promise<boolean> {
    const [found] = await this.db.$queryRaw<{ hidden: boolean }[]>`
      WITH RECURSIVE chain AS (
        SELECT id, parent_id, is_active FROM categories WHERE id = ${id}::uuid
        UNION
        SELECT c.id, c.parent_id, c.is_active FROM categories c JOIN chain ON c.id = chain.parent_id
      )
      SELECT EXISTS (SELECT 1 FROM chain WHERE NOT is_active) AS hidden`;
    return found.hidden;
  }

  /**
   * Refuses to put a category under itself or one of its descendants: walks up from the new parent
   * (a recursive CTE, so only that one chain is read). Tree moves take one transaction-scoped lock,
   * so two opposite moves at once (A under B, B under A) cannot both pass the check.
   */
  private async assertNoCycle(tx: Tx, id: string, parentId: string): Promise<void> {
    const cycle = () =>
      conflict('CATALOG.CATEGORY_CYCLE', 'A category cannot be moved under itself or one of its subcategories.', {
        errors: [{ field: 'parentId', messages: ['is the category itself or one of its subcategories'] }],
      });
    if (parentId === id) throw cycle();
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('catalog.categories.tree'))`;
    const [found] = await tx.$queryRaw<{ exists: boolean; parent: boolean }[]>`
      WITH RECURSIVE ancestors AS (
        SELECT id, parent_id FROM categories WHERE id = ${parentId}::uuid
        UNION
        SELECT c.id, c.parent_id FROM categories c JOIN ancestors a ON c.id = a.parent_id
      )
      SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = ${id}::uuid) AS "exists",
             EXISTS (SELECT 1 FROM categories WHERE id = ${parentId}::uuid) AS "parent"`;
    if (!found.parent) throw categoryNotFound('parentId');
    if (found.exists) throw cycle();
  }
}
