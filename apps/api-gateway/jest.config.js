// The gateway's unit specs, and integration specs against a real Redis (REDIS_URL, 127.0.0.1:6379 by default).
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api-gateway',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
};
