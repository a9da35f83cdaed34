import { Injectable } from '@nestjs/common';
import { CreateSilenceDto, SilenceListQuery, SilenceMatchersDto, SilenceView } from '@suite/contracts/alerting';
import { Prisma } from '@suite/db/alerting';
import { CallerIdentity, invalid, newestFirstAfter, notFound, Page, pageLimit, timeKeyOf, toPage, UnitOfWork } from '@suite/platform';
import { checkTeam, isStaff, ownedScope, requirePermission, requireSignedIn, Tx } from '../access/access';

type Row = Prisma.AlertSilenceGetPayload<object>;

const silenceNotFound = () =>
  notFound('ALERTING.SILENCE_NOT_FOUND', 'No such silence.', { errors: [{ field: 'silenceId', messages: ['silence not found'] }] });

const toView = (s: Row, now = new Date()): SilenceView => ({
  id: s.id,
  matchers: s.matchers as SilenceMatchersDto,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  createdBy: s.createdBy,
  teamId: s.teamId,
  comment: s.comment,
  active: s.startsAt <= now && s.endsAt > now,
  createdAt: s.createdAt.toISOString(),
});

/** Silences hold back notifications of matching alerts (which are still stored) until they end by themselves. */
@Injectable()
export class SilencesService {
  constructor(private readonly uow: UnitOfWork<Tx>) {}

  list(caller: CallerIdentity, q: SilenceListQuery): Promise<Page<SilenceView>> {
    requirePermission(caller, 'alerts:read');
    const limit = pageLimit(q);
    const now = new Date();
    const where: Prisma.AlertSilenceWhereInput = {
      AND: [
        ownedScope(caller),
        q.active === true
          ? { startsAt: { lte: now }, endsAt: { gt: now } }
          : q.active === false
            ? { OR: [{ startsAt: { gt: now } }, { endsAt: { lte: now } }] }
            : {},
        newestFirstAfter(q.cursor) ?? {},
      ],
    };
    return this.uow.run(async (tx) => {
      const rows = await tx.alertSilence.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit + 1 });
      return toPage(
        rows.map((r) => toView(r, now)),
        limit,
        (s) => timeKeyOf(s.createdAt, s.id),
      );
    });
  }

  get(caller: CallerIdentity, id: string): Promise<SilenceView> {
    requirePermission(caller, 'alerts:read');
    return this.uow.run(async (tx) => toView(await this.visible(tx, caller, id)));
  }

  create(caller: CallerIdentity, dto: CreateSilenceDto): Promise<SilenceView> {
    requirePermission(caller, 'alerts:create');
    const userId = requireSignedIn(caller);
    checkTeam(caller, dto.teamId, 'ALERTING.TEAM_NOT_FOUND');
    const startsAt = dto.startsAt ? new Date(dto.startsAt) : new Date();
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt || endsAt.getTime() <= Date.now())
      throw invalid('ALERTING.SILENCE_ENDS_TOO_EARLY', 'endsAt must be after startsAt and in the future.', {
        errors: [{ field: 'endsAt', messages: ['endsAt must be after startsAt and in the future'] }],
      });
    const matchers = Object.fromEntries(Object.entries(dto.matchers ?? {}).filter(([, v]) => v !== undefined));
    if (Object.keys(matchers).length === 0)
      throw invalid('ALERTING.SILENCE_WITHOUT_MATCHERS', 'A silence needs at least one matcher.', {
        errors: [{ field: 'matchers', messages: ['give at least one matcher'] }],
      });
    return this.uow.run(async (tx) =>
      toView(
        await tx.alertSilence.create({
          data: {
            matchers,
            startsAt,
            endsAt,
            comment: dto.comment,
            createdBy: userId,
            teamId: dto.teamId ?? null,
            ownedOnly: !isStaff(caller),
          },
        }),
      ),
    );
  }

  /** Ends the silence now; the scheduler then lets the alerts it held back through. */
  expire(caller: CallerIdentity, id: string): Promise<SilenceView> {
    requirePermission(caller, 'alerts:delete');
    return this.uow.run(async (tx) => {
      const s = await this.visible(tx, caller, id);
      const now = new Date();
      if (s.endsAt <= now) return toView(s, now);
      return toView(
        await tx.alertSilence.update({ where: { id }, data: { endsAt: now, startsAt: s.startsAt > now ? now : s.startsAt } }),
        now,
      );
    });
  }

  private async visible(tx: Tx, caller: CallerIdentity, id: string) {
    const row = await tx.alertSilence.findFirst({ where: { AND: [{ id }, ownedScope(caller)] } });
    if (!row) throw silenceNotFound();
    return row;
  }
}
