import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const PRELOAD = join(__dirname, 'exit-with-parent.cjs');

describe('the exit-with-parent preload of every process the harness starts', () => {
  it('starts one watchdog thread, not a watchdog per watchdog (workers inherit --require)', () => {
    // A Node process has ~10 threads of its own (V8 platform, libuv pool); before the fix each watchdog started
    // another and a process had hundreds of threads within seconds.
    const threads = (extra: string[]) =>
      Number(
        execFileSync(
          process.execPath,
          [
            ...extra,
            '-e',
            "setTimeout(() => console.log(/Threads:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]), 3000)",
          ],
          { encoding: 'utf8' },
        ).trim(),
      );
    const bare = threads([]);
    expect(threads(['--require', PRELOAD])).toBeLessThanOrEqual(bare + 2);
  });
});
