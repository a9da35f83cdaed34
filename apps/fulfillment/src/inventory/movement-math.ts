import { CreateInventoryMovementDto, InventoryTypeName, MovementTypeName } from '@suite/contracts/fulfillment';
import { invalid } from '@suite/platform';

/** One change of one stock row: `delta` units of `type` at the movement's source ('from') or its destination ('to'). */
export interface StockLeg {
  at: 'from' | 'to';
  type: InventoryTypeName;
  delta: number;
}

/** One row of the movement log: what it did to toType and the opposite to fromType, at one location. */
export interface MovementRow {
  at: 'from' | 'to';
  type: MovementTypeName;
  quantity: number;
  fromType: InventoryTypeName | null;
  toType: InventoryTypeName | null;
}

export interface MovementPlan {
  legs: StockLeg[];
  rows: MovementRow[];
}

const badField = (field: string, message: string) =>
  invalid('FULFILLMENT.INVALID_MOVEMENT', message, { errors: [{ field, messages: [message] }] });

/**
 * What a movement does to the stock, before any row is touched:
 * RECEIPT and RETURN add to ON_HAND; SHIPMENT takes from ON_HAND; DAMAGE moves ON_HAND to DAMAGED;
 * TRANSFER takes ON_HAND at the source and adds ON_HAND at the destination (two log rows);
 * ADJUSTMENT adds its signed quantity to inventoryType (ON_HAND unless given).
 * Only an ADJUSTMENT may be negative; toLocationId belongs to a TRANSFER and inventoryType to an ADJUSTMENT.
 */
export function planMovement(
  dto: Pick<CreateInventoryMovementDto, 'type' | 'quantity' | 'toLocationId' | 'inventoryType' | 'locationId'>,
): MovementPlan {
  const q = dto.quantity;
  if (!Number.isInteger(q) || q === 0) throw badField('quantity', 'quantity must be a non-zero integer');
  if (dto.type !== 'ADJUSTMENT' && q < 0)
    throw badField('quantity', `quantity must be positive for a ${dto.type}; only an ADJUSTMENT is signed`);
  if (dto.type === 'TRANSFER' && !dto.toLocationId) throw badField('toLocationId', 'a TRANSFER needs toLocationId');
  if (dto.type === 'TRANSFER' && dto.toLocationId === dto.locationId)
    throw badField('toLocationId', 'toLocationId must be another location than locationId');
  if (dto.type !== 'TRANSFER' && dto.toLocationId) throw badField('toLocationId', 'toLocationId is only for a TRANSFER');
  if (dto.type !== 'ADJUSTMENT' && dto.inventoryType) throw badField('inventoryType', 'inventoryType is only for an ADJUSTMENT');

  switch (dto.type) {
    case 'RECEIPT':
    case 'RETURN':
      return {
        legs: [{ at: 'from', type: 'ON_HAND', delta: q }],
        rows: [{ at: 'from', type: dto.type, quantity: q, fromType: null, toType: 'ON_HAND' }],
      };
    case 'SHIPMENT':
      return {
        legs: [{ at: 'from', type: 'ON_HAND', delta: -q }],
        rows: [{ at: 'from', type: dto.type, quantity: q, fromType: 'ON_HAND', toType: null }],
      };
    case 'DAMAGE':
      return {
        legs: [
          { at: 'from', type: 'ON_HAND', delta: -q },
          { at: 'from', type: 'DAMAGED', delta: q },
        ],
        rows: [{ at: 'from', type: dto.type, quantity: q, fromType: 'ON_HAND', toType: 'DAMAGED' }],
      };
    case 'TRANSFER':
      return {
        legs: [
          { at: 'from', type: 'ON_HAND', delta: -q },
          { at: 'to', type: 'ON_HAND', delta: q },
        ],
        rows: [
          { at: 'from', type: dto.type, quantity: q, fromType: 'ON_HAND', toType: null },
          { at: 'to', type: dto.type, quantity: q, fromType: null, toType: 'ON_HAND' },
        ],
      };
    case 'ADJUSTMENT': {
      const type = dto.inventoryType ?? 'ON_HAND';
      return { legs: [{ at: 'from', type, delta: q }], rows: [{ at: 'from', type: dto.type, quantity: q, fromType: null, toType: type }] };
    }
  }
}

/**
 * Reserving blanks for routing: ON_HAND to RESERVED (releasing is the reverse). The one representation of a
 * reservation, whoever makes it: an ADJUSTMENT at one location whose log row names fromType and toType
 * (TRANSFER means stock moving between two locations, which a reservation is not). Routing reserves and
 * releases through InventoryService.reserveBlanks / releaseBlanks, with the reference `fulfillment:<id>`.
 */
export function reservePlan(quantity: number, release = false): MovementPlan {
  const [from, to]: InventoryTypeName[] = release ? ['RESERVED', 'ON_HAND'] : ['ON_HAND', 'RESERVED'];
  return {
    legs: [
      { at: 'from', type: from, delta: -quantity },
      { at: 'from', type: to, delta: quantity },
    ],
    rows: [{ at: 'from', type: 'ADJUSTMENT', quantity, fromType: from, toType: to }],
  };
}

/** The stock a set of legs leaves, from the quantities before (missing rows are 0); null when one would go below zero. */
export function applyLegs(before: Record<string, number>, legs: { key: string; delta: number }[]): Record<string, number> | null {
  const after = { ...before };
  for (const leg of legs) {
    after[leg.key] = (after[leg.key] ?? 0) + leg.delta;
    if (after[leg.key] < 0) return null;
  }
  return after;
}
