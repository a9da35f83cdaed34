import { randomInt } from 'node:crypto';
import { ProductionStatusName, ProductionTarget, QualityCheckResultName, QualityCheckStageName } from '@suite/contracts/fulfillment';

/** Stages after the print: a FAIL here means the item itself is bad and must be made again. */
export const AFTER_PRODUCTION: readonly QualityCheckStageName[] = ['POST_PRODUCTION', 'PRE_SHIPPING'];

export type ReprintDecision = 'NONE' | 'REPRINT' | 'FAILED';

/**
 * What a quality check does to the item it is about: a FAIL after production reprints it while the
 * fulfillment item has been reprinted fewer than maxReprints times, and fails it once the limit is reached.
 * Anything else (PASS, CONDITIONAL, a FAIL before or during production, a check of the whole batch) changes nothing.
 */
export function decideAfterCheck(check: {
  stage: QualityCheckStageName;
  result: QualityCheckResultName;
  hasItem: boolean;
  reprintCount: number;
  maxReprints: number;
}): ReprintDecision {
  if (!check.hasItem || check.result !== 'FAIL' || !AFTER_PRODUCTION.includes(check.stage)) return 'NONE';
  return check.reprintCount < check.maxReprints ? 'REPRINT' : 'FAILED';
}

const NEXT: Record<ProductionStatusName, readonly ProductionTarget[]> = {
  PLANNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

/** PLANNED -> IN_PROGRESS -> COMPLETED, and CANCELLED from either of the first two. */
export const canMove = (from: ProductionStatusName, to: ProductionTarget): boolean => NEXT[from].includes(to);

/** Generated batch numbers: PB-<yyyymmdd>-<8 random base-36 characters>, upper case. */
export function newBatchNumber(now: Date, digit: () => number = () => randomInt(36)): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  let tail = '';
  for (let i = 0; i < 8; i++) tail += digit().toString(36);
  return `PB-${day}-${tail.toUpperCase()}`;
}
