import { Injectable } from '@nestjs/common';
import { AlertListQuery, AlertView } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { CallerIdentity, newestFirstAfter, notFound, Page, pageLimit, timeKeyOf, toPage, UnitOfWork } from '@suite/platform';
import { alertScope, requirePermission, Tx } from '../access/access';
import { toAlertView, WITH_ACKS } from './alert-view';

export const alertNotFound = () =>
  notFound('ALERTING.ALERT_NOT_FOUND', 'No such alert.', { errors: [{ field: 'alertId', messages: ['alert not found'] }] });

/** The alert, locked, when the caller may see it; 404 otherwise. */
export async function lockedAlert(tx: Tx, caller: CallerIdentity, id: string) {
  const visible = await tx.alert.findFirst({ where: { AND: [{ id }, alertScope(caller)] }, select: { id: true } });
  if (!visible) throw alertNotFound();
  await tx.$queryRaw`SELECT id FROM alerts WHERE id = ${id}::uuid FOR UPDATE`;
  return tx.alert.findUniqueOrThrow({ where: { id }, include: { rule: { include: { recipients: true, escalationPolicy: true } } } });
}

@Injectable()
export class AlertsService {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  list(caller: CallerIdentity, q: AlertListQuery): Promise<Page<AlertView>> {
    requirePermission(caller, 'alerts:read');
    const limit = pageLimit(q);
    const filters: Prisma.AlertWhereInput = Object.fromEntries(
      Object.entries({
        status: q.status,
        category: q.category,
        priority: q.priority,
        ruleId: q.ruleId,
        eventType: q.eventType,
        fingerprint: q.fingerprint,
        deviceId: q.deviceId,
        storeId: q.storeId,
      }).filter(([, v]) => v !== undefined),
    );
    const where: Prisma.AlertWhereInput = { AND: [filters, alertScope(caller), newestFirstAfter(q.cursor) ?? {}] };
    return this.uow.run(async (tx) => {
      const rows = await tx.alert.findMany({
        where,
        include: WITH_ACKS,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: limit + 1,
      });
      return toPage(rows.map(toAlertView), limit, (a) => timeKeyOf(a.createdAt, a.id));
    });
  }

  get(caller: CallerIdentity, id: string): Promise<AlertView> {
    requirePermission(caller, 'alerts:read');
    return this.uow.run(async (tx) => {
      const row = await tx.alert.findFirst({ where: { AND: [{ id }, alertScope(caller)] }, include: WITH_ACKS });
      if (!row) throw alertNotFound();
      return toAlertView(row);
    });
  }
}
