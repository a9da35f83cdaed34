import { stopEveryStack } from '@suite/platform/testing';

// After each spec file's own hooks: whatever stack it started and did not stop (its beforeAll timed out while the
// stack was still starting) is stopped here, so it cannot slow the files that run after it.
afterAll(() => stopEveryStack(), 60000);
