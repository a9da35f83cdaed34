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

  it('people and inventory rules: emails, E.164 phones, usernames and 5-character variant codes', () => {
    const people = (values: Record<string, string>) => validateRow(values, ENTITY_SPECS.USER!.fields).map((p) => [p.field, p.errorCode]);
    expect(people({ email: 'maria@example.com', phoneNumber: '+639171234567', username: 'maria.s', roles: 'GROWER|SELLER' })).toEqual([]);
    expect(people({ email: 'maria@' })).toEqual([['email', 'NOT_AN_EMAIL']]);
    expect(people({ email: 'a@b.co', phoneNumber: '0917 123 4567' })).toEqual([['phoneNumber', 'PATTERN_MISMATCH']]);
    expect(people({ email: 'a@b.co', username: 'no spaces' })).toEqual([['username', 'PATTERN_MISMATCH']]);
    expect(people({ firstName: 'No email' })).toEqual([['email', 'REQUIRED']]);
    const inventory = (values: Record<string, string>) =>
      validateRow(values, ENTITY_SPECS.INVENTORY!.fields).map((p) => [p.field, p.errorCode]);
    expect(inventory({ code: 'K7WQ3', stock: '12' })).toEqual([]);
    expect(inventory({ code: 'K7-Q3', stock: '-1' })).toEqual([
      ['code', 'PATTERN_MISMATCH'],
      ['stock', 'NEGATIVE_AMOUNT'],
    ]);
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
