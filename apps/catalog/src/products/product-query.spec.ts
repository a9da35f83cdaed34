import { encodeCursor } from '@suite/platform';
import { cursorOf, productListSql, readCursor } from './product-query';

const id = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('product list query', () => {
  it("shows anonymous callers only ACTIVE live products, members also their teams' and operators everything", () => {
    expect(productListSql({}, { teamIds: [] }, 20).sql).toContain(`WHERE NOT p.is_deleted AND p.status = 'ACTIVE'`);
    const member = productListSql({}, { teamIds: ['t1'] }, 20);
    expect(member.sql).toContain(`(p.status = 'ACTIVE' OR s.team_id = ANY($1::uuid[]))`);
    expect(member.params).toEqual([['t1'], 21]);
    expect(productListSql({}, { all: true }, 20).sql).toContain('WHERE NOT p.is_deleted ORDER BY');
  });

  it('binds every filter as a parameter, the search term escaped', () => {
    const { sql, params } = productListSql(
      { search: '50%', storeId: id, status: 'DRAFT', featured: false, minPrice: '1.50', maxPrice: '9', lowStock: true },
      { all: true },
      10,
    );
    expect(sql).toContain('p.name ILIKE $1');
    expect(sql).toContain('p.stock <= p.min_stock');
    expect(params).toEqual(['%50\\%%', id, 'DRAFT', false, '1.50', '9', 11]);
  });

  it('orders by the sort key then id, and continues after the cursor in the same direction', () => {
    const row = { id, created_at: new Date('2026-01-02T03:04:05.678Z'), price: '12.50', name: 'Mug' };
    const newest = productListSql({ cursor: cursorOf('newest', row) }, { all: true }, 5);
    expect(newest.sql).toContain('(p.created_at, p.id) < ($1::timestamptz, $2::uuid)');
    expect(newest.sql).toContain('ORDER BY p.created_at DESC, p.id DESC');
    expect(newest.params.slice(0, 2)).toEqual(['2026-01-02T03:04:05.678Z', id]);
    const cheap = productListSql({ sort: 'price_asc', cursor: cursorOf('price_asc', row) }, { all: true }, 5);
    expect(cheap.sql).toContain('(p.price, p.id) > ($1::numeric, $2::uuid)');
    expect(productListSql({ sort: 'name' }, { all: true }, 5).sql).toContain('ORDER BY p.name ASC, p.id ASC');
  });

  it('rejects a cursor of another sort or a forged one, naming the cursor', () => {
    const cursor = cursorOf('name', { id, created_at: new Date(), price: '1.00', name: 'Mug' });
    expect(readCursor('name', cursor)).toEqual({ key: 'Mug', id });
    expect(() => readCursor('price_asc', cursor)).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        details: expect.objectContaining({ errors: [expect.objectContaining({ field: 'cursor' })] }),
      }),
    );
    expect(() => readCursor('newest', encodeCursor({ s: 'newest', k: 'not a date', i: id }))).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
    expect(() => readCursor('newest', encodeCursor({ s: 'newest', k: new Date().toISOString(), i: 'x' }))).toThrow(
      expect.objectContaining({ kind: 'invalid' }),
    );
  });
});
