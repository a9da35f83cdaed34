export { PrismaClient as CatalogPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type CatalogDb = PrismaClient;
