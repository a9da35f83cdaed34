/**
 * `npm run simulate -- --devices 200 --rate 50 [--transport nats|mqtt] [--duration 60] [--sensors 5]`: mushroom chambers
 * publishing realistic readings to a running suite (`npm start`), for demos and load. `--rate` is readings per second per
 * device; each device sends one message per tick holding one reading per sensor, and a heartbeat every 30 s.
 * GATEWAY_URL, NATS_URL, MQTT_URL and SEED_ADMIN_EMAIL/SEED_ADMIN_PASSWORD (to register the devices) from the environment.
 */
import { parseArgs } from 'node:util';
import { Chamber, CHAMBER_SENSORS } from './chamber';
import { provision } from './provision';
import { openTransport } from './transport';

const USAGE = 'usage: npm run simulate -- [--devices 200] [--rate 50] [--transport nats|mqtt] [--duration SECONDS] [--sensors 1-5]';
const TICK_MS = 10;
const HEARTBEAT_MS = 30_000;
const REPORT_MS = 5_000;
/** MQTT QoS 1: stop offering more while this many publishes wait for the broker's PUBACK (the broker sets the pace). */
const MAX_IN_FLIGHT = 10_000;

function options() {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '200' },
      rate: { type: 'string', default: '50' },
      transport: { type: 'string', default: 'nats' },
      duration: { type: 'string' },
      sensors: { type: 'string', default: String(CHAMBER_SENSORS.length) },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const number = (name: string, raw: string | undefined, min: number, max: number) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name} must be a number from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  if (values.transport !== 'nats' && values.transport !== 'mqtt') throw new Error(`--transport must be nats or mqtt\n${USAGE}`);
  return {
    devices: Math.floor(number('devices', values.devices, 1, 9999)),
    rate: number('rate', values.rate, 0.01, 100_000),
    transport: values.transport as 'nats' | 'mqtt',
    durationMs: values.duration === undefined ? Infinity : number('duration', values.duration, 1, 7 * 86400) * 1000,
    sensors: Math.floor(number('sensors', values.sensors, 1, CHAMBER_SENSORS.length)),
  };
}

async function main(): Promise<void> {
  const opts = options();
  const say = (line: string) => console.log(`[sim] ${line}`);
  const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  const devices = await provision(gateway, opts.devices, say);
  const transport = await openTransport(opts.transport);
  const chambers = devices.map((d) => ({ ...d, chamber: new Chamber(d.index), lastTs: 0, nextHeartbeat: 0 }));
  const messagesPerSecond = (opts.devices * opts.rate) / opts.sensors;
  say(
    `${opts.devices} devices x ${opts.sensors} sensors at ${opts.rate} readings/s each over ${opts.transport}: ${Math.round(messagesPerSecond)} msgs/s, ${Math.round(opts.devices * opts.rate)} readings/s`,
  );

  const started = Date.now();
  // Heartbeats spread over the first 30 s, so 200 devices do not all beat in the same tick.
  chambers.forEach((c, i) => (c.nextHeartbeat = started + (i * HEARTBEAT_MS) / chambers.length));
  let scheduled = 0; // messages due so far by the clock
  let messages = 0; // messages actually sent
  let next = 0;
  let last = { at: started, messages: 0 };

  const tick = () => {
    const now = Date.now();
    // Paced against the clock, not per timer callback: a late timer sends what is due, so the offered rate holds.
    const target = Math.floor(((now - started) / 1000) * messagesPerSecond);
    for (; scheduled < target; scheduled++) {
      // A broker that cannot keep up sets the pace: skip (and do not burst to catch up later).
      if (transport.pending() >= MAX_IN_FLIGHT) continue;
      const c = chambers[next];
      next = (next + 1) % chambers.length;
      // One message per device per millisecond at most: (sensor, timestamp) is unique, a second one would be dropped as a duplicate.
      c.lastTs = Math.max(now, c.lastTs + 1);
      transport.telemetry(c.serial, JSON.stringify({ token: c.credential, readings: c.chamber.readings(c.lastTs, opts.sensors) }));
      messages++;
    }
    for (const c of chambers) {
      if (now < c.nextHeartbeat) continue;
      c.nextHeartbeat += HEARTBEAT_MS;
      transport.health(c.serial, JSON.stringify({ token: c.credential, ...c.chamber.health(now, started) }));
    }
  };
  const report = () => {
    const now = Date.now();
    const rate = ((messages - last.messages) * 1000) / (now - last.at);
    say(
      `${((now - started) / 1000).toFixed(0).padStart(5)} s  readings sent ${(messages * opts.sensors).toLocaleString('en-US').padStart(12)}  ${Math.round(rate).toLocaleString('en-US').padStart(7)} msgs/s  ${Math.round(
        rate * opts.sensors,
      )
        .toLocaleString('en-US')
        .padStart(8)} readings/s${transport.pending() ? `  (${transport.pending()} awaiting PUBACK)` : ''}`,
    );
    last = { at: now, messages };
  };

  const ticker = setInterval(tick, TICK_MS);
  const reporter = setInterval(report, REPORT_MS);
  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) process.exit(1); // a second Ctrl-C: do not wait for the broker
    stopping = true;
    clearInterval(ticker);
    clearInterval(reporter);
    report();
    say(
      `${why}: ${(messages * opts.sensors).toLocaleString('en-US')} readings in ${messages.toLocaleString('en-US')} messages over ${((Date.now() - started) / 1000).toFixed(1)} s; flushing`,
    );
    await transport.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('interrupted'));
  process.on('SIGTERM', () => void stop('terminated'));
  if (Number.isFinite(opts.durationMs)) setTimeout(() => void stop(`${opts.durationMs / 1000} s done`), opts.durationMs);
}

main().catch((error) => {
  console.error(`[sim] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
