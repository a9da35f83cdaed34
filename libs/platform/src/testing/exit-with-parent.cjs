// Preloaded (node --require) into every process the test harness starts. A jest run that times out or is
// killed cannot stop its children; without this they would keep running, holding CPU, ports and database
// connections, and slow every later spec until the whole run misses its limit. The check runs on a worker
// thread and ends the process with SIGKILL because an orphan's own event loop can be stuck: its logger
// spins on the broken stdout pipe (EPIPE) and never returns to timers.
//
// A worker thread inherits the process's --require, so this file also runs inside every worker: it must start its
// watchdog from the main thread only, and the watchdog itself starts without the preload. Without both, each
// watchdog started another one, and every process of a stack grew by about a hundred threads and 1 GB a minute.
const { isMainThread, Worker } = require('node:worker_threads');

if (isMainThread) {
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     setInterval(() => { if (process.ppid !== workerData.parent) process.kill(workerData.pid, 'SIGKILL'); }, 500);`,
    { eval: true, execArgv: [], workerData: { parent: process.ppid, pid: process.pid } },
  );
  watchdog.unref();
}
