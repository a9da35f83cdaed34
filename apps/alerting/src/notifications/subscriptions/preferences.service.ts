import { Injectable } from '@nestjs/common';
import { PreferencesView, UpdatePreferencesDto } from '@suite/contracts/alerting';
import type { AlertingDb } from '@suite/db/alerting';
import { CallerIdentity, InjectDb, invalid } from '@suite/platform';
import { requireSignedIn } from '../access';
import { isValidTimeZone } from '../recipients/quiet-hours';
import { RecipientRow, RecipientsService } from '../recipients/recipients.service';

function toView(r: RecipientRow): PreferencesView {
  return {
    userId: r.userId,
    email: r.email,
    phone: r.phone,
    locale: r.locale,
    timezone: r.timezone,
    channels: r.channels,
    rules: r.rules as unknown as PreferencesView['rules'],
    quietHours: r.quietStart && r.quietEnd ? { start: r.quietStart, end: r.quietEnd } : null,
  };
}

/** A user's own notification preferences, kept on their row of the recipients read model. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDb() private readonly db: AlertingDb,
    private readonly recipients: RecipientsService,
  ) {}

  async get(caller: CallerIdentity): Promise<PreferencesView> {
    requireSignedIn(caller);
    return toView((await this.recipients.touch(caller))!);
  }

  async update(caller: CallerIdentity, dto: UpdatePreferencesDto): Promise<PreferencesView> {
    const userId = requireSignedIn(caller);
    if (dto.timezone !== undefined && !isValidTimeZone(dto.timezone))
      throw invalid('ALERTING.INVALID_TIMEZONE', 'timezone is not an IANA time zone.', {
        errors: [{ field: 'body.timezone', messages: ['timezone must be an IANA time zone, such as Asia/Manila'] }],
      });
    await this.recipients.touch(caller);
    const row = await this.db.notificationRecipient.update({
      where: { userId },
      data: {
        ...(dto.phone !== undefined ? { phone: dto.phone } : {}),
        ...(dto.locale !== undefined ? { locale: dto.locale } : {}),
        ...(dto.timezone !== undefined ? { timezone: dto.timezone } : {}),
        ...(dto.channels !== undefined ? { channels: dto.channels } : {}),
        ...(dto.rules !== undefined ? { rules: dto.rules.map((r) => ({ ...r })) } : {}),
        ...(dto.quietHours !== undefined ? { quietStart: dto.quietHours?.start ?? null, quietEnd: dto.quietHours?.end ?? null } : {}),
      },
    });
    return toView(row);
  }
}
