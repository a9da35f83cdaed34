/**
 * `npm run bench`: every benchmark, each reported as a ratio against a raw baseline measured in the
 * same run on the same machine (absolute numbers vary between machines; ratios much less).
 * BENCH_DURATION_MS and BENCH_CONCURRENCY tune the load; warm-up repeats 1 s windows until throughput rises < 5% (at most BENCH_WARMUP_MAX_MS); BENCH_ONLY=platform,catalog,checkout,telemetry,events,fulfillment,logistics,analytics,reports,alerting,api-usage,import runs only those sections.
 */
import { platformBench } from './platform.bench';
import { catalogBench } from './catalog.bench';
import { checkoutBench } from './checkout.bench';
import { telemetryBench } from './telemetry.bench';
import { eventsBench } from './events.bench';
import { fulfillmentBench } from './fulfillment.bench';
import { analyticsBench } from './analytics.bench';
import { reportsBench } from './reports.bench';
import { logisticsBench } from './logistics.bench';
import { alertingBench } from './alerting.bench';
import { apiUsageBench } from './api-usage.bench';
import { importBench } from './import.bench';

async function main(): Promise<void> {
  const load = {
    concurrency: Number(process.env.BENCH_CONCURRENCY ?? 32),
    durationMs: Number(process.env.BENCH_DURATION_MS ?? 5000),
    warmupMs: 1000,
    warmupMaxMs: Number(process.env.BENCH_WARMUP_MAX_MS ?? 20000),
  };
  console.log(
    `load: ${load.concurrency} calls in flight, ${load.durationMs} ms per measurement after a warm-up of up to ${load.warmupMaxMs} ms, ${require('node:os').cpus().length} cores, load average ${require('node:fs').readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`,
  );
  const only = process.env.BENCH_ONLY?.split(',');
  const runs = (section: string) => !only || only.includes(section);
  if (runs('platform')) {
    console.log('platform');
    for (const row of await platformBench(load)) console.log('  ' + row);
  }
  if (runs('catalog')) {
    console.log('\ncatalog (100,000 products)');
    for (const row of await catalogBench(load)) console.log('  ' + row);
  }
  if (runs('checkout')) {
    console.log('\norders checkout');
    for (const row of await checkoutBench(load)) console.log('  ' + row);
  }
  if (runs('telemetry')) {
    console.log('\niot telemetry');
    for (const row of await telemetryBench(load)) console.log('  ' + row);
  }
  if (runs('events')) {
    console.log('\nevent consumers (@OnEvent) and outbox -> handler latency');
    for (const row of await eventsBench(load)) console.log('  ' + row);
  }
  if (runs('fulfillment')) {
    console.log('\nfulfillment routing (50 factories, 200 locations, 20,000 supplier variants)');
    for (const row of await fulfillmentBench(load)) console.log('  ' + row);
  }
  if (runs('logistics')) {
    console.log('\nlogistics tracking webhooks (AfterShip-shaped, signed, through the gateway)');
    for (const row of await logisticsBench(load)) console.log('  ' + row);
  }
  if (runs('analytics')) {
    console.log('\nanalytics: event ingest into the aggregates, metrics from them (BENCH_ANALYTICS_EVENTS, 1,000,000 by default)');
    for (const row of await analyticsBench()) console.log('  ' + row);
  }
  if (runs('reports')) {
    console.log('\nanalytics reports (1,000,000-row CSV and XLSX, 10,000-row PDF; peak RSS of the analytics process)');
    for (const row of await reportsBench()) console.log('  ' + row);
  }
  if (runs('alerting')) {
    console.log('\nalerting (1,000 rules, 10,000 open fingerprints)');
    for (const row of await alertingBench(load)) console.log('  ' + row);
  }
  if (runs('import')) {
    console.log('\nimport (BENCH_IMPORT_ROWS product rows, 1,000,000 by default, through the gateway; against a raw COPY)');
    for (const row of await importBench()) console.log('  ' + row);
  }
  if (runs('api-usage')) {
    console.log('\ngateway rate limits and API usage logging, on against off');
    for (const row of await apiUsageBench(load)) console.log('  ' + row);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
