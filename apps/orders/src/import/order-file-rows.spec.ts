import { orderRowOf } from './order-file-rows';

const STORE = '2b1f6a3e-8d0c-4c1e-9a51-3f2d8c7b6a10';
const row = (v: Record<string, string>) =>
  orderRowOf(
    2,
    {
      platformOrderId: 'TT-1',
      items: 'MUG-11*2@14.90|TEE-M*1@19',
      shipName: 'Maria Santos',
      shipStreet1: '12 Mabini St',
      shipCity: 'Makati',
      shipPostalCode: '1200',
      shipCountry: 'Philippines',
      ...v,
    },
    STORE,
  );
const codes = (v: Record<string, string>) => {
  const r = row(v);
  return 'problems' in r ? r.problems.map((p) => [p.field, p.errorCode]) : [];
};

describe('ORDER import rows', () => {
  it('reads lines, money and the address into the shape the marketplace mappers produce', () => {
    const r = row({ shipping: '60', tax: '3.50', discount: '1.00', buyerEmail: 'maria@example.com', currency: 'php' });
    expect('order' in r && r.order).toMatchObject({
      platformOrderId: 'TT-1',
      currency: 'PHP',
      items: [
        { sku: 'MUG-11', quantity: 2, price: '14.90' },
        { sku: 'TEE-M', quantity: 1, price: '19.00' },
      ],
      shipping: '60.00',
      tax: '3.50',
      discount: '1.00',
      total: '111.30',
      buyer: { email: 'maria@example.com', name: 'Maria Santos' },
      shippingAddress: { country: 'PH', city: 'Makati', postalCode: '1200' },
    });
    expect('storeId' in r && r.storeId).toBe(STORE);
  });

  it('names every broken field with its code', () => {
    expect(codes({ items: 'MUG-11 x2' })).toEqual([['items', 'BAD_ORDER_LINES']]);
    expect(codes({ items: 'MUG-11*0@1.00' })).toEqual([['items', 'BAD_ORDER_LINES']]);
    expect(codes({ items: 'MUG-11*1@1.999' })).toEqual([['items', 'BAD_ORDER_LINES']]);
    expect(codes({ shipCountry: 'Atlantis' })).toEqual([['shipCountry', 'UNKNOWN_COUNTRY']]);
    expect(codes({ shipping: '-5' })).toEqual([['shipping', 'NOT_A_NUMBER']]);
    expect(codes({ placedAt: 'yesterday' })).toEqual([['placedAt', 'NOT_A_DATE']]);
    expect(codes({ currency: 'PESO' })).toEqual([['currency', 'NOT_A_CURRENCY']]);
    expect(codes({ storeId: 'store-1' })).toEqual([['storeId', 'NOT_A_UUID']]);
    expect(codes({ shipCity: '', platformOrderId: '' })).toEqual([
      ['platformOrderId', 'REQUIRED'],
      ['shipCity', 'REQUIRED'],
    ]);
  });
});
