import { Controller, ForbiddenException, Get, GoneException, Inject, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { contentTypeOf, FILE_STORE, type FileStore, verifyFileLink } from '@suite/platform';
import { Public } from '../auth/auth.decorators';
import { GatewayConfig } from '../service';

/**
 * Downloads of the local file store by signed link (reports, exports, labels): the token is the
 * key and expiry signed by the service that wrote the file, so the link is the authorisation and
 * needs no sign-in. A forged or altered token is 403, an expired one 410. With FILE_STORE=s3 the
 * services hand out presigned S3 links instead and this route is not used.
 */
@ApiTags('files')
@Controller('files')
export class FileDownloadsController {
  constructor(
    @Inject(FILE_STORE) private readonly files: FileStore,
    private readonly config: GatewayConfig,
  ) {}

  // The token is in the query: it is longer than the 100 characters Fastify allows a path parameter.
  @Get()
  @Public()
  @ApiQuery({ name: 'token', required: true })
  @ApiOperation({ summary: 'Download a file by its expiring signed link (403 when forged, 410 when expired)' })
  @ApiProduces('application/octet-stream')
  async download(@Query('token') token: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const check = verifyFileLink(this.config.FILE_LINK_SECRET, token ?? '');
    if (!check.ok && check.reason === 'expired') throw new GoneException('This download link has expired.');
    if (!check.ok) throw new ForbiddenException('This download link is not valid.');
    const { stream, size } = await this.files.get(check.link.key);
    const filename = (check.link.filename ?? check.link.key.slice(check.link.key.lastIndexOf('/') + 1)).replace(/[^A-Za-z0-9._-]/g, '_');
    await reply
      .header('content-type', contentTypeOf(check.link.key))
      .header('content-length', String(size))
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(stream);
  }
}
