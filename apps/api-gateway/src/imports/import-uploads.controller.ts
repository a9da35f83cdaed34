import { randomUUID } from 'node:crypto';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  formatFromFileName,
  IMPORT_ENTITY_TYPES,
  IMPORT_FILE_FORMATS,
  ImportCreate,
  ImportJobView,
  JOB_PRIORITIES,
} from '@suite/contracts/analytics';
import { AppError, CallerIdentity, type FileStore, InjectFileStore, invalid, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';
import { GatewayConfig } from '../service';

/** A stored name keeps letters, digits, dot, dash and underscore (the file store's key alphabet). */
const storedName = (name: string) =>
  name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(-120) || 'upload';

const badField = (field: string, message: string) => invalid('IMPORTS.BAD_FIELD', message, { errors: [{ field, messages: [message] }] });

/**
 * POST imports: a multipart upload (one `file` part plus fields) streamed into the file store (never
 * held in memory), capped at IMPORT_MAX_FILE_BYTES (over it: 413, and the partial file is deleted),
 * then analytics creates the QUEUED job that a worker runs. The fields may come before or after the file.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportUploadsController {
  constructor(
    private readonly nats: NatsClient,
    @InjectFileStore() private readonly files: FileStore,
    private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @RequirePermissions('imports:create')
  @ApiOperation({ summary: 'Upload a file to import (multipart): a QUEUED job; rows are written by the owning service in batches' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'entityType'],
      properties: {
        file: { type: 'string', format: 'binary' },
        entityType: { type: 'string', enum: [...IMPORT_ENTITY_TYPES] },
        fileFormat: { type: 'string', enum: [...IMPORT_FILE_FORMATS], description: "From the file name's extension when omitted" },
        priority: { type: 'string', enum: [...JOB_PRIORITIES] },
        dryRun: { type: 'boolean' },
        templateId: { type: 'string' },
        storeId: { type: 'string', format: 'uuid', description: 'The store of product rows without a storeId column' },
        teamId: { type: 'string', format: 'uuid' },
      },
    },
  })
  @ApiResponse({ status: 202, type: ImportJobView })
  @ApiResponse({ status: 413, description: 'The file is larger than IMPORT_MAX_FILE_BYTES' })
  async upload(@Req() request: FastifyRequest, @CurrentCaller() caller: CallerIdentity): Promise<ImportJobView> {
    if (!request.isMultipart()) throw invalid('IMPORTS.NOT_MULTIPART', 'Send the file as multipart/form-data with a "file" part.');
    const max = this.config.IMPORT_MAX_FILE_BYTES;
    const fields: Record<string, string> = {};
    let stored: { key: string; size: number; name: string } | undefined;
    let tooLarge = false;
    for await (const part of request.parts({ limits: { fileSize: max, files: 1, fields: 20 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const key = `imports/uploads/${randomUUID()}/${storedName(part.filename)}`;
      const { size } = await this.files.put(key, part.file);
      if (part.file.truncated) {
        tooLarge = true;
        await this.files.delete(key);
      } else stored = { key, size, name: part.filename || 'upload' };
    }
    if (tooLarge)
      throw new AppError(
        'invalid',
        'IMPORTS.FILE_TOO_LARGE',
        `The file is larger than ${max} bytes.`,
        { errors: [{ field: 'file', messages: [`at most ${max} bytes`] }], limit: max },
        413,
      );
    if (!stored) throw badField('file', 'a file part named "file" is required');
    try {
      const fileFormat = (fields.fileFormat?.toUpperCase() || formatFromFileName(stored.name)) as
        (typeof IMPORT_FILE_FORMATS)[number] | undefined;
      if (!fileFormat || !IMPORT_FILE_FORMATS.includes(fileFormat))
        throw badField(
          'fileFormat',
          `fileFormat must be one of ${IMPORT_FILE_FORMATS.join(', ')} (or a file name ending .csv, .xlsx, .json or .xml)`,
        );
      const entityType = fields.entityType?.toUpperCase() as (typeof IMPORT_ENTITY_TYPES)[number];
      if (!IMPORT_ENTITY_TYPES.includes(entityType))
        throw badField('entityType', `entityType must be one of ${IMPORT_ENTITY_TYPES.join(', ')}`);
      if (fields.dryRun !== undefined && !['true', 'false'].includes(fields.dryRun))
        throw badField('dryRun', 'dryRun must be true or false');
      return await this.nats.call(
        ImportCreate,
        {
          entityType,
          fileFormat,
          priority: fields.priority?.toUpperCase() as (typeof JOB_PRIORITIES)[number] | undefined,
          dryRun: fields.dryRun === 'true',
          templateId: fields.templateId || undefined,
          storeId: fields.storeId || undefined,
          teamId: fields.teamId || undefined,
          fileName: stored.name.slice(0, 255),
          fileKey: stored.key,
          fileSize: stored.size,
        },
        { caller },
      );
    } catch (error) {
      await this.files.delete(stored.key); // a refused upload leaves no file behind
      throw error;
    }
  }
}
