import { consumerPending, registerLagSource } from './consumer-metrics';

/** The lag gauge the consumer-lag and ingest alerts read: one series per registered reader, read at scrape time. */
describe('suite_event_consumer_pending', () => {
  const series = async () => (await consumerPending.get()).values.filter((v) => String(v.labels.consumer).startsWith('lagspec-'));

  it('reports what each registered source reads, and forgets a source once it unregisters', async () => {
    let pending = 7;
    const stopA = registerLagSource(async () => ({ consumer: 'lagspec-a', stream: 'S_A', pending }));
    const stopB = registerLagSource(async () => ({ consumer: 'lagspec-b', stream: 'S_B', pending: 0 }));
    try {
      expect(await series()).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ labels: { consumer: 'lagspec-a', stream: 'S_A' }, value: 7 }),
          expect.objectContaining({ labels: { consumer: 'lagspec-b', stream: 'S_B' }, value: 0 }),
        ]),
      );
      pending = 12;
      expect((await series()).find((v) => v.labels.consumer === 'lagspec-a')?.value).toBe(12);
    } finally {
      stopA();
      stopB();
    }
    expect(await series()).toEqual([]);
  });

  it('still reports the other sources when one cannot read its consumer (NATS unreachable)', async () => {
    const stopBad = registerLagSource(() => Promise.reject(new Error('no responders')));
    const stopGood = registerLagSource(async () => ({ consumer: 'lagspec-ok', stream: 'S', pending: 3 }));
    try {
      expect((await series()).map((v) => [v.labels.consumer, v.value])).toEqual([['lagspec-ok', 3]]);
    } finally {
      stopBad();
      stopGood();
    }
  });
});
