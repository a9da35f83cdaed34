// Jest reporter: records each project's totals so `npm test` can end with one plain line for the
// whole run ("N passed, N failed"), whichever projects nx ran.
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '../../tmp/test-totals');

class TotalsReporter {
  constructor(globalConfig) {
    this.name = path.basename(globalConfig.rootDir) + '-' + process.pid;
  }
  onRunComplete(_contexts, results) {
    fs.mkdirSync(DIR, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(DIR, `${this.name}.json`), JSON.stringify(totals));
  }
}
module.exports = TotalsReporter;
