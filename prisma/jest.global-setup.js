// Builds what the specs run out of process (dist/prisma/migrate.js, a CommonJS child with the WASM
// flag) and generates the analytics client the seed spec imports. Only the tooling and the config it
// imports are compiled, so a half-edited file elsewhere in the workspace cannot fail these specs.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '..');
  const swc = path.join(root, 'node_modules/@swc/cli/bin/swc.js');
  const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  run([swc, 'prisma', 'libs/platform/src/config', '-d', 'dist', '-q']);
  run([path.join(root, 'dist/prisma/generate.js'), 'analytics']);
};
