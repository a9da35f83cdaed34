#!/usr/bin/env node
// `node tools/test/totals.js reset` before a run; `node tools/test/totals.js` after it prints the sum
// and, below it, every failed test with the first lines of its message (they may be thousands of
// lines above in the run's output). Exits 1 when anything failed or nothing was recorded.
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '../../tmp/test-totals');
if (process.argv[2] === 'reset') {
  fs.rmSync(DIR, { recursive: true, force: true });
  process.exit(0);
}
const files = fs.existsSync(DIR) ? fs.readdirSync(DIR) : [];
const sum = { passed: 0, failed: 0, failedSuites: 0, skipped: 0 };
const failures = [];
for (const f of files) {
  const t = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
  for (const k of Object.keys(sum)) sum[k] += t[k] ?? 0;
  for (const failure of t.failures ?? []) failures.push({ project: f.replace(/-\d+\.json$/, ''), ...failure });
}
if (files.length === 0) {
  console.error('no test results recorded');
  process.exit(1);
}
for (const f of failures) {
  console.log(`\nFAILED ${f.project}/${f.where} > ${f.test}\n${f.message.replace(/^/gm, '  ')}`);
}
console.log(
  `${failures.length ? '\n' : ''}${sum.passed} passed, ${sum.failed} failed` +
    (sum.failedSuites ? `, ${sum.failedSuites} suites failed to run` : '') +
    (sum.skipped ? `, ${sum.skipped} skipped` : ''),
);
process.exit(sum.failed > 0 || sum.failedSuites > 0 ? 1 : 0);
