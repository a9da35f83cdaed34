// Jest reporter: records each project's totals, and the name and first lines of every failure, so
// `npm test` can end with one plain summary for the whole run ("N passed, N failed" and what failed),
// whichever projects nx ran and however long the output above it grew.
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '../../tmp/test-totals');
const MESSAGE_LINES = 12;

function failuresOf(results, rootDir) {
  const failures = [];
  for (const file of results.testResults) {
    const where = path.relative(rootDir, file.testFilePath);
    if (file.testExecError || (file.failureMessage && file.numFailingTests === 0)) {
      // The suite itself did not run (a throwing beforeAll, a compile error, a crashed worker).
      failures.push({ where, test: '(suite failed to run)', message: clip(file.failureMessage ?? String(file.testExecError?.message)) });
    }
    for (const t of file.testResults) {
      if (t.status === 'failed') failures.push({ where, test: t.fullName, message: clip(t.failureMessages.join('\n')) });
    }
  }
  return failures;
}

function clip(text) {
  return String(text)
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => !line.includes('/node_modules/'))
    .slice(0, MESSAGE_LINES)
    .join('\n');
}

class TotalsReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.name = path.basename(globalConfig.rootDir) + '-' + process.pid;
  }
  onRunComplete(_contexts, results) {
    fs.mkdirSync(DIR, { recursive: true });
    const totals = {
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      failedSuites: results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      failures: failuresOf(results, this.rootDir),
    };
    fs.writeFileSync(path.join(DIR, `${this.name}.json`), JSON.stringify(totals));
  }
}
module.exports = TotalsReporter;
