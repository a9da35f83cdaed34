import { Chamber, CHAMBER_SENSORS, EXCURSION_EVERY, seeded } from './chamber';

const MINUTE = 60_000;
const DAY_START = Date.UTC(2026, 10, 22, 0, 0, 0);
/** A day at one sample every 10 seconds. */
const day = Array.from({ length: (24 * 60 * 60) / 10 }, (_, i) => DAY_START + i * 10_000);
const series = (chamber: Chamber, sensor: (typeof CHAMBER_SENSORS)[number]['name'], times = day) =>
  times.map((t) => chamber.value(sensor, t));

describe('simulated chamber values', () => {
  const normal = new Chamber(3);
  const hot = new Chamber(EXCURSION_EVERY - 1);

  it('keeps a healthy chamber inside realistic ranges all day', () => {
    const bounds = { temperature: [18, 26], humidity: [80, 95], co2: [400, 1500], light: [0, 2000], ph: [5.5, 7] } as const;
    for (const [sensor, [lo, hi]] of Object.entries(bounds)) {
      const values = series(normal, sensor as keyof typeof bounds);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...values)).toBeLessThanOrEqual(hi);
      // and it moves: not a constant
      expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan((hi - lo) / 20);
    }
  });

  it('stays inside every registered sensor range, even while overheating', () => {
    for (const s of CHAMBER_SENSORS) {
      const values = series(hot, s.name);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(s.minValue);
      expect(Math.max(...values)).toBeLessThanOrEqual(s.maxValue);
    }
  });

  it('drifts slowly: small steps second to second, a swing of degrees over minutes', () => {
    const seconds = Array.from({ length: 15 * 60 }, (_, i) => DAY_START + i * 1000);
    const temps = series(normal, 'temperature', seconds);
    const steps = temps.slice(1).map((t, i) => Math.abs(t - temps[i]));
    expect(Math.max(...steps)).toBeLessThan(0.7);
    expect(Math.max(...temps) - Math.min(...temps)).toBeGreaterThan(2);
  });

  it('overheats one chamber in fifty above 28 °C for a few minutes of every twenty, and the others never', () => {
    const hours = Array.from({ length: 60 * 60 }, (_, i) => DAY_START + i * 1000);
    const above = series(hot, 'temperature', hours).filter((t) => t > 28).length;
    expect(above).toBeGreaterThan(3 * 2 * 60); // at least two minutes per 20-minute cycle, 3 cycles an hour
    expect(above).toBeLessThan(3 * 4 * 60);
    const chambers = Array.from({ length: 200 }, (_, i) => new Chamber(i));
    expect(chambers.filter((c) => c.overheats)).toHaveLength(200 / EXCURSION_EVERY);
    expect(Math.max(...series(normal, 'temperature'))).toBeLessThanOrEqual(26);
  });

  it('builds CO2 up while the fans are off and flushes it once they run', () => {
    const minutes = Array.from({ length: 20 }, (_, i) => DAY_START + i * MINUTE);
    const offStart = minutes.find((t, i) => normal.fansOff(t) && i > 0 && !normal.fansOff(minutes[i - 1]))!;
    expect(normal.value('co2', offStart + 3 * MINUTE)).toBeGreaterThan(normal.value('co2', offStart) + 500);
    const onAgain = offStart + 4 * MINUTE + 1000;
    expect(normal.value('co2', onAgain + 4 * MINUTE)).toBeLessThan(normal.value('co2', onAgain) - 500);
  });

  it('turns the lights on by day and off at night', () => {
    expect(normal.value('light', DAY_START + 12 * 60 * MINUTE)).toBeGreaterThan(600);
    expect(normal.value('light', DAY_START + 2 * 60 * MINUTE)).toBeLessThan(10);
  });

  it('gives one reading per sensor, with its time', () => {
    expect(normal.readings(DAY_START).map((r) => r.sensor)).toEqual(['temperature', 'humidity', 'co2', 'light', 'ph']);
    expect(normal.readings(DAY_START, 2)).toEqual([
      { sensor: 'temperature', value: expect.any(Number), ts: DAY_START },
      { sensor: 'humidity', value: expect.any(Number), ts: DAY_START },
    ]);
  });

  it('reports plausible health, WARNING while overheating', () => {
    const health = normal.health(DAY_START + 90_000, DAY_START);
    expect(health).toMatchObject({ status: 'HEALTHY', uptime: 90, errorCount: 0 });
    expect(health.cpuUsage).toBeGreaterThan(0);
    expect(health.cpuUsage).toBeLessThan(100);
    const peak = day.find((t) => hot.excursion(t) === 8)!;
    expect(hot.health(peak, DAY_START).status).toBe('WARNING');
  });

  it('has reproducible noise per seed', () => {
    const a = seeded(42);
    const b = seeded(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(seeded(43)()).not.toBe(seeded(42)());
  });
});
