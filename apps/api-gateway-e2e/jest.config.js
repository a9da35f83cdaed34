// End-to-end: real processes from dist/ (build first: `npm run build`), real PostgreSQL and NATS.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/../../libs/platform/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/platform/src/testing/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/src/stop-stacks.setup.ts'],
  testTimeout: 60000,
};
