import { DirectoryDevice, DirectorySensor } from './device-directory';
import { parseTelemetry } from './parse-telemetry';

const sensor: DirectorySensor = {
  id: 's-1',
  name: 'temp',
  type: 'temperature',
  unit: '°C',
  minValue: 0,
  maxValue: 50,
  scale: 2,
  offset: 1,
};
const device: DirectoryDevice = {
  id: 'd-1',
  serialNumber: 'CH-1',
  userId: 'u-1',
  credentialHash: 'h',
  sensors: new Map([
    ['temp', sensor],
    ['s-1', sensor],
  ]),
};
const NOW = Date.parse('2026-11-22T06:00:00.000Z');
const tokenOk = (token: unknown) => token === 'good';
const parse = (payload: unknown, d: DirectoryDevice | null = device) =>
  parseTelemetry(Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)), d, NOW, tokenOk);

describe('parseTelemetry', () => {
  it('calibrates, marks out-of-range values, accepts the sensor by name or id and ts as ISO or epoch ms', () => {
    const result = parse({
      token: 'good',
      readings: [
        { sensor: 'temp', value: 10, ts: '2026-11-22T05:00:00.000Z' },
        { sensor: 's-1', value: 30, ts: NOW - 1000 },
      ],
    });
    expect(result.ok && result.rows.map((r) => [r.sensorId, r.value, r.quality, r.timestamp.toISOString()])).toEqual([
      ['s-1', 21, 'GOOD', '2026-11-22T05:00:00.000Z'],
      ['s-1', 61, 'OUT_OF_RANGE', '2026-11-22T05:59:59.000Z'],
    ]);
  });

  it('takes one inline reading and stamps it with the broker time when ts is missing', () => {
    const result = parse({ token: 'good', sensor: 'temp', value: 1 });
    expect(result.ok && result.rows.map((r) => [r.value, r.timestamp.getTime(), r.userId, r.deviceId])).toEqual([[3, NOW, 'u-1', 'd-1']]);
  });

  it.each([
    ['not json', '{"token":"good",', 'payload is not JSON'],
    ['an array', [1, 2], 'payload must be a JSON object'],
    ['no token', { sensor: 'temp', value: 1 }, 'missing token'],
    ['a wrong token', { token: 'bad', sensor: 'temp', value: 1 }, 'bad credential'],
    ['no readings', { token: 'good' }, 'no readings: send { readings: [...] } or { sensor, value }'],
    [
      'too many readings',
      { token: 'good', readings: Array.from({ length: 1001 }, () => ({ sensor: 'temp', value: 1 })) },
      'more than 1000 readings in one message',
    ],
  ])('refuses %s as a whole', (_, payload, reason) => {
    expect(parse(payload)).toMatchObject({ ok: false, reason });
  });

  it('refuses an unknown device and never keeps the token in the refused body', () => {
    const result = parse({ token: 'good', sensor: 'temp', value: 1 }, null);
    expect(result).toMatchObject({ ok: false, reason: 'unknown device' });
    expect(JSON.stringify(result)).not.toContain('good');
    expect(JSON.stringify(parse('{"token":"secret-123", "x": '))).not.toContain('secret-123');
  });

  it('keeps the good readings of a message and names the reason for each bad one', () => {
    const result = parse({
      token: 'good',
      readings: [
        { sensor: 'temp', value: 5 },
        { sensor: 'ghost', value: 1 },
        { sensor: 'temp', value: Infinity },
        { sensor: 'temp', value: 1, ts: NOW + 3600_000 },
        { sensor: 'temp', value: 1, ts: 'yesterday' },
        7,
      ],
    });
    expect(result.ok && result.rows.map((r) => r.value)).toEqual([11]);
    expect(result.ok && result.rejected.map((r) => r.reason)).toEqual([
      "unknown sensor 'ghost'",
      'value must be a finite number',
      'ts is in the future',
      'ts must be ISO-8601 or epoch milliseconds',
      'reading must be an object',
    ]);
  });
});
