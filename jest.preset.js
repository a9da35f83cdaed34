// Shared jest settings for every project. @swc/jest compiles our TypeScript with the same
// .swcrc as the build, and also the ESM-only packages (NestJS 12 and friends) into CommonJS.
const path = require('node:path');
const fs = require('node:fs');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
swcrc.jsc.baseUrl = __dirname;
delete swcrc.$schema;
swcrc.module.ignoreDynamic = false;

// Packages published only as ES modules; jest's own module loader cannot require them as is.
const esmPackages = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  'uint8array-extras',
  '@tokenizer',
  'uid',
  '@borewit',
  'load-esm',
  '@scure/base',
  '@noble/hashes',
  'otplib',
  '@otplib',
];

module.exports = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 30000,
  reporters: ['default', path.join(__dirname, 'tools/test/totals-reporter.js')],
};
