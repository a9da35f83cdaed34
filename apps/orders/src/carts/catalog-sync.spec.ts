import { Prisma } from '@suite/db/orders';
import { lineSync, productNotice, SyncedLine } from './catalog-sync';

const line = (fields: Partial<SyncedLine> = {}): SyncedLine => ({
  variantId: null,
  quantity: 3,
  price: new Prisma.Decimal('19.99'),
  isAvailable: true,
  unavailableReason: null,
  productSnapshot: { name: 'Oyster mug', sku: 'MUG-1' },
  ...fields,
});
const active = { status: 'ACTIVE', sku: 'MUG-1', price: '19.99', deleted: false };

describe('cart lines follow catalog product events', () => {
  it('changes nothing when the line already matches the product', () => {
    expect(lineSync(line(), active)).toBeNull();
  });

  it('flags a discontinued product with a note for the buyer, keeping the line and its price', () => {
    const sync = lineSync(line(), { ...active, status: 'DISCONTINUED' });
    const notice = productNotice({ status: 'DISCONTINUED', deleted: false });
    expect(sync).toEqual({ data: { isAvailable: false, unavailableReason: notice }, repriced: false });
    expect(notice).toMatch(/discontinued/);
  });

  it('flags any status but ACTIVE, and clears the note when the product is ACTIVE again', () => {
    for (const status of ['DRAFT', 'OUT_OF_STOCK', 'ARCHIVED'])
      expect(lineSync(line(), { ...active, status })?.data).toMatchObject({ isAvailable: false, unavailableReason: expect.any(String) });
    const flagged = line({ isAvailable: false, unavailableReason: productNotice({ status: 'DISCONTINUED', deleted: false }) });
    expect(lineSync(flagged, active)?.data).toEqual({ isAvailable: true, unavailableReason: null });
  });

  it('flags a deleted product whatever its status', () => {
    expect(lineSync(line(), { ...active, deleted: true })?.data).toEqual({
      isAvailable: false,
      unavailableReason: expect.stringMatching(/removed/),
    });
  });

  it('reprices a line without a variant to the current price, exactly', () => {
    const sync = lineSync(line(), { ...active, price: '24.50' });
    expect(sync?.repriced).toBe(true);
    expect(sync?.data).toMatchObject({ price: '24.50', originalPrice: '24.50' });
    expect([(sync?.data.subtotal as Prisma.Decimal).toFixed(2), (sync?.data.total as Prisma.Decimal).toFixed(2)]).toEqual([
      '73.50',
      '73.50',
    ]);
    expect(lineSync(line(), { ...active, price: '19.990' })).toBeNull(); // the same amount written differently
  });

  it('keeps the price of a variant line and of a product without a price', () => {
    expect(lineSync(line({ variantId: 'v1' }), { ...active, price: '5.00' })).toBeNull();
    expect(lineSync(line(), { ...active, price: null })).toBeNull();
  });

  it('updates the snapshot sku and keeps the name', () => {
    expect(lineSync(line(), { ...active, sku: 'MUG-2' })?.data).toEqual({ productSnapshot: { name: 'Oyster mug', sku: 'MUG-2' } });
    expect(lineSync(line({ productSnapshot: null }), { ...active, sku: 'MUG-2' })?.data).toEqual({ productSnapshot: { sku: 'MUG-2' } });
    expect(lineSync(line(), { ...active, sku: null })).toBeNull();
  });
});
