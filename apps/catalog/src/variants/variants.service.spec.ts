import { Prisma } from '@suite/db/catalog';
import { CallerIdentity } from '@suite/platform';
import { isIndexViolation } from '../products/product-rules';
import { VariantsService } from './variants.service';

/** A unique violation as the pg driver adapter reports it (meta shape observed on PostgreSQL). */
const violation = (index: string) =>
  new Prisma.PrismaClientKnownRequestError('Unique constraint failed', {
    code: 'P2002',
    clientVersion: 'test',
    meta: {
      modelName: 'SystemVariant',
      driverAdapterError: { cause: { originalCode: '23505', kind: 'UniqueConstraintViolation', constraint: { index } } },
    },
  });

const seller: CallerIdentity = { userId: 'u', roles: ['SELLER'], permissions: ['products:update'], teamIds: ['team-1'] };
const productId = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

/** A database whose variant inserts fail with `failures` code collisions before one succeeds. */
function fakeDb(failures: number) {
  const tried: string[] = [];
  const tx = {
    $queryRawUnsafe: async () => [{ id: productId, storeId: 's', status: 'ACTIVE', teamId: 'team-1' }],
    systemVariant: {
      create: async ({ data }: { data: { code: string; price: string } }) => {
        tried.push(data.code);
        if (tried.length <= failures) throw violation('system_variants_code_key');
        const now = new Date();
        return {
          id: 'v',
          productId,
          size: null,
          color: null,
          material: null,
          style: null,
          attributes: null,
          costPrice: null,
          stock: 0,
          isActive: true,
          createdAt: now,
          updatedAt: now,
          ...data,
          price: new Prisma.Decimal(data.price),
        };
      },
    },
  };
  return { tried, db: { $transaction: (fn: (t: typeof tx) => Promise<unknown>) => fn(tx) } };
}

describe('system variant codes', () => {
  it('tells a code collision from other unique violations', () => {
    expect(isIndexViolation(violation('system_variants_code_key'), 'system_variants_code_key')).toBe(true);
    expect(isIndexViolation(violation('products_sku_key'), 'products_slug_key')).toBe(false);
    expect(isIndexViolation(new Error('P2002'), 'products_sku_key')).toBe(false);
  });

  it('draws a new code and inserts again when the unique index rejects one', async () => {
    const { db, tried } = fakeDb(2);
    const view = await new VariantsService(db as never, {} as never).create(seller, productId, { price: '9.50' });
    expect(tried).toHaveLength(3);
    expect(view).toMatchObject({ code: tried[2], price: '9.50' });
  });

  it('gives up after ten collisions in a row instead of looping forever', async () => {
    const { db, tried } = fakeDb(100);
    await expect(new VariantsService(db as never, {} as never).create(seller, productId, { price: '1' })).rejects.toMatchObject({
      code: 'P2002',
    });
    expect(tried).toHaveLength(10);
  });
});
