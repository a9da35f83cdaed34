// Plain Node helpers (no NestJS) shared by the stack launcher, the test harness and tooling.
export * from './probe';
export * from './local-services';
export * from './migrations';
