import { parseHealth, withoutToken } from './parse-health';

const received = new Date('2026-11-22T05:00:00.000Z');
const parse = (body: unknown) => parseHealth(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), received);

describe('parseHealth', () => {
  it('reads a bare heartbeat as no metrics, at the time the stream stored it', () => {
    expect(parse({ token: 'dk_x' })).toEqual({
      ok: true,
      value: { token: 'dk_x', at: received, metrics: null, firmware: undefined, ipAddress: undefined },
    });
  });

  it('keeps the metrics, the status and the device time', () => {
    const parsed = parse({
      token: 'dk_x',
      cpuUsage: 12.5,
      errorCount: 3,
      status: 'MAINTENANCE',
      firmware: '2.0.1',
      ts: '2026-11-22T04:59:00.000Z',
    });
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        metrics: { cpuUsage: 12.5, errorCount: 3, status: 'MAINTENANCE' },
        firmware: '2.0.1',
        at: new Date('2026-11-22T04:59:00.000Z'),
      },
    });
  });

  it.each([
    ['{"token":', 'malformed JSON'],
    ['[1,2]', 'not a JSON object'],
    [{ token: 'dk_x', cpuUsage: '90' }, 'invalid field: cpuUsage must be a number'],
    [{ token: 'dk_x', uptime: -1 }, 'invalid field: uptime must be a non-negative integer'],
    [{ token: 'dk_x', status: 'BROKEN' }, 'invalid field: status must be one of HEALTHY, WARNING, CRITICAL, OFFLINE, MAINTENANCE'],
    [{ token: 'dk_x', ts: 'yesterday' }, 'invalid field: ts must be an ISO 8601 time or epoch milliseconds'],
    [{ token: 'dk_x', metadata: [1] }, 'invalid field: metadata must be an object'],
  ])('refuses %j: %s', (body, reason) => {
    expect(parse(body)).toMatchObject({ ok: false, reason });
  });

  it('never keeps the token in what it refuses', () => {
    const refused = parse({ token: 'dk_secret', cpuUsage: 'high' });
    expect(JSON.stringify(refused)).not.toContain('dk_secret');
    expect(withoutToken({ token: 'dk_secret', a: 1 })).toEqual({ a: 1 });
  });
});
