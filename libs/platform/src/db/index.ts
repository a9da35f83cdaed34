export * from './prisma.module';
export * from './unique-violation';
export * from './unit-of-work';
export * from './export-page';
export * from './import-row';
