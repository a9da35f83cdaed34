import { randomInt } from 'node:crypto';
import { ReturnStatusName, ReturnTarget } from '@suite/contracts/logistics';

const NEXT: Record<ReturnStatusName, readonly ReturnTarget[]> = {
  REQUESTED: ['APPROVED', 'REJECTED'],
  APPROVED: ['SHIPPED'],
  SHIPPED: ['RECEIVED'],
  RECEIVED: ['PROCESSING'],
  PROCESSING: ['COMPLETED'],
  COMPLETED: [],
  REJECTED: [],
};

/** REQUESTED -> APPROVED | REJECTED; APPROVED -> SHIPPED -> RECEIVED -> PROCESSING -> COMPLETED. Nothing leaves COMPLETED or REJECTED. */
export const canMoveReturn = (from: ReturnStatusName, to: ReturnTarget): boolean => NEXT[from].includes(to);

/** A rejected return gives its quantities back: they may be returned again. */
export const COUNTS_AGAINST_DELIVERED: ReturnStatusName[] = ['REQUESTED', 'APPROVED', 'SHIPPED', 'RECEIVED', 'PROCESSING', 'COMPLETED'];

/** RMA-<yyyymmdd>-<8 random base-36 characters>, upper case. */
export function newRmaNumber(now: Date, digit: () => number = () => randomInt(36)): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  let tail = '';
  for (let i = 0; i < 8; i++) tail += digit().toString(36);
  return `RMA-${day}-${tail.toUpperCase()}`;
}

/** The last moment a return of something delivered at `deliveredAt` may be opened. */
export const windowEnd = (deliveredAt: Date, days: number): Date => new Date(deliveredAt.getTime() + days * 86_400_000);

export interface ItemAvailability {
  delivered: number;
  returned: number;
}

/** What may still be returned of an item: delivered minus what open or finished returns already hold. */
export const returnable = (a: ItemAvailability): number => Math.max(0, a.delivered - a.returned);
