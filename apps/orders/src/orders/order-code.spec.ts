import { formatOrderNumber, newOrderCode, ORDER_CODE_ALPHABET } from './order-code';

describe('order codes and numbers', () => {
  it('makes 9-character codes from the unambiguous alphabet', () => {
    const codes = Array.from({ length: 500 }, newOrderCode);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{9}$/);
    expect(new Set(codes).size).toBe(500);
    expect(ORDER_CODE_ALPHABET).not.toMatch(/[ILO01]/);
  });

  it('pads the yearly counter to six digits', () => {
    expect(formatOrderNumber(2026, 123)).toBe('ORD-2026-000123');
  });
});
