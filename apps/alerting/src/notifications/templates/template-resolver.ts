import { Injectable } from '@nestjs/common';
import { Prisma } from '@suite/db/alerting';
import { DEFAULT_TEMPLATE, render } from './template-engine';

type Tx = Prisma.TransactionClient;

export interface RenderedMessage {
  templateId: string | null;
  subject: string | null;
  body: string;
}

/** The stored template for (event type, channel, locale), else the same in English, else the default. */
@Injectable()
export class TemplateResolver {
  async render(tx: Tx, eventType: string, channel: string, locale: string, variables: Record<string, unknown>): Promise<RenderedMessage> {
    const locales = [...new Set([locale, locale.split('-')[0], 'en'])];
    const candidates = await tx.notificationTemplate.findMany({
      where: { eventType, channel: channel as never, locale: { in: locales }, isActive: true },
    });
    const template = locales.map((l) => candidates.find((t) => t.locale === l)).find(Boolean);
    const values = { title: '', message: '', ...variables };
    try {
      if (template)
        return {
          templateId: template.id,
          subject: template.subject ? render(template.subject, values) : render(DEFAULT_TEMPLATE.subject, values),
          body: render(template.body, values),
        };
    } catch {
      // A variable the sender did not fill: the default still tells the recipient what happened.
    }
    return { templateId: null, subject: render(DEFAULT_TEMPLATE.subject, values), body: render(DEFAULT_TEMPLATE.body, values) };
  }
}
