/**
 * `npm run bench`: every benchmark, each reported as a ratio against a raw baseline measured in the
 * same run on the same machine (absolute numbers vary between machines; ratios much less).
 * BENCH_DURATION_MS and BENCH_CONCURRENCY tune the load.
 */
import { platformBench } from './platform.bench';
import { catalogBench } from './catalog.bench';

async function main(): Promise<void> {
  const load = { concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32), durationMs: Number(process.env.BENCH_DURATION_MS ?? 5000), warmupMs: 1000 };
  console.log(`load: ${load.concurrency} calls in flight, ${load.durationMs} ms per measurement, ${require('node:os').cpus().length} cores\n`);
  console.log('platform');
  for (const row of await platformBench(load)) console.log('  ' + row);
  console.log('\ncatalog (100,000 products)');
  for (const row of await catalogBench(load)) console.log('  ' + row);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
