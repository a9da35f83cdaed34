import { ENTITY_SPECS } from './entity-specs';
import { HeaderMapping } from './header-mapping';
import { validateRow } from './row-validation';

const rules = ENTITY_SPECS.PRODUCT!.fields;
const codes = (values: Record<string, string>) => validateRow(values, rules).map((p) => [p.field, p.errorType, p.errorCode]);
const good = { sku: 'A-1', name: 'Mug', price: '19.90' };

describe('import row validation (the product rules)', () => {
  it('a good row has no problems; money is only checked, never converted', () => {
    expect(codes(good)).toEqual([]);
    expect(codes({ ...good, price: '0.5', stock: '0', isFeatured: 'yes', status: 'active' })).toEqual([]);
  });

  it('names the field, the type and the code of each broken rule', () => {
    expect(codes({ sku: 'A', price: '1' })).toEqual([['name', 'VALIDATION', 'REQUIRED']]);
    expect(codes({ ...good, price: '12,50' })).toEqual([['price', 'FORMAT', 'NOT_A_NUMBER']]);
    expect(codes({ ...good, price: '-1.00' })).toEqual([['price', 'VALIDATION', 'NEGATIVE_AMOUNT']]);
    expect(codes({ ...good, stock: '2.5' })).toEqual([['stock', 'FORMAT', 'NOT_A_NUMBER']]);
    expect(codes({ ...good, maxCartQty: '0' })).toEqual([['maxCartQty', 'VALIDATION', 'OUT_OF_RANGE']]);
    expect(codes({ ...good, status: 'SOLD' })).toEqual([['status', 'VALIDATION', 'NOT_ALLOWED']]);
    expect(codes({ ...good, name: 'x'.repeat(201) })).toEqual([['name', 'VALIDATION', 'TOO_LONG']]);
    expect(codes({ ...good, storeId: 'store-1' })).toEqual([['storeId', 'FORMAT', 'NOT_A_UUID']]);
    expect(codes({ ...good, isFeatured: 'maybe' })).toEqual([['isFeatured', 'FORMAT', 'NOT_A_BOOLEAN']]);
  });

  it('counts characters, not bytes, against maxLength (non-ASCII names are not "too long" early)', () => {
    expect(codes({ ...good, name: '茶'.repeat(200) })).toEqual([]);
  });

  it('maps headers by template, then by field name ignoring case and separators, and remembers the file header', () => {
    const mapping = new HeaderMapping({ 'Article no.': 'sku' }, Object.keys(rules));
    const unknown: string[] = [];
    const values = mapping.map({ 'Article no.': ' A-1 ', NAME: 'Mug', 'Min Stock': '3', Colour: 'red', price: '' }, (h) => unknown.push(h));
    expect(values).toEqual({ sku: 'A-1', name: 'Mug', minStock: '3' });
    expect(unknown).toEqual(['Colour']);
    expect(mapping.headerOf('sku')).toBe('Article no.');
    expect(mapping.headerOf('minStock')).toBe('Min Stock');
  });
});
