/** The sensors of a simulated mushroom chamber, as registered (valid ranges are the hardware's, wider than a healthy chamber). */
export const CHAMBER_SENSORS = [
  { name: 'temperature', type: 'temperature', unit: '°C', minValue: 0, maxValue: 50 },
  { name: 'humidity', type: 'humidity', unit: '%', minValue: 0, maxValue: 100 },
  { name: 'co2', type: 'co2', unit: 'ppm', minValue: 0, maxValue: 5000 },
  { name: 'light', type: 'light', unit: 'lux', minValue: 0, maxValue: 2000 },
  { name: 'ph', type: 'ph', unit: 'pH', minValue: 0, maxValue: 14 },
] as const;

export type SensorName = (typeof CHAMBER_SENSORS)[number]['name'];

const MINUTE = 60_000;
/** Slow climate drift: one temperature/humidity swing per 12 minutes, so a demo shows it moving. */
const DRIFT_PERIOD = 12 * MINUTE;
/** The fans run on a 10-minute cycle and are off for 4 of them; CO2 builds up while they are off. */
const FAN_CYCLE = 10 * MINUTE;
const FANS_OFF = 4 * MINUTE;
/** One chamber in EXCURSION_EVERY overheats for 4 minutes of every 20, past the 28 °C a demo threshold watches. */
export const EXCURSION_EVERY = 50;
const EXCURSION_CYCLE = 20 * MINUTE;
const EXCURSION_LENGTH = 4 * MINUTE;

/** Small seeded PRNG (mulberry32): every chamber has its own reproducible noise. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * One chamber's climate as a function of time, so a reading at time t is the same however often it is sampled: slow
 * sinusoids (phase-shifted per chamber) plus a little noise, CO2 following the fans, light following the day.
 */
export class Chamber {
  private readonly noise: () => number;
  private readonly phase: number;
  readonly overheats: boolean;

  constructor(readonly index: number) {
    this.noise = seeded(index * 7919 + 17);
    this.phase = (index * 0.61803398875) % 1; // golden-ratio spread: neighbours do not move in step
    this.overheats = index % EXCURSION_EVERY === EXCURSION_EVERY - 1;
  }

  /** Extra degrees while overheating: ramps up over a minute, holds, ramps down (0 outside the window). */
  excursion(at: number): number {
    if (!this.overheats) return 0;
    const into = (at + this.phase * EXCURSION_CYCLE) % EXCURSION_CYCLE;
    if (into >= EXCURSION_LENGTH) return 0;
    const ramp = Math.min(1, into / MINUTE, (EXCURSION_LENGTH - into) / MINUTE);
    return 8 * ramp;
  }

  fansOff(at: number): boolean {
    return (at + this.phase * FAN_CYCLE) % FAN_CYCLE < FANS_OFF;
  }

  value(sensor: SensorName, at: number): number {
    const wobble = (this.noise() - 0.5) * 2; // -1..1
    const swing = Math.sin(2 * Math.PI * (at / DRIFT_PERIOD + this.phase));
    switch (sensor) {
      case 'temperature':
        return round(clamp(22 + 3.3 * swing + 0.3 * wobble, 18, 26) + this.excursion(at), 2);
      case 'humidity':
        // Warmer air holds more water at the same absolute humidity: relative humidity moves against temperature.
        return round(clamp(87.5 - 6 * swing + 0.8 * wobble, 80, 95), 1);
      case 'co2': {
        const into = (at + this.phase * FAN_CYCLE) % FAN_CYCLE;
        const level =
          into < FANS_OFF
            ? 450 + 1000 * (into / FANS_OFF) // building up while the fans are off
            : 450 + 1000 * Math.exp(-(into - FANS_OFF) / MINUTE); // flushed out once they run
        return Math.round(clamp(level + 30 * wobble, 400, 1500));
      }
      case 'light': {
        // Lights on 06:00-18:00 UTC: fruiting chambers keep a 12 h photoperiod.
        const hour = new Date(at).getUTCHours();
        return hour >= 6 && hour < 18 ? Math.round(800 + 80 * wobble) : Math.round(2 + 2 * wobble);
      }
      case 'ph':
        return round(clamp(6.25 + 0.6 * Math.sin(2 * Math.PI * (at / (4 * DRIFT_PERIOD) + this.phase)) + 0.05 * wobble, 5.5, 7), 2);
    }
  }

  /** One reading per sensor (the first `sensors` of CHAMBER_SENSORS) at time `at`. */
  readings(at: number, sensors: number = CHAMBER_SENSORS.length): { sensor: SensorName; value: number; ts: number }[] {
    return CHAMBER_SENSORS.slice(0, sensors).map((s) => ({ sensor: s.name, value: this.value(s.name, at), ts: at }));
  }

  /** A heartbeat with plausible board metrics; an overheating chamber reports WARNING. */
  health(at: number, startedAt: number) {
    const wobble = this.noise();
    return {
      status: this.excursion(at) > 6 ? ('WARNING' as const) : ('HEALTHY' as const),
      cpuUsage: round(12 + 25 * wobble, 1),
      memoryUsage: round(35 + 10 * this.noise(), 1),
      diskUsage: round(22 + (this.index % 10), 1),
      temperature: round(45 + 6 * wobble, 1),
      networkLatency: Math.round(5 + 30 * this.noise()),
      uptime: Math.round((at - startedAt) / 1000),
      errorCount: 0,
      firmware: 'sim-1.2.0',
      ts: at,
    };
  }
}
