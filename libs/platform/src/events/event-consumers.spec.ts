import { Command } from '@nestjs/cqrs';
import { formatDeadLetters } from './dead-letter';
import { durableName } from './event-consumer';
import { streamsFor } from './event-consumers';
import { commandsIn } from './event-pipeline';

class Release extends Command<void> {
  constructor(readonly orderId: string) {
    super();
  }
}
class Plain {
  constructor(readonly id: string) {}
}

describe('event consumer wiring', () => {
  it('reads one service event from that service stream, with the subject as filter', () => {
    expect(streamsFor('evt.orders.order.placed')).toEqual([
      { stream: expect.objectContaining({ name: 'EVT_ORDERS', subjects: ['evt.orders.>'] }), filter: 'evt.orders.order.placed' },
    ]);
  });

  it('reads a family of every service from each service stream, each filter inside its stream', () => {
    const all = streamsFor('evt.>');
    expect(all.map((s) => s.stream.name)).toContain('EVT_IOT_TELEMETRY');
    expect(all.find((s) => s.stream.name === 'EVT_CATALOG')?.filter).toBe('evt.catalog.>');
    expect(all.map((s) => s.stream.name)).not.toContain('EVT_API_GATEWAY'); // it has no database, so no outbox
    expect(streamsFor('evt.*.alert.raised').find((s) => s.stream.name === 'EVT_ALERTING')?.filter).toBe('evt.alerting.alert.raised');
  });

  it('refuses a subject whose stream it cannot tell', () => {
    expect(() => streamsFor('orders.order.place')).toThrow(/evt.<service>/);
    expect(() => streamsFor('evt.nobody.thing.done')).toThrow();
  });

  it('names durables without the characters NATS refuses', () => {
    expect(durableName('iot-telemetry', 'alerts.on threshold')).toBe('iot-telemetry__alerts_on_threshold');
  });

  it('executes returned commands only: class instances, alone or in an array; plain data is ignored', () => {
    const release = new Release('o1');
    const plain = new Plain('x');
    expect(commandsIn(undefined)).toEqual([]);
    expect(commandsIn(release)).toEqual([release]);
    expect(commandsIn([release, plain, null])).toEqual([release, plain]);
    expect(commandsIn({ id: 'row written by the handler' })).toEqual([]);
    expect(commandsIn([{ count: 1 }, 3, 'text', new Date()])).toEqual([]);
  });

  it('prints dead letters as aligned columns', () => {
    const text = formatDeadLetters([
      {
        sequence: 7,
        storedAt: '2026-12-02T03:00:00.000Z',
        service: 'catalog',
        consumer: 'catalog__release',
        subject: 'evt.orders.order.cancelled',
        messageId: 'm',
        deliveries: 10,
        reason: 'deliveries_exhausted',
        error: 'boom',
        payload: '{}',
      },
    ]).split('\n');
    expect(text[0]).toMatch(/^SEQ\s+TIME\s+SERVICE\s+CONSUMER\s+SUBJECT\s+DELIVERIES\s+REASON\s+ERROR$/);
    expect(text[1]).toMatch(
      /^7\s+2026-12-02T03:00:00.000Z\s+catalog\s+catalog__release\s+evt.orders.order.cancelled\s+10\s+deliveries_exhausted\s+boom$/,
    );
    expect(text[0].indexOf('ERROR')).toBe(text[1].indexOf('boom'));
  });
});
