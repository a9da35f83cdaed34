import { inCodeOrder, money, refuseRepeatedCodes, repeatedCodes, toBulkRow } from './supplier-variant-rules';

describe('supplier variant rules', () => {
  it('answers money as a 2-place decimal string whatever it arrived as', () => {
    expect([money('7'), money(7.5), money('12.30'), money({ toFixed: (d: number) => (1.234).toFixed(d) })]).toEqual([
      '7.00',
      '7.50',
      '12.30',
      '1.23',
    ]);
  });

  it('gives an absent optional field of a bulk row its default', () => {
    expect(toBulkRow({ systemVariantCode: 'K7WQ3', supplierProductCode: 'P', supplierVariantCode: 'V', supplierPrice: 3 })).toEqual({
      systemVariantCode: 'K7WQ3',
      systemVariantId: null,
      supplierProductCode: 'P',
      supplierVariantCode: 'V',
      supplierSku: null,
      supplierPrice: '3.00',
      currency: 'USD',
      minimumQuantity: 1,
      leadTime: 0,
      isAvailable: true,
      printMethod: null,
    });
  });

  it('names every repeat of a code after its first row', () => {
    const rows = ['AAAAA', 'BBBBB', 'AAAAA', 'CCCCC', 'AAAAA'].map((systemVariantCode) => ({ systemVariantCode }));
    expect(repeatedCodes(rows).map((v) => v.field)).toEqual(['variants[2].systemVariantCode', 'variants[4].systemVariantCode']);
    expect(() => refuseRepeatedCodes(rows)).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'FULFILLMENT.DUPLICATE_VARIANT_CODE' }),
    );
    expect(() => refuseRepeatedCodes(rows.slice(0, 2))).not.toThrow();
  });

  it('sorts rows by code so overlapping upserts lock in one order', () => {
    const rows = ['ZZZZ2', 'AAAA9', 'MMMMM'].map((systemVariantCode) => ({ systemVariantCode }));
    expect(inCodeOrder(rows).map((r) => r.systemVariantCode)).toEqual(['AAAA9', 'MMMMM', 'ZZZZ2']);
    expect(rows[0].systemVariantCode).toBe('ZZZZ2');
  });
});
