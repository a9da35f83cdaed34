import { Injectable, Logger } from '@nestjs/common';
import { DeviceBridge } from '@suite/contracts/iot-telemetry';
import { JetStreamService } from '@suite/platform';
import { telemetryRejected } from './ingest-metrics';

/**
 * Where refused messages go: the IOT_DEAD_LETTER stream, with the reason in a header and the original subject, so a
 * bad payload is kept for whoever investigates and never blocks the readings behind it. Tokens are never copied here.
 */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger('DeadLetters');

  constructor(private readonly js: JetStreamService) {}

  /** `dedupeId` (e.g. the stream sequence of the refused message) makes a redelivered refusal a no-op in the stream. */
  async send(subject: string, reason: string, body: unknown, dedupeId?: string): Promise<void> {
    telemetryRejected.inc({ reason: reasonLabel(reason) });
    this.logger.warn({ subject, reason }, 'device message refused: sent to the dead-letter stream');
    await this.js.publish(
      DeviceBridge.deadLetter,
      { subject, reason, body, at: new Date().toISOString() },
      { msgId: dedupeId, headers: { [DeviceBridge.deadLetterReasonHeader]: reason, 'Original-Subject': subject } },
    );
  }
}

/** Metric labels must stay few: the reason's first words, without names or values from the payload. */
function reasonLabel(reason: string): string {
  return reason.replace(/'.*$/, '').split(':')[0].trim().slice(0, 40);
}
