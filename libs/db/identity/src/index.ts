export { PrismaClient as IdentityPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type IdentityDb = PrismaClient;
