import { Injectable } from '@nestjs/common';
import { CreateSettingDto, SettingListQuery, SettingView, UpdateSettingDto } from '@suite/contracts/analytics';
import { SettingChanged, SettingValue } from '@suite/contracts/core';
import { ClientInfo } from '@suite/contracts/identity';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import {
  CallerIdentity,
  conflict,
  decodeCursor,
  enqueueEvent,
  InjectDb,
  isUniqueViolation,
  Page,
  pageLimit,
  toPage,
  UnitOfWork,
} from '@suite/platform';
import { assertValidSetting, changeOf, settingNotFound, SettingRow, toSettingView } from './setting-changes';

type Tx = Prisma.TransactionClient;
const json = (value: unknown) => (value === undefined || value === null ? Prisma.JsonNull : (value as Prisma.InputJsonValue));

/**
 * SystemConfig CRUD. Each change is one transaction holding the row, its `updatedBy` and the change
 * event (outbox): identity writes the audit row from it, and every service's settings cache drops the
 * key. The reply waits until the event is on the bus, so a caller that reads through another service
 * right after the answer already sees the new value.
 */
@Injectable()
export class SettingsService {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    private readonly uow: UnitOfWork<Tx>,
  ) {}

  async list(query: SettingListQuery): Promise<Page<SettingView>> {
    const limit = pageLimit(query);
    const after = decodeCursor<{ k: string }>(query.cursor)?.k;
    const rows = await this.db.systemConfig.findMany({
      where: {
        ...(query.category !== undefined ? { category: query.category } : {}),
        ...(query.isPublic !== undefined ? { isPublic: query.isPublic } : {}),
        ...(typeof after === 'string' ? { key: { gt: after } } : {}),
      },
      orderBy: { key: 'asc' },
      take: limit + 1,
    });
    return toPage(rows.map(toSettingView), limit, (r) => ({ k: r.key }));
  }

  async get(key: string): Promise<SettingView> {
    const row = await this.db.systemConfig.findUnique({ where: { key } });
    if (!row) throw settingNotFound(key);
    return toSettingView(row);
  }

  /** For the platform's settings helper of every service: the keys that exist, with their values. */
  async readMany(keys: string[]): Promise<SettingValue[]> {
    return this.db.systemConfig.findMany({ where: { key: { in: keys } }, select: { key: true, value: true } });
  }

  async create(caller: CallerIdentity, body: CreateSettingDto, client?: ClientInfo): Promise<SettingView> {
    assertValidSetting(body.schema, body.value);
    try {
      const row = await this.uow.run(
        async (tx) => {
          const created = await tx.systemConfig.create({
            data: {
              key: body.key,
              value: json(body.value),
              schema: json(body.schema),
              description: body.description ?? null,
              category: body.category ?? null,
              isPublic: body.isPublic ?? false,
              updatedBy: caller.userId ?? null,
            },
          });
          await enqueueEvent(tx, SettingChanged, changeOf('created', caller, client, null, created));
          return created;
        },
        { publishEventsBeforeReturn: true },
      );
      return toSettingView(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('ANALYTICS.SETTING_EXISTS', 'A setting with this key exists.', { key: body.key });
      throw error;
    }
  }

  /** The row is locked while the change is checked, so two concurrent updates are audited one after the other. */
  async update(caller: CallerIdentity, key: string, body: UpdateSettingDto, client?: ClientInfo): Promise<SettingView> {
    const row = await this.uow.run(
      async (tx) => {
        const before = await this.locked(tx, key);
        const schema = body.schema !== undefined ? body.schema : before.schema;
        const value = body.value !== undefined ? body.value : before.value;
        assertValidSetting(schema, value);
        const after = await tx.systemConfig.update({
          where: { key },
          data: {
            value: json(value),
            schema: json(schema),
            ...(body.description !== undefined ? { description: body.description } : {}),
            ...(body.category !== undefined ? { category: body.category } : {}),
            ...(body.isPublic !== undefined ? { isPublic: body.isPublic } : {}),
            updatedBy: caller.userId ?? null,
          },
        });
        await enqueueEvent(tx, SettingChanged, changeOf('updated', caller, client, before, after));
        return after;
      },
      { publishEventsBeforeReturn: true },
    );
    return toSettingView(row);
  }

  async delete(caller: CallerIdentity, key: string, client?: ClientInfo): Promise<{ deleted: true }> {
    await this.uow.run(
      async (tx) => {
        const before = await this.locked(tx, key);
        await tx.systemConfig.delete({ where: { key } });
        await enqueueEvent(tx, SettingChanged, changeOf('deleted', caller, client, before, null));
      },
      { publishEventsBeforeReturn: true },
    );
    return { deleted: true };
  }

  private async locked(tx: Tx, key: string): Promise<SettingRow> {
    const ids = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM system_config WHERE key = ${key} FOR UPDATE`;
    if (ids.length === 0) throw settingNotFound(key);
    return (await tx.systemConfig.findUniqueOrThrow({ where: { key } })) as SettingRow;
  }
}
