import { ConfigError, loadConfig } from './env';
import { PlatformConfig } from './platform-config';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig(PlatformConfig, {});
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.NATS_REQUEST_TIMEOUT_MS).toBe(5000);
  });

  it('converts numbers and keeps given values', () => {
    const config = loadConfig(PlatformConfig, { NATS_URL: 'nats://a:1,nats://b:2', PORT: '8080', NATS_REQUEST_TIMEOUT_MS: '250' });
    expect(config.PORT).toBe(8080);
    expect(config.NATS_REQUEST_TIMEOUT_MS).toBe(250);
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig(PlatformConfig, { NATS_URL: 'http://x', LOG_LEVEL: 'loud', PORT: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables.map((v) => v.name).sort()).toEqual(['LOG_LEVEL', 'NATS_URL', 'PORT']);
    expect((error as ConfigError).message).toMatch(/NATS_URL/);
  });
});
