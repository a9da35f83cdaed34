module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'fulfillment',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/../../libs/platform/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/platform/src/testing/global-teardown.ts',
};
