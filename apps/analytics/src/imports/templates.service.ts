import { Injectable } from '@nestjs/common';
import {
  CreateImportTemplateDto,
  ImportFieldRuleDto,
  ImportFileLinkView,
  IMPORT_FILE_FORMATS,
  ImportEntityType,
  ImportFileFormat,
  ImportTemplateListQuery,
  ImportTemplateView,
  UpdateImportTemplateDto,
} from '@suite/contracts/analytics';
import { AnalyticsDb, Prisma } from '@suite/db/analytics';
import {
  CallerIdentity,
  decodeCursor,
  encodeCursor,
  type FileStore,
  InjectDb,
  InjectFileStore,
  invalid,
  Page,
  pageLimit,
} from '@suite/platform';
import { AnalyticsConfig } from '../config';
import { DEFAULT_TEMPLATE_PREFIX, defaultTemplateId, ENTITY_SPECS, EntitySpec, supportedEntities } from './entity-specs';
import { isImportStaff, requirePermission, templateNotFound } from './import-access';
import { SAMPLE_EXTENSIONS, sampleFile } from './sample-file';

type Row = Prisma.ImportExportTemplateGetPayload<object>;

const toView = (t: Row): ImportTemplateView => ({
  id: t.id,
  name: t.name,
  description: t.description,
  entityType: t.entityType as ImportEntityType,
  fileFormat: t.fileFormat as ImportFileFormat,
  headers: t.headers as Record<string, string>,
  sampleData: t.sampleData as Record<string, string>[],
  validation: t.validation as Record<string, ImportFieldRuleDto>,
  isActive: t.isActive,
  builtIn: false,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const EPOCH = new Date(0).toISOString();

/** The built-in template of a supported entity type and format: each field is its own header. */
function builtIn(spec: EntitySpec, format: ImportFileFormat): ImportTemplateView {
  return {
    id: defaultTemplateId(spec.entityType, format),
    name: `${spec.entityType} (${format}), every field under its own name`,
    description: `Natural key: ${spec.key}. Lists are separated by |. Money is written with a dot and at most 2 decimals.`,
    entityType: spec.entityType,
    fileFormat: format,
    headers: Object.fromEntries(Object.keys(spec.fields).map((f) => [f, f])),
    sampleData: spec.sample,
    validation: spec.fields,
    isActive: true,
    builtIn: true,
    createdBy: 'system',
    createdAt: EPOCH,
    updatedAt: EPOCH,
  };
}

/** Import templates: stored ones (CRUD, the author or staff may change them) and the built-in defaults. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDb() private readonly db: AnalyticsDb,
    @InjectFileStore() private readonly files: FileStore,
    private readonly config: AnalyticsConfig,
  ) {}

  defaults(query: ImportTemplateListQuery): ImportTemplateView[] {
    return supportedEntities()
      .filter((e) => !query.entityType || e === query.entityType)
      .flatMap((e) =>
        IMPORT_FILE_FORMATS.filter((f) => !query.fileFormat || f === query.fileFormat).map((f) => builtIn(ENTITY_SPECS[e]!, f)),
      );
  }

  async create(caller: CallerIdentity, dto: CreateImportTemplateDto): Promise<ImportTemplateView> {
    requirePermission(caller, 'imports:create');
    this.check(dto.entityType, dto.headers, dto.validation);
    const row = await this.db.importExportTemplate.create({
      data: {
        name: dto.name,
        description: dto.description ?? null,
        entityType: dto.entityType,
        fileFormat: dto.fileFormat,
        headers: dto.headers,
        sampleData: dto.sampleData ?? [],
        validation: (dto.validation ?? {}) as Prisma.InputJsonValue,
        isActive: dto.isActive ?? true,
        createdBy: caller.userId!,
      },
    });
    return toView(row);
  }

  async list(caller: CallerIdentity, query: ImportTemplateListQuery): Promise<Page<ImportTemplateView>> {
    requirePermission(caller, 'imports:read');
    const limit = pageLimit(query);
    const after = decodeCursor<{ t: string; i: string }>(query.cursor);
    const rows = await this.db.importExportTemplate.findMany({
      where: {
        ...(query.entityType ? { entityType: query.entityType } : {}),
        ...(query.fileFormat ? { fileFormat: query.fileFormat } : {}),
        ...(query.activeOnly ? { isActive: true } : {}),
        ...(after ? { OR: [{ createdAt: { lt: new Date(after.t) } }, { createdAt: new Date(after.t), id: { lt: String(after.i) } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
    const items = rows.slice(0, limit).map(toView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor({ t: last.createdAt, i: last.id }) : null };
  }

  async get(caller: CallerIdentity, id: string): Promise<ImportTemplateView> {
    requirePermission(caller, 'imports:read');
    return this.find(id);
  }

  async update(caller: CallerIdentity, id: string, dto: UpdateImportTemplateDto): Promise<ImportTemplateView> {
    requirePermission(caller, 'imports:update');
    const before = await this.owned(caller, id);
    this.check((dto.entityType ?? before.entityType) as ImportEntityType, dto.headers, dto.validation);
    const row = await this.db.importExportTemplate.update({
      where: { id },
      data: {
        ...(dto.name !== undefined ? { name: dto.name } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(dto.entityType !== undefined ? { entityType: dto.entityType } : {}),
        ...(dto.fileFormat !== undefined ? { fileFormat: dto.fileFormat } : {}),
        ...(dto.headers !== undefined ? { headers: dto.headers } : {}),
        ...(dto.sampleData !== undefined ? { sampleData: dto.sampleData } : {}),
        ...(dto.validation !== undefined ? { validation: dto.validation as Prisma.InputJsonValue } : {}),
        ...(dto.isActive !== undefined ? { isActive: dto.isActive } : {}),
      },
    });
    return toView(row);
  }

  async remove(caller: CallerIdentity, id: string): Promise<{ deleted: true }> {
    requirePermission(caller, 'imports:delete');
    await this.owned(caller, id);
    await this.db.importExportTemplate.delete({ where: { id } });
    return { deleted: true };
  }

  /** A sample file in the template's format, from its sample rows (the entity's examples when it has none). */
  async sample(caller: CallerIdentity, id: string): Promise<ImportFileLinkView> {
    requirePermission(caller, 'imports:read');
    const t = await this.find(id);
    const headers = Object.keys(t.headers);
    const byField = new Map(Object.entries(t.headers).map(([h, f]) => [f, h]));
    const spec = ENTITY_SPECS[t.entityType];
    const rows = t.sampleData.length
      ? t.sampleData
      : (spec?.sample ?? []).map((r) => Object.fromEntries(Object.entries(r).map(([f, v]) => [byField.get(f) ?? f, v])));
    const body = await sampleFile(t.fileFormat, headers, rows);
    const ext = SAMPLE_EXTENSIONS[t.fileFormat];
    const key = `imports/templates/${t.id}/sample-${Date.now()}.${ext}`;
    await this.files.put(key, body);
    const ttl = this.config.IMPORT_LINK_TTL_SECONDS;
    return {
      url: await this.files.signedUrl(key, ttl, { filename: `${t.entityType.toLowerCase()}-import-sample.${ext}` }),
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    };
  }

  /** What a job maps and checks with: the template's headers, its rules over the entity's own. */
  async resolve(
    id: string | null,
    spec: EntitySpec,
    _format: ImportFileFormat,
  ): Promise<{ headers: Record<string, string>; rules: Record<string, ImportFieldRuleDto> }> {
    if (!id || id.startsWith(DEFAULT_TEMPLATE_PREFIX)) return { headers: {}, rules: spec.fields };
    const t = await this.find(id);
    return { headers: t.headers, rules: { ...spec.fields, ...t.validation } };
  }

  async find(id: string): Promise<ImportTemplateView> {
    if (id.startsWith(DEFAULT_TEMPLATE_PREFIX)) {
      const found = supportedEntities()
        .flatMap((e) => IMPORT_FILE_FORMATS.map((f) => builtIn(ENTITY_SPECS[e]!, f)))
        .find((t) => t.id === id);
      if (!found) throw templateNotFound();
      return found;
    }
    const row = await this.db.importExportTemplate.findUnique({ where: { id } });
    if (!row) throw templateNotFound();
    return toView(row);
  }

  private async owned(caller: CallerIdentity, id: string): Promise<Row> {
    if (id.startsWith(DEFAULT_TEMPLATE_PREFIX))
      throw invalid('ANALYTICS.TEMPLATE_BUILT_IN', 'A built-in template cannot be changed; create your own from it.');
    const row = await this.db.importExportTemplate.findUnique({ where: { id } });
    if (!row || !(isImportStaff(caller) || row.createdBy === caller.userId)) throw templateNotFound();
    return row;
  }

  /** Mappings and rules must name fields the entity has (for an entity that can be imported today). */
  private check(entityType: ImportEntityType, headers?: Record<string, string>, validation?: Record<string, ImportFieldRuleDto>): void {
    const spec = ENTITY_SPECS[entityType];
    if (!spec) return;
    const fields = Object.keys(spec.fields);
    const bad = (list: string[], field: string) => {
      if (list.length)
        throw invalid('ANALYTICS.TEMPLATE_UNKNOWN_FIELD', `Not fields of ${entityType}: ${list.join(', ')}.`, {
          errors: [{ field, messages: [`unknown fields: ${list.join(', ')} (fields: ${fields.join(', ')})`] }],
        });
    };
    bad(
      Object.values(headers ?? {}).filter((f) => typeof f !== 'string' || !fields.includes(f)),
      'headers',
    );
    bad(
      Object.keys(validation ?? {}).filter((f) => !fields.includes(f)),
      'validation',
    );
  }
}
