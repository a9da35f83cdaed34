import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ImportGet, ImportJobView } from '@suite/contracts/analytics';
import { CallerIdentity, NatsClient } from '@suite/platform';
import { CurrentCaller, RequirePermissions } from '../auth/auth.decorators';
import { HEARTBEAT_MS, SSE_HEADERS, SseReply, sseComment, sseEvent, writeOrDrop } from '../streaming/sse';

/** How often the job is read while a client watches it. */
export const PROGRESS_POLL_MS = 500;
const ENDED = ['COMPLETED', 'FAILED', 'CANCELLED'];

/**
 * An import job's progress as Server-Sent Events: `event: progress` (the ImportJobView) whenever it
 * changes, and a last `event: done` when it ends, then the stream closes. The job is polled (it is a
 * row that one worker updates after each batch; a poll every 500 ms is cheap and needs no extra event).
 * Another user's job is a 404 before anything is sent, as in the device stream.
 */
@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports/:jobId')
export class ImportProgressController {
  constructor(private readonly nats: NatsClient) {}

  @Get('stream')
  @RequirePermissions('imports:read')
  @ApiOperation({ summary: 'Progress as Server-Sent Events (event: progress, then event: done); a comment heartbeat every 15 s' })
  @ApiProduces('text/event-stream')
  async stream(@Param('jobId') jobId: string, @CurrentCaller() caller: CallerIdentity, @Res() reply: SseReply): Promise<void> {
    let job: ImportJobView = await this.nats.call(ImportGet, { jobId }, { caller });
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { ...reply.getHeaders(), ...SSE_HEADERS });
    let closed = false;
    const heartbeat = setInterval(() => writeOrDrop(raw, sseComment('heartbeat')), HEARTBEAT_MS);
    raw.once('close', () => {
      closed = true;
      clearInterval(heartbeat);
    });
    let last = '';
    while (!closed) {
      const text = JSON.stringify(job);
      if (text !== last) writeOrDrop(raw, sseEvent('progress', job));
      last = text;
      if (ENDED.includes(job.status)) {
        writeOrDrop(raw, sseEvent('done', job));
        break;
      }
      await new Promise((r) => setTimeout(r, PROGRESS_POLL_MS));
      try {
        job = await this.nats.call(ImportGet, { jobId }, { caller });
      } catch {
        continue; // analytics briefly away: keep the stream, try again
      }
    }
    clearInterval(heartbeat);
    if (!raw.writableEnded) raw.end();
  }
}
