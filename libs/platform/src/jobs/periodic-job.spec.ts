import { Logger } from '@nestjs/common';
import { PeriodicJobs } from './periodic-job';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
};

describe('PeriodicJobs', () => {
  let jobs: PeriodicJobs;
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => (jobs = new PeriodicJobs()));
  afterEach(() => jobs.onApplicationShutdown());

  it('never runs two passes of a job at once, however short the interval', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    jobs.schedule({
      name: 'slow',
      intervalMs: 5,
      run: async () => {
        most = Math.max(most, ++running);
        await sleep(40);
        running--;
        passes++;
      },
    });
    await until(() => passes >= 3);
    expect(most).toBe(1);
  });

  it('retries a failed pass at the next tick', async () => {
    const calls: number[] = [];
    jobs.schedule({
      name: 'flaky',
      intervalMs: 10,
      run: async () => {
        calls.push(Date.now());
        if (calls.length === 1) throw new Error('database unavailable');
      },
    });
    await until(() => calls.length >= 2);
  });

  it('skips a pass while `when` says no', async () => {
    let ready = false;
    let checks = 0;
    const run = jest.fn(async () => undefined);
    jobs.schedule({ name: 'gated', intervalMs: 10, when: async () => (checks++, ready), run });
    await until(() => checks >= 3);
    expect(run).not.toHaveBeenCalled();
    ready = true;
    await until(() => run.mock.calls.length >= 1);
  });

  it('stops on shutdown: waits for the running pass and starts no other', async () => {
    let finished = 0;
    let started = 0;
    jobs.schedule({
      name: 'sweep',
      intervalMs: 10,
      run: async () => {
        started++;
        await sleep(50);
        finished++;
      },
    });
    await until(() => started === 1);
    await jobs.onApplicationShutdown();
    expect(finished).toBe(1); // the running pass completed before shutdown returned
    await sleep(60);
    expect(started).toBe(1);
    jobs.schedule({ name: 'late', intervalMs: 10, run: async () => void started++ });
    await sleep(40);
    expect(started).toBe(1);
  });

  it('runs a pass on demand and reports an unknown job', async () => {
    const run = jest.fn(async () => 3);
    jobs.schedule({ name: 'now', intervalMs: 60000, run });
    await jobs.runNow('now');
    expect(run).toHaveBeenCalledTimes(1);
    expect(() => jobs.runNow('missing')).toThrow('no periodic job missing');
  });

  it('refuses a singleton job without a database (the pass fails, it does not run unlocked)', async () => {
    const run = jest.fn(async () => undefined);
    jobs.schedule({ name: 'alone', intervalMs: 60000, singleton: true, run });
    await jobs.runNow('alone');
    expect(run).not.toHaveBeenCalled();
  });
});
