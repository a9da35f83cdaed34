import { DESIGN_STATUSES, DesignStatus } from '@suite/contracts/catalog';
import { ACTION_TARGET, assertTransition, canTransition } from './design-workflow';

const ALLOWED = new Set(['DRAFT>REVIEW', 'REVIEW>APPROVED', 'REVIEW>DRAFT', 'APPROVED>ARCHIVED']);

describe('design workflow', () => {
  const pairs: [DesignStatus, DesignStatus][] = DESIGN_STATUSES.flatMap((from) =>
    DESIGN_STATUSES.map((to) => [from, to] as [DesignStatus, DesignStatus]),
  );

  it.each(pairs)('%s -> %s is allowed only when it is in the table', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else
      expect(() => assertTransition(from, to)).toThrow(
        expect.objectContaining({ kind: 'conflict', code: 'CATALOG.INVALID_TRANSITION', details: { from, to } }),
      );
  });

  it('maps each action to its target status', () => {
    expect(ACTION_TARGET).toEqual({ submit: 'REVIEW', approve: 'APPROVED', reject: 'DRAFT', archive: 'ARCHIVED' });
  });
});
