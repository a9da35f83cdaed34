export { PrismaClient as LogisticsPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type LogisticsDb = PrismaClient;
