export { PrismaClient as AlertingPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type AlertingDb = PrismaClient;
