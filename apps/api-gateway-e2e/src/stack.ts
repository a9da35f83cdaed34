// The stack helper lives in the platform's test harness (the benchmarks use it too).
export { json, startStack, stopEveryStack, type Stack } from '@suite/platform/testing';
