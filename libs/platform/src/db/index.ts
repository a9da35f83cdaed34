export * from './prisma.module';
export * from './unique-violation';
