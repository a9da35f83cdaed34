#!/usr/bin/env node
// `node tools/test/totals.js reset` before a run; `node tools/test/totals.js` after it prints the sum.
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '../../tmp/test-totals');
if (process.argv[2] === 'reset') {
  fs.rmSync(DIR, { recursive: true, force: true });
  process.exit(0);
}
const files = fs.existsSync(DIR) ? fs.readdirSync(DIR) : [];
const sum = { passed: 0, failed: 0, skipped: 0 };
for (const f of files) {
  const t = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
  for (const k of Object.keys(sum)) sum[k] += t[k];
}
if (files.length === 0) {
  console.error('no test results recorded');
  process.exit(1);
}
console.log(`${sum.passed} passed, ${sum.failed} failed` + (sum.skipped ? `, ${sum.skipped} skipped` : ''));
process.exit(sum.failed > 0 ? 1 : 0);
