import { PrismaLike } from '../db/prisma.module';

/**
 * Runs `handle` at most once per (consumer, messageId): the inbox row and the handler's writes
 * commit together, so a redelivered event is skipped and a failed one is retried cleanly.
 * Returns false when the message had already been processed.
 */
export async function processOnce(
  db: PrismaLike,
  consumer: string,
  messageId: string,
  handle: (tx: any) => Promise<void>,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted: number = await tx.$executeRawUnsafe(
      'INSERT INTO processed_event (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      consumer,
      messageId,
    );
    if (inserted === 0) return false;
    await handle(tx);
    return true;
  });
}
