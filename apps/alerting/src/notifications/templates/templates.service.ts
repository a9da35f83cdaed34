import { Injectable } from '@nestjs/common';
import { CreateTemplateDto, TemplateListQuery, TemplateView, UpdateTemplateDto } from '@suite/contracts/alerting';
import type { AlertingDb } from '@suite/db/alerting';
import { CallerIdentity, conflict, InjectDb, invalid, isUniqueViolation, notFound, pageLimit } from '@suite/platform';
import { requireSignedIn } from '../access';
import { templateProblem } from './template-engine';

type Row = Awaited<ReturnType<AlertingDb['notificationTemplate']['findUniqueOrThrow']>>;

const view = (t: Row): TemplateView => ({
  id: t.id,
  name: t.name,
  eventType: t.eventType,
  channel: t.channel,
  locale: t.locale,
  subject: t.subject,
  body: t.body,
  isActive: t.isActive,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** Checked when saved: a template that names a variable its event type does not declare never reaches a recipient. */
function check(eventType: string, sources: { subject?: string | null; body?: string }) {
  const problem = templateProblem(eventType, { subject: sources.subject ?? undefined, body: sources.body });
  if (problem)
    throw invalid('ALERTING.TEMPLATE_UNKNOWN_VARIABLE', problem.message, {
      errors: [{ field: `body.${problem.field}`, messages: [problem.message] }],
    });
}

const taken = () =>
  conflict('ALERTING.TEMPLATE_EXISTS', 'A template for this event type, channel and locale exists.', {
    errors: [{ field: 'body.locale', messages: ['a template for this event type, channel and locale exists'] }],
  });

@Injectable()
export class TemplatesService {
  constructor(@InjectDb() private readonly db: AlertingDb) {}

  async list(caller: CallerIdentity, q: TemplateListQuery): Promise<TemplateView[]> {
    requireSignedIn(caller);
    const rows = await this.db.notificationTemplate.findMany({
      where: { ...(q.eventType ? { eventType: q.eventType } : {}), ...(q.channel ? { channel: q.channel } : {}) },
      orderBy: [{ eventType: 'asc' }, { channel: 'asc' }, { locale: 'asc' }],
      take: pageLimit(q),
    });
    return rows.map(view);
  }

  async create(caller: CallerIdentity, dto: CreateTemplateDto): Promise<TemplateView> {
    check(dto.eventType, dto);
    try {
      const row = await this.db.notificationTemplate.create({
        data: {
          name: dto.name,
          eventType: dto.eventType,
          channel: dto.channel,
          locale: dto.locale ?? 'en',
          subject: dto.subject ?? null,
          body: dto.body,
          isActive: dto.isActive ?? true,
          createdBy: caller.userId ?? null,
        },
      });
      return view(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateTemplateDto): Promise<TemplateView> {
    requireSignedIn(caller);
    const existing = await this.db.notificationTemplate.findUnique({ where: { id } });
    if (!existing) throw notFound('ALERTING.TEMPLATE_NOT_FOUND', 'No such template.');
    check(existing.eventType, { subject: dto.subject, body: dto.body });
    return view(await this.db.notificationTemplate.update({ where: { id }, data: dto }));
  }

  async delete(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requireSignedIn(caller);
    const { count } = await this.db.notificationTemplate.deleteMany({ where: { id } });
    if (count === 0) throw notFound('ALERTING.TEMPLATE_NOT_FOUND', 'No such template.');
    return { deleted: true };
  }
}
