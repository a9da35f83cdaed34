import { markSeen } from './presence-sql';
import { DevicePresence } from './device-presence';

jest.mock('./presence-sql', () => ({ markSeen: jest.fn() }));
const write = markSeen as jest.MockedFunction<typeof markSeen>;

describe('DevicePresence', () => {
  const t = (s: number) => new Date(Date.UTC(2026, 10, 22, 5, 0, s));
  let presence: DevicePresence;
  let kick: jest.Mock;
  let onChange: (deviceId?: string) => void;
  const settle = () => (presence as unknown as { chain: Promise<void> }).chain;
  const flush = (mode: 'due' | 'all') => (presence as unknown as { flush(m: string): Promise<void> }).flush(mode);

  beforeEach(() => {
    write.mockReset().mockResolvedValue(0);
    kick = jest.fn();
    presence = new DevicePresence(
      {} as never,
      { LAST_SEEN_WRITE_SECONDS: 5 } as never,
      { kick } as never,
      { onChange: (l: (id?: string) => void) => (onChange = l) } as never,
    );
    presence.onApplicationBootstrap();
  });

  afterEach(() => presence.onApplicationShutdown());

  it('writes devices seen for the first time at once, together, with their newest time', async () => {
    presence.seen('a', t(1));
    presence.seen('b', t(1));
    presence.seen('a', t(3));
    await settle();
    expect(write).toHaveBeenCalledTimes(1);
    expect(write.mock.calls[0].slice(1)).toEqual([
      ['a', 'b'],
      [t(3), t(1)],
    ]);
  });

  it('then writes a device at most once per LAST_SEEN_WRITE_SECONDS, never an older time', async () => {
    presence.seen('a', t(1));
    await settle();
    presence.seen('a', t(2));
    presence.seen('a', t(0));
    await settle();
    await flush('due');
    expect(write).toHaveBeenCalledTimes(1);
    await flush('all');
    expect(write.mock.calls[1].slice(1)).toEqual([['a'], [t(2)]]);
  });

  it('checks a device again at once after a directory change (the watchdog took it OFFLINE), and kicks the outbox when it came ONLINE', async () => {
    presence.seen('a', t(1));
    await settle();
    onChange('a');
    write.mockResolvedValueOnce(1);
    presence.seen('a', t(2));
    await settle();
    expect(write).toHaveBeenCalledTimes(2);
    expect(kick).toHaveBeenCalledTimes(1);
  });

  it('keeps what it could not write and retries it', async () => {
    write.mockRejectedValueOnce(new Error('database away'));
    presence.seen('a', t(1));
    await settle();
    await flush('due');
    expect(write).toHaveBeenCalledTimes(2);
    expect(write.mock.calls[1].slice(1)).toEqual([['a'], [t(1)]]);
  });
});
