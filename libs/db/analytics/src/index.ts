export { PrismaClient as AnalyticsPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type AnalyticsDb = PrismaClient;
