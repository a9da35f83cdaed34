import { ExportEntityTypeName, ExportFilterRule, ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { operation } from './operation';

export const IdentityExportSubjects = { ExportPage: 'identity.export.page' } as const;

const PEOPLE: ExportFilterRule = { filters: ['status', 'from', 'to', 'search'], statuses: ['ACTIVE', 'INACTIVE'] };

/** The entity types identity exports (admins only): users by role, never a secret of theirs. */
export const IDENTITY_EXPORT_RULES: Partial<Record<ExportEntityTypeName, ExportFilterRule>> = {
  USER: PEOPLE,
  SELLER: PEOPLE,
  BUYER: PEOPLE,
};

/** One page of a users export (no HTTP route: analytics' export worker asks it for the job's creator, who must be an admin). */
export const IdentityExportPage = operation<ExportPageRequest, undefined, ExportPageResponse>({
  subject: IdentityExportSubjects.ExportPage,
  request: ExportPageRequest,
  permissions: ['exports:create'],
});
