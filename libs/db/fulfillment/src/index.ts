export { PrismaClient as FulfillmentPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type FulfillmentDb = PrismaClient;
