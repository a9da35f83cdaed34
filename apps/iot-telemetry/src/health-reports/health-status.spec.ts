import { deriveHealthStatus } from './health-status';

describe('deriveHealthStatus', () => {
  it.each([
    [{}, 'HEALTHY'],
    [{ cpuUsage: 40, memoryUsage: 50, diskUsage: 60, batteryLevel: 80, temperature: 45 }, 'HEALTHY'],
    [{ batteryLevel: 19.5 }, 'WARNING'],
    [{ batteryLevel: 9 }, 'CRITICAL'],
    [{ cpuUsage: 91 }, 'WARNING'],
    [{ memoryUsage: 98 }, 'CRITICAL'],
    [{ diskUsage: 90 }, 'HEALTHY'],
    [{ temperature: 71 }, 'WARNING'],
    [{ temperature: 90, batteryLevel: 50 }, 'CRITICAL'],
    [{ batteryLevel: null, cpuUsage: null }, 'HEALTHY'],
  ])('%j -> %s', (metrics, status) => {
    expect(deriveHealthStatus(metrics)).toBe(status);
  });
});
