module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'prisma-tooling',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  // migrateAll runs dist/prisma/migrate.js in a child process (see migrate.ts), so build it first.
  globalSetup: '<rootDir>/jest.global-setup.js',
  testTimeout: 120000,
};
