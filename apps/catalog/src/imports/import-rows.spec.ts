import { CreateCategoryDto, CreateProductDto } from '@suite/contracts/catalog';
import { asBoolean, asInt, asList, validateRow } from '@suite/platform';

const product = (v: Record<string, unknown>) =>
  validateRow(CreateProductDto, { storeId: '2b1f6a3e-8d0c-4c1e-9a51-3f2d8c7b6a10', sku: 'A-1', name: 'Mug', price: '19.90', ...v }, [
    'sku',
    'name',
    'price',
    'storeId',
  ]).problems.map((p) => [p.field, p.errorType, p.errorCode]);

describe("catalog's import rows: the product DTO's own validators, reported as import problems", () => {
  it('accepts a good row and keeps money as the text it was', () => {
    const { dto, problems } = validateRow(
      CreateProductDto,
      { storeId: '2b1f6a3e-8d0c-4c1e-9a51-3f2d8c7b6a10', sku: 'A', name: 'M', price: '0.5' },
      [],
    );
    expect(problems).toEqual([]);
    expect(dto.price).toBe('0.5');
  });

  it('money: negative, too many decimals (never rounded) and not a number are told apart', () => {
    expect(product({ price: '-1.00' })).toEqual([['price', 'VALIDATION', 'NEGATIVE_AMOUNT']]);
    expect(product({ price: '1.999' })).toEqual([['price', 'FORMAT', 'TOO_MANY_DECIMALS']]);
    expect(product({ costPrice: '€5' })).toEqual([['costPrice', 'FORMAT', 'NOT_A_NUMBER']]);
  });

  it('required fields are REQUIRED by name; lengths, enums, integers and booleans map to their codes', () => {
    expect(product({ name: undefined, sku: '' })).toEqual([
      ['sku', 'VALIDATION', 'REQUIRED'],
      ['name', 'VALIDATION', 'REQUIRED'],
    ]);
    expect(product({ name: 'x'.repeat(201) })).toEqual([['name', 'VALIDATION', 'TOO_LONG']]);
    expect(product({ status: 'SOLD' })).toEqual([['status', 'VALIDATION', 'NOT_ALLOWED']]);
    expect(product({ stock: asInt('2.5') })).toEqual([['stock', 'FORMAT', 'NOT_A_NUMBER']]);
    expect(product({ stock: asInt('-1') })).toEqual([['stock', 'VALIDATION', 'OUT_OF_RANGE']]);
    expect(product({ isFeatured: asBoolean('maybe') })).toEqual([['isFeatured', 'FORMAT', 'NOT_A_BOOLEAN']]);
    expect(product({ storeId: 'store-1' })).toEqual([['storeId', 'FORMAT', 'NOT_A_UUID']]);
  });

  it('cell conversions: whole numbers, yes/no booleans, "|" lists', () => {
    expect([asInt('12'), asInt('1e3'), asInt(undefined)]).toEqual([12, '1e3', undefined]);
    expect([asBoolean('YES'), asBoolean('0'), asBoolean('x')]).toEqual([true, false, 'x']);
    expect(asList(' a | b ||c ')).toEqual(['a', 'b', 'c']);
  });

  it('a category row is checked by CreateCategoryDto too', () => {
    const { problems } = validateRow(CreateCategoryDto, { name: 'Oyster', imageUrl: 'not a url' }, ['name']);
    expect(problems.map((p) => [p.field, p.errorCode])).toEqual([['imageUrl', 'NOT_A_URL']]);
  });
});
