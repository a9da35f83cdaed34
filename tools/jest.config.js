module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'stack-tools',
  rootDir: __dirname,
  // Unit specs only (the simulator's value generator): nothing here starts processes.
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
