export { PrismaClient as OrdersPrismaClient, Prisma } from './generated/client';
import type { PrismaClient } from './generated/client';

export type OrdersDb = PrismaClient;
