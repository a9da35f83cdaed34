import { Injectable } from '@nestjs/common';
import type { NotifyRecipient } from '../notify.command';
import { Prisma } from '@suite/db/alerting';
import { CallerIdentity, InjectDb } from '@suite/platform';
import type { AlertingDb } from '@suite/db/alerting';

type Db = AlertingDb | Prisma.TransactionClient;
export type RecipientRow = Awaited<ReturnType<AlertingDb['notificationRecipient']['findUniqueOrThrow']>>;

/**
 * Alerting's read model of identity's users: email and first roles from evt.identity.user.registered, roles
 * and teams from the caller identity of every request they make here (identity's events carry no teams or phone), phone, locale and time zone from their notification preferences.
 */
@Injectable()
export class RecipientsService {
  constructor(@InjectDb() private readonly db: AlertingDb) {}

  /**
   * The registration's roles seed a new row, so a role recipient reaches a user (the seeded admin) who never made
   * a request here; a row already touched keeps the roles its requests showed, which are newer.
   */
  async registered(userId: string, email: string, roles: string[] | undefined, db: Db = this.db): Promise<void> {
    const create = { userId, email, ...(roles ? { roles: [...roles].sort() } : {}) };
    await db.notificationRecipient.upsert({ where: { userId }, create, update: { email } });
  }

  /** Keeps roles and teams as the gateway last saw them; cheap enough to do on each request. */
  async touch(caller: CallerIdentity, db: Db = this.db): Promise<RecipientRow | null> {
    if (!caller.userId || caller.impersonatorId || caller.apiKeyId) {
      return caller.userId ? db.notificationRecipient.findUnique({ where: { userId: caller.userId } }) : null;
    }
    const roles = [...caller.roles].sort();
    const teamIds = [...caller.teamIds].sort();
    return db.notificationRecipient.upsert({
      where: { userId: caller.userId },
      create: { userId: caller.userId, roles, teamIds },
      update: { roles, teamIds },
    });
  }

  /** Every user the recipient names (a user, a role's holders, a team's members), once each. */
  async resolve(recipients: NotifyRecipient[], db: Db = this.db): Promise<{ row: RecipientRow; channels?: string[] }[]> {
    const out = new Map<string, { row: RecipientRow; channels?: string[] }>();
    for (const r of recipients) {
      const rows = r.userId
        ? await db.notificationRecipient.findMany({ where: { userId: r.userId } })
        : r.role
          ? await db.notificationRecipient.findMany({ where: { roles: { has: r.role } } })
          : r.teamId
            ? await db.notificationRecipient.findMany({ where: { teamIds: { has: r.teamId } } })
            : [];
      // A user named directly but never seen here still gets an in-app notification.
      if (r.userId && rows.length === 0) rows.push(await db.notificationRecipient.create({ data: { userId: r.userId } }));
      for (const row of rows) {
        const seen = out.get(row.userId);
        const channels = seen?.channels && r.channels ? [...new Set([...seen.channels, ...r.channels])] : (r.channels ?? seen?.channels);
        out.set(row.userId, { row, channels: seen && !seen.channels ? undefined : channels });
      }
    }
    return [...out.values()];
  }
}
