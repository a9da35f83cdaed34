import { Prisma } from '@suite/db/orders';

/**
 * The schema's unique (storeId, email) cannot hold for shop customers (storeId NULL: NULLs are
 * distinct), so their email is kept unique here: whether another shop customer has `email`, asked
 * under a per-email lock held to the end of the transaction, against concurrent writers of it.
 */
export async function shopEmailTaken(tx: Prisma.TransactionClient, email: string, exceptId?: string): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'customer-email:' + email.toLowerCase()}::text, 0))`;
  const taken = await tx.customer.findFirst({
    where: { storeId: null, email: { equals: email, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return taken !== null;
}
