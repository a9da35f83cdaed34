// The process helpers live in the platform's test harness (the benchmarks use them too).
export { eventually, freePort, REPO_ROOT, run, startService, type Running } from '@suite/platform/testing';
