import { applyLegs, MovementPlan, planMovement, reservePlan } from './movement-math';

const A = '0b9b3c3e-9a53-4d0e-8d53-0a4f1f6e7b10';
const B = '1c9b3c3e-9a53-4d0e-8d53-0a4f1f6e7b11';

/** The stock a plan leaves from `before`, keyed `<at>:<type>`. */
const run = (plan: MovementPlan, before: Record<string, number> = {}) =>
  applyLegs(
    before,
    plan.legs.map((l) => ({ key: `${l.at}:${l.type}`, delta: l.delta })),
  );

const fieldOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return (error as { details?: { errors?: { field: string }[] } }).details?.errors?.map((e) => e.field);
  }
  return undefined;
};

describe('inventory movement math', () => {
  it('adds receipts and returns to ON_HAND and takes shipments from it', () => {
    expect(run(planMovement({ locationId: A, type: 'RECEIPT', quantity: 10 }))).toEqual({ 'from:ON_HAND': 10 });
    expect(run(planMovement({ locationId: A, type: 'RETURN', quantity: 2 }), { 'from:ON_HAND': 3 })).toEqual({ 'from:ON_HAND': 5 });
    expect(run(planMovement({ locationId: A, type: 'SHIPMENT', quantity: 4 }), { 'from:ON_HAND': 4 })).toEqual({ 'from:ON_HAND': 0 });
    expect(planMovement({ locationId: A, type: 'SHIPMENT', quantity: 4 }).rows).toEqual([
      { at: 'from', type: 'SHIPMENT', quantity: 4, fromType: 'ON_HAND', toType: null },
    ]);
  });

  it('never leaves a quantity below zero', () => {
    expect(run(planMovement({ locationId: A, type: 'SHIPMENT', quantity: 5 }), { 'from:ON_HAND': 4 })).toBeNull();
    expect(run(planMovement({ locationId: A, type: 'DAMAGE', quantity: 1 }))).toBeNull();
    expect(run(planMovement({ locationId: A, type: 'ADJUSTMENT', quantity: -3 }), { 'from:ON_HAND': 2 })).toBeNull();
    expect(run(reservePlan(3, true), { 'from:RESERVED': 2, 'from:ON_HAND': 9 })).toBeNull();
  });

  it('moves damaged blanks from ON_HAND to DAMAGED and transfers ON_HAND between two locations', () => {
    expect(run(planMovement({ locationId: A, type: 'DAMAGE', quantity: 2 }), { 'from:ON_HAND': 5 })).toEqual({
      'from:ON_HAND': 3,
      'from:DAMAGED': 2,
    });
    const transfer = planMovement({ locationId: A, type: 'TRANSFER', quantity: 4, toLocationId: B });
    expect(run(transfer, { 'from:ON_HAND': 4, 'to:ON_HAND': 1 })).toEqual({ 'from:ON_HAND': 0, 'to:ON_HAND': 5 });
    expect(transfer.rows.map((r) => [r.at, r.fromType, r.toType, r.quantity])).toEqual([
      ['from', 'ON_HAND', null, 4],
      ['to', null, 'ON_HAND', 4],
    ]);
  });

  it('applies a signed adjustment to the stock it names', () => {
    expect(run(planMovement({ locationId: A, type: 'ADJUSTMENT', quantity: -2 }), { 'from:ON_HAND': 5 })).toEqual({ 'from:ON_HAND': 3 });
    expect(run(planMovement({ locationId: A, type: 'ADJUSTMENT', quantity: 6, inventoryType: 'IN_TRANSIT' }))).toEqual({
      'from:IN_TRANSIT': 6,
    });
  });

  it('reserves ON_HAND into RESERVED and releases it back', () => {
    expect(run(reservePlan(3), { 'from:ON_HAND': 5 })).toEqual({ 'from:ON_HAND': 2, 'from:RESERVED': 3 });
    expect(run(reservePlan(3, true), { 'from:ON_HAND': 2, 'from:RESERVED': 3 })).toEqual({ 'from:ON_HAND': 5, 'from:RESERVED': 0 });
  });

  it('names the field of a malformed movement', () => {
    expect(fieldOf(() => planMovement({ locationId: A, type: 'SHIPMENT', quantity: -1 }))).toEqual(['quantity']);
    expect(fieldOf(() => planMovement({ locationId: A, type: 'RECEIPT', quantity: 0 }))).toEqual(['quantity']);
    expect(fieldOf(() => planMovement({ locationId: A, type: 'TRANSFER', quantity: 1 }))).toEqual(['toLocationId']);
    expect(fieldOf(() => planMovement({ locationId: A, type: 'TRANSFER', quantity: 1, toLocationId: A }))).toEqual(['toLocationId']);
    expect(fieldOf(() => planMovement({ locationId: A, type: 'RECEIPT', quantity: 1, toLocationId: B }))).toEqual(['toLocationId']);
    expect(fieldOf(() => planMovement({ locationId: A, type: 'DAMAGE', quantity: 1, inventoryType: 'RESERVED' }))).toEqual([
      'inventoryType',
    ]);
  });
});
