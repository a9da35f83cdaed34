import { Controller } from '@nestjs/common';
import { ExportFilters, ExportPageRequest, ExportPageResponse } from '@suite/contracts/core';
import { IDENTITY_EXPORT_RULES, IdentityExportPage } from '@suite/contracts/identity';
import { IdentityDb } from '@suite/db/identity';
import {
  CallerIdentity,
  checkExportFilters,
  exportPage,
  ExportQuery,
  forbidden,
  Handles,
  InjectDb,
  isoTime,
  sqlParams,
} from '@suite/platform';
import { hasAdminRole } from '../roles/access-checks';

/** The roles each people export covers (the primary role or an assigned one). */
const ROLES: Record<string, string[]> = { USER: ['USER'], SELLER: ['SELLER', 'LEADER'], BUYER: ['BUYER'] };

/**
 * Pages of users exports for analytics' export worker (no HTTP route), admins only. The columns
 * are chosen, never `*`: no password hash, token, 2FA secret or backup code, OAuth token ever leaves.
 */
@Controller()
export class IdentityExportsNatsController {
  constructor(@InjectDb() private readonly db: IdentityDb) {}

  @Handles(IdentityExportPage)
  page(request: ExportPageRequest, caller: CallerIdentity): Promise<ExportPageResponse> {
    checkExportFilters(request.filters, IDENTITY_EXPORT_RULES[request.entityType], request.entityType);
    if (!hasAdminRole(caller)) throw forbidden('IDENTITY.EXPORT_ADMINS_ONLY', 'Only admins export users.');
    return exportPage(this.db, peopleExport(request.filters, ROLES[request.entityType]), request);
  }
}

function peopleExport(f: ExportFilters, roles: string[]): ExportQuery {
  const params: unknown[] = [];
  const p = sqlParams(params);
  const names = p(roles, '::text[]');
  const where = [
    `(u.role::text = ANY(${names}) OR EXISTS (SELECT 1 FROM user_role_assignments a JOIN roles r ON r.id = a.role_id WHERE a.user_id = u.id AND r.name = ANY(${names})))`,
    ...(f.status ? [`u.is_active = ${p(f.status === 'ACTIVE')}`] : []),
    ...(f.search
      ? [
          `(u.email ILIKE ${p(`%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)} OR (coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')) ILIKE $${params.length})`,
        ]
      : []),
    ...(f.from ? [`u.created_at >= ${p(f.from, '::timestamptz')}`] : []),
    ...(f.to ? [`u.created_at < ${p(f.to, '::timestamptz')}`] : []),
  ];
  return {
    columns: {
      id: 'u.id',
      email: 'u.email',
      username: 'u.username',
      firstName: 'u.first_name',
      lastName: 'u.last_name',
      phoneNumber: 'u.phone_number',
      role: 'u.role',
      roles: `nullif(array_to_string(ARRAY(SELECT r.name FROM user_role_assignments a JOIN roles r ON r.id = a.role_id WHERE a.user_id = u.id ORDER BY 1), '|'), '')`,
      isActive: 'u.is_active',
      emailVerified: 'u.email_verified',
      lastLoginAt: isoTime('u.last_login_at'),
      createdAt: isoTime('u.created_at'),
      updatedAt: isoTime('u.updated_at'),
    },
    from: 'users u',
    where,
    params,
    key: 'u.id',
  };
}
