export { PrismaClient as IotTelemetryPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type IotTelemetryDb = PrismaClient;
