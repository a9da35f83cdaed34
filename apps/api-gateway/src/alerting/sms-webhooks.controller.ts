import { Controller, HttpCode, Param, ParseEnumPipe, Post, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { SmsStatusCallback } from '@suite/contracts/alerting';
import { NatsClient } from '@suite/platform';
import { Public } from '../auth/auth.decorators';

/** Headers SMS providers sign their delivery reports with; only these are forwarded. */
const SIGNATURE_HEADERS = ['x-twilio-signature', 'x-semaphore-signature'];

enum SmsProviderName {
  twilio = 'twilio',
  semaphore = 'semaphore',
}

/**
 * SMS delivery-status callbacks, written by hand: providers sign the exact bytes (Twilio: the URL and the
 * form fields), so the raw body and the URL as called are forwarded; alerting verifies before storing.
 */
@ApiTags('notifications')
@Controller()
export class SmsWebhooksController {
  constructor(private readonly nats: NatsClient) {}

  @Post('sms/status/:provider')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'SMS delivery-status callback (Twilio StatusCallback, Semaphore relay); signature-verified' })
  @ApiOkResponse({ schema: { type: 'object', properties: { received: { type: 'boolean' }, applied: { type: 'boolean' } } } })
  status(
    @Param('provider', new ParseEnumPipe(SmsProviderName)) provider: SmsProviderName,
    @Req() request: RawBodyRequest<FastifyRequest>,
  ): Promise<{ received: boolean; applied: boolean }> {
    const headers = Object.fromEntries(
      SIGNATURE_HEADERS.flatMap((h) => (typeof request.headers[h] === 'string' ? [[h, request.headers[h] as string]] : [])),
    );
    const url = `${request.protocol}://${request.headers.host ?? ''}${request.url}`;
    return this.nats.call(SmsStatusCallback, { provider, rawBody: request.rawBody?.toString('utf8') ?? '', url, headers });
  }
}
