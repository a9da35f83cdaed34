import { ConfigError, loadConfig } from '@suite/platform';
import { LalamoveConfig } from './lalamove.config';

describe('LalamoveConfig', () => {
  it('defaults to no credentials, the sandbox and the Philippine market', () => {
    expect(loadConfig(LalamoveConfig, {})).toEqual(
      expect.objectContaining({
        LALAMOVE_API_KEY: '',
        LALAMOVE_API_SECRET: '',
        LALAMOVE_MARKET: 'PH',
        LALAMOVE_CANCEL_WINDOW_SECONDS: 300,
      }),
    );
  });

  it('takes a key and a secret as a pair', () => {
    const config = loadConfig(LalamoveConfig, { LALAMOVE_API_KEY: 'pk_test_abcdefgh1', LALAMOVE_API_SECRET: 'sk_test_abcdefgh1' });
    expect(config.LALAMOVE_API_KEY).toBe('pk_test_abcdefgh1');
  });

  it('fails at start naming the variable, never echoing the secret', () => {
    const attempt = () => loadConfig(LalamoveConfig, { LALAMOVE_API_KEY: 'pk_test_abcdefgh1', LALAMOVE_API_SECRET: 'hunter2-oops' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/LALAMOVE_API_SECRET/);
    expect(attempt).not.toThrow(/hunter2/);
    expect(() => loadConfig(LalamoveConfig, { LALAMOVE_API_SECRET: 'sk_test_abcdefgh1' })).toThrow(/LALAMOVE_API_KEY/);
    expect(() => loadConfig(LalamoveConfig, { LALAMOVE_MARKET: 'XX' })).toThrow(/LALAMOVE_MARKET/);
  });
});
