import { DesignAction, DesignStatus } from '@suite/contracts/catalog';
import { conflict } from '@suite/platform';

/** Every allowed move of a design, as from -> to pairs; anything not listed is refused. */
export const DESIGN_TRANSITIONS: Readonly<Record<DesignStatus, readonly DesignStatus[]>> = {
  DRAFT: ['REVIEW'],
  REVIEW: ['APPROVED', 'DRAFT'],
  APPROVED: ['ARCHIVED'],
  ARCHIVED: [],
};

/** The status each workflow action leads to (reject sends the design back to its author as DRAFT). */
export const ACTION_TARGET: Readonly<Record<DesignAction, DesignStatus>> = {
  submit: 'REVIEW',
  approve: 'APPROVED',
  reject: 'DRAFT',
  archive: 'ARCHIVED',
};

export const canTransition = (from: DesignStatus, to: DesignStatus): boolean => DESIGN_TRANSITIONS[from].includes(to);

export function assertTransition(from: DesignStatus, to: DesignStatus): void {
  if (!canTransition(from, to)) throw conflict('CATALOG.INVALID_TRANSITION', `A ${from} design cannot become ${to}.`, { from, to });
}
