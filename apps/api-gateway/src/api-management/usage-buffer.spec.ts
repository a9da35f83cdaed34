import { randomUUID } from 'node:crypto';
import type { ApiUsageRow } from '@suite/contracts/analytics';
import { UsageBatch, UsageBuffer } from './usage-buffer';

const row = (statusCode = 200): ApiUsageRow => ({
  id: randomUUID(),
  endpoint: '/api/v1/things',
  method: 'GET',
  version: 'v1',
  statusCode,
  responseTime: 3,
  ipAddress: '127.0.0.1',
  rateLimitHit: false,
  throttled: false,
  timestamp: new Date().toISOString(),
});

const settle = () => new Promise((r) => setImmediate(r));

function buffer(send: (b: UsageBatch) => Promise<void>, options: Partial<{ batchSize: number; maxRows: number }> = {}) {
  const dropped = { n: 0 };
  const b = new UsageBuffer({ batchSize: 3, flushMs: 1_000_000, maxRows: 10, ...options, send, onDrop: (n) => (dropped.n += n) });
  return { b, dropped };
}

describe('UsageBuffer', () => {
  it('sends a batch as soon as it is full, and the rest on flush, each row once and in order', async () => {
    const sent: UsageBatch[] = [];
    const { b } = buffer(async (batch) => void sent.push(batch));
    const rows = Array.from({ length: 7 }, () => row());
    rows.forEach((r) => b.add(r));
    await settle();
    expect(sent.map((s) => s.usage.length)).toEqual([3, 3]);
    b.flush();
    await settle();
    expect(sent.flatMap((s) => s.usage.map((r) => r.id))).toEqual(rows.map((r) => r.id));
    expect(b.pending).toBe(0);
  });

  it('keeps a batch analytics did not acknowledge and sends the same rows (same ids) again, first', async () => {
    let fail = true;
    const sent: string[][] = [];
    const { b, dropped } = buffer(async (batch) => {
      if (fail) throw new Error('no responders');
      sent.push(batch.usage.map((r) => r.id));
    });
    const rows = Array.from({ length: 3 }, () => row());
    rows.forEach((r) => b.add(r));
    await settle();
    expect(b.pending).toBe(3);
    const later = row();
    b.add(later);
    fail = false;
    b.flush();
    await settle();
    b.flush();
    await settle();
    expect(sent.flat()).toEqual([...rows, later].map((r) => r.id));
    expect(dropped.n).toBe(0);
  });

  it('drops and counts what does not fit while analytics is down, never more than maxRows held', async () => {
    const { b, dropped } = buffer(() => Promise.reject(new Error('down')), { batchSize: 4, maxRows: 10 });
    for (let i = 0; i < 25; i++) b.add(row());
    await settle();
    b.flush();
    await settle();
    expect(b.pending).toBeLessThanOrEqual(10);
    expect(b.pending + dropped.n).toBe(25);
  });

  it('adds up refused requests per window and sends them with the next batch', async () => {
    const sent: UsageBatch[] = [];
    const { b } = buffer(async (batch) => void sent.push(batch));
    const w = {
      identifier: 'ip:1.2.3.4',
      endpoint: 'POST /api/v1/auth/login',
      windowStart: '2026-01-01T00:00:00.000Z',
      windowEnd: '2026-01-01T00:01:00.000Z',
    };
    b.addBlocked(w);
    b.addBlocked(w);
    b.addBlocked({ ...w, identifier: 'ip:5.6.7.8' });
    b.flush();
    await settle();
    expect(sent[0].blocked).toEqual([
      { ...w, count: 2 },
      { ...w, identifier: 'ip:5.6.7.8', count: 1 },
    ]);
    expect(b.pendingWindows).toBe(0);
  });

  it('drain sends what is left before shutdown', async () => {
    const sent: UsageBatch[] = [];
    const { b, dropped } = buffer(async (batch) => void sent.push(batch), { batchSize: 100 });
    for (let i = 0; i < 5; i++) b.add(row());
    await b.drain(1000);
    expect(sent.flatMap((s) => s.usage)).toHaveLength(5);
    expect(dropped.n).toBe(0);
  });
});
